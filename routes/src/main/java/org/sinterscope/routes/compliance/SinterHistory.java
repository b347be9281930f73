package org.sinterscope.routes.compliance;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one stretch of web (a bin of {@code sinterscope.furnace.bin-mm}) went through in the furnace.
 * Mutable while the stretch is inside; guarded by {@link FurnaceCompliance}'s lock.
 */
public final class SinterHistory {

    final double y0Mm;
    final double y1Mm;
    double maxTempC = Double.NaN;
    String maxTempZone;
    double secondsAbove;
    double worstO2Ppm = Double.NaN;
    double worstDewPointC = Double.NaN;
    int readings;
    final Set<String> causes = new TreeSet<>();
    boolean judged;

    SinterHistory(double y0Mm, double y1Mm) {
        this.y0Mm = y0Mm;
        this.y1Mm = y1Mm;
    }

    /**
     * A finished stretch's record.
     *
     * @param y0Mm           start, web mm
     * @param y1Mm           end, web mm
     * @param maxTempC       highest zone temperature it saw, °C (NaN: none read)
     * @param maxTempZone    the zone of that temperature
     * @param secondsAbove   time spent above the recipe's dwell level, s
     * @param worstO2Ppm     highest O₂, ppm (NaN: none read)
     * @param worstDewPointC highest dew point, °C (NaN: none read)
     * @param readings       readings that applied to it
     * @param causes         the violations found (empty: complies)
     */
    public record Record(double y0Mm, double y1Mm, double maxTempC, String maxTempZone, double secondsAbove,
                         double worstO2Ppm, double worstDewPointC, int readings, List<String> causes) {
        public boolean complies() {
            return causes.isEmpty();
        }
    }

    Record record() {
        return new Record(y0Mm, y1Mm, maxTempC, maxTempZone, secondsAbove, worstO2Ppm, worstDewPointC, readings,
                List.copyOf(causes));
    }
}
