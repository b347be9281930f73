package org.sinterscope.review.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One lab XRD amorphous check as the store keeps it with its roll.
 *
 * @param rollId             roll the sample was cut from (the roll need not be in the store yet)
 * @param yMm                web position of the sample, mm from the start of the roll
 * @param sampleId           the lab's sample id, or null
 * @param source             the scan file (and scan number)
 * @param measuredAt         when the result was stored (the scan's own time when known)
 * @param crystallinityIndex sharp peak area / (sharp + halo area), in [0, 1]
 * @param crystallinityStdErr its standard error, or NaN
 * @param limit              the recipe's limit
 * @param verdict            {@code AMORPHOUS} or {@code CRYSTALLINE}
 * @param peaksJson          the peaks as a JSON array (position, FWHM, area, Scherrer size, reflection)
 */
public record XrdRecord(String rollId, double yMm, String sampleId, String source, Instant measuredAt,
                        double crystallinityIndex, double crystallinityStdErr, double limit, String verdict,
                        String peaksJson) {

    public XrdRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(measuredAt, "measuredAt");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(peaksJson, "peaksJson");
        if (rollId == null || rollId.isBlank() || rollId.length() > 100) {
            throw new IllegalArgumentException("XRD record roll id must be 1-100 characters, got '" + rollId + "'");
        }
        if (!(yMm >= 0) || !Double.isFinite(yMm)) {
            throw new IllegalArgumentException("XRD record web position must be finite and >= 0 mm, got " + yMm);
        }
        if (!(crystallinityIndex >= 0 && crystallinityIndex <= 1)) {
            throw new IllegalArgumentException("crystallinity index must be within [0, 1], got " + crystallinityIndex);
        }
        if (peaksJson.length() > 8000) {
            throw new IllegalArgumentException("XRD peaks JSON is " + peaksJson.length() + " characters, more than 8000");
        }
    }
}
