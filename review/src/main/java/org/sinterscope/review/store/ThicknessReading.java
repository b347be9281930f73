package org.sinterscope.review.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One thickness gauge reading of the coated web, an optional record of drying and rolling.
 *
 * @param rollId      roll the reading belongs to (1-100 characters)
 * @param yMm         web position, mm from the start of the roll, finite and ≥ 0
 * @param stage       where the gauge sits: after the dryer or after the calender
 * @param measuredAt  when it was measured
 * @param source      gauge or file it came from
 * @param thicknessUm total thickness (foil and coating), µm, finite and in (0, 10 000]
 */
public record ThicknessReading(String rollId, double yMm, Stage stage, Instant measuredAt, String source,
                               double thicknessUm) {

    /** Where the gauge sits on the line. */
    public enum Stage { DRIED, ROLLED }

    public ThicknessReading {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(measuredAt, "measuredAt");
        Objects.requireNonNull(source, "source");
        if (rollId == null || rollId.isBlank() || rollId.length() > 100) {
            throw new IllegalArgumentException("thickness reading roll id must be 1-100 characters, got '" + rollId + "'");
        }
        if (!Double.isFinite(yMm) || yMm < 0) {
            throw new IllegalArgumentException("thickness reading web position must be finite and >= 0 mm, got " + yMm);
        }
        if (!(thicknessUm > 0 && thicknessUm <= 10_000)) {
            throw new IllegalArgumentException("thickness must be in (0, 10000] µm, got " + thicknessUm);
        }
    }
}
