package org.sinterscope.routes.foil;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.sinterscope.inspection.roughness.RoughnessParameters;

/**
 * The foil verdict on one profile of a reading, against the recipe's foil limits.
 *
 * @param lot         foil lot
 * @param yMm         web position of the reading, mm
 * @param source      the reading's file or message
 * @param profile     the profile's name (file, row)
 * @param decidedAt   when the verdict was made
 * @param parameters  the ISO 21920-2 parameters (filtered evaluation, ISO 16610-21, λc 0.8 mm)
 * @param pass        whether every foil limit that is on holds
 * @param reasons     one line per limit that failed ("Ra 0.141 µm < 0.200 µm"); empty when it passes
 */
public record FoilVerdict(String lot, double yMm, String source, String profile, Instant decidedAt,
                          RoughnessParameters parameters, boolean pass, List<String> reasons) {

    public FoilVerdict {
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(parameters, "parameters");
        reasons = List.copyOf(reasons);
        if (pass != reasons.isEmpty()) {
            throw new IllegalArgumentException("a foil verdict passes exactly when it has no reasons, got pass=" + pass
                    + " with reasons " + reasons);
        }
    }

    /** One line for logs and alarms. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "foil lot %s at y %.1f mm (%s): %s%s", lot, yMm, profile,
                pass ? "PASS" : "FAIL: ", String.join("; ", reasons));
    }
}
