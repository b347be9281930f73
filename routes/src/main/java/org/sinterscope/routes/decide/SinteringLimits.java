package org.sinterscope.routes.decide;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.sinterscope.inspection.xrd.Reflection;

/**
 * The process window of the sintering step, from the alloy (the recipe's {@code sintering} section).
 * A web stretch complies when, in every furnace zone it passed, the temperature stayed at most
 * {@link #maxTempC()} = {@code crystallizationTempC − marginC}, O₂ at most {@code maxO2Ppm}, the dew
 * point at most {@code maxDewPointC}, and it spent at least {@code minDwellS} above
 * {@code dwellLevelC}; a lab XRD scan of it complies when its crystallinity index is at most
 * {@code xrdMaxCrystallinity}. NaN switches an atmosphere, dwell or XRD limit off.
 *
 * @param alloy                active-material alloy, e.g. {@code "a-Si"}
 * @param crystallizationTempC the alloy's crystallization temperature from DSC, °C
 * @param marginC              safety margin below it, °C (≥ 0)
 * @param maxO2Ppm             highest O₂ in the furnace atmosphere, ppm
 * @param maxDewPointC         highest dew point of the atmosphere, °C
 * @param minDwellS            shortest time above {@code dwellLevelC}, s
 * @param dwellLevelC          temperature that counts as sintering for the dwell, °C (below {@link #maxTempC()})
 * @param xrdMaxCrystallinity  highest crystallinity index of a lab XRD scan, in [0, 1]
 * @param xrdReflections       reflections of the alloy's crystalline phases to name, besides Si's, for Cu Kα1
 * @param onViolation          what a stretch out of the window gets
 */
public record SinteringLimits(String alloy, double crystallizationTempC, double marginC, double maxO2Ppm,
                              double maxDewPointC, double minDwellS, double dwellLevelC, double xrdMaxCrystallinity,
                              List<Reflection> xrdReflections, Violation onViolation) {

    /** What a stretch sintered out of the window gets. */
    public enum Violation {
        /** rejected like any other defect: sent to the actuators */
        REJECT,
        /** marked and held until the lab's XRD says whether the alloy stayed amorphous */
        HOLD_FOR_LAB;

        /** {@code reject} or {@code hold-for-lab}. */
        public static Violation parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "reject" -> REJECT;
                case "hold-for-lab" -> HOLD_FOR_LAB;
                default -> throw new IllegalArgumentException("onViolation must be 'reject' or 'hold-for-lab', got '" + s + "'");
            };
        }

        public String label() {
            return this == REJECT ? "reject" : "hold-for-lab";
        }
    }

    public SinteringLimits {
        Objects.requireNonNull(onViolation, "onViolation");
        xrdReflections = List.copyOf(xrdReflections);
        if (alloy == null || alloy.isBlank()) {
            throw new IllegalArgumentException("sintering: the alloy must be named");
        }
        if (!(crystallizationTempC > 0 && crystallizationTempC < 3000)) {
            throw new IllegalArgumentException("sintering: crystallization temperature must be within (0, 3000) °C, got "
                    + crystallizationTempC);
        }
        if (!(marginC >= 0 && marginC < crystallizationTempC)) {
            throw new IllegalArgumentException("sintering: margin must be >= 0 °C and below the crystallization temperature "
                    + crystallizationTempC + " °C, got " + marginC);
        }
        if (maxO2Ppm < 0 || Double.isInfinite(maxO2Ppm)) {
            throw new IllegalArgumentException("sintering: O2 limit must be finite and >= 0 ppm (or off), got " + maxO2Ppm);
        }
        if (Double.isInfinite(maxDewPointC) || maxDewPointC < -120 || maxDewPointC > 100) {
            throw new IllegalArgumentException("sintering: dew point limit must be within [-120, 100] °C (or off), got "
                    + maxDewPointC);
        }
        if (Double.isNaN(minDwellS) != Double.isNaN(dwellLevelC)) {
            throw new IllegalArgumentException("sintering: minDwellS and dwellLevelC go together, got " + minDwellS
                    + " s above " + dwellLevelC + " °C");
        }
        if (minDwellS < 0 || Double.isInfinite(minDwellS)) {
            throw new IllegalArgumentException("sintering: minimum dwell must be finite and >= 0 s, got " + minDwellS);
        }
        if (dwellLevelC >= crystallizationTempC - marginC) {
            throw new IllegalArgumentException("sintering: dwell level " + dwellLevelC + " °C must lie below the highest "
                    + "allowed temperature " + (crystallizationTempC - marginC) + " °C (crystallization " + crystallizationTempC
                    + " − margin " + marginC + ")");
        }
        if (xrdMaxCrystallinity < 0 || xrdMaxCrystallinity > 1) {
            throw new IllegalArgumentException("sintering: XRD crystallinity limit must be within [0, 1], got "
                    + xrdMaxCrystallinity);
        }
    }

    /** Highest allowed furnace temperature: crystallization temperature minus margin, °C. */
    public double maxTempC() {
        return crystallizationTempC - marginC;
    }
}
