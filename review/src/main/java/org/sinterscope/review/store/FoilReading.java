package org.sinterscope.review.store;

import java.time.Instant;
import java.util.Objects;

import org.sinterscope.inspection.roughness.RoughnessParameters;
import org.sinterscope.inspection.roughness.RoughnessResult;

/**
 * One profilometer reading of the foil, as the foil route hands it to the store. NaN for a
 * parameter that was not evaluated.
 *
 * @param lot         foil lot
 * @param rollId      the roll coated on this foil, or null when not known yet
 * @param measuredAt  when it was measured
 * @param source      where the reading came from (file, instrument id)
 * @param raUm        arithmetic mean height Ra, µm
 * @param rqUm        root-mean-square height Rq, µm
 * @param rzUm        maximum height Rz, µm
 * @param rsk         skewness Rsk (no unit)
 * @param rku         kurtosis Rku (no unit)
 * @param rsmUm       mean profile element width RSm, µm
 * @param pass        whether the foil route judged the reading acceptable (Ra ≥ 0.2 µm, …)
 */
public record FoilReading(String lot, String rollId, Instant measuredAt, String source, double raUm, double rqUm,
                          double rzUm, double rsk, double rku, double rsmUm, boolean pass) {

    public FoilReading {
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(measuredAt, "measuredAt");
        Objects.requireNonNull(source, "source");
        if (lot.isBlank() || lot.length() > 100) {
            throw new IllegalArgumentException("foil lot must be 1-100 characters, got '" + lot + "'");
        }
        if (!(raUm >= 0) || !Double.isFinite(raUm)) {
            throw new IllegalArgumentException("foil reading Ra must be finite and >= 0 µm, got " + raUm);
        }
    }

    /**
     * A reading from an evaluated profile; {@code pass} is {@code Ra >= minRaUm} (0.2 µm for the
     * negative-electrode foil).
     */
    public static FoilReading of(String lot, String rollId, Instant measuredAt, RoughnessResult r, double minRaUm) {
        RoughnessParameters p = r.parameters();
        return new FoilReading(lot, rollId, measuredAt, r.profileName(), p.raUm(), p.rqUm(), p.rzUm(), p.rsk(), p.rku(),
                p.rsmUm(), p.raUm() >= minRaUm);
    }
}
