package org.sinterscope.review.store;

import java.time.Instant;

/**
 * Which defects to list; null for "any".
 *
 * @param rollId         one roll
 * @param defectClass    effective class (the reviewer's label when there is one, else the line's)
 * @param minConfidence  at least this confidence
 * @param maxConfidence  at most this confidence
 * @param from           found at or after
 * @param to             found before
 * @param reviewed       reviewed (true) or not yet (false)
 * @param limit          at most this many (1–100 000; the API allows 1–1000 per page)
 * @param offset         skip this many first
 */
public record DefectFilter(String rollId, String defectClass, Double minConfidence, Double maxConfidence, Instant from,
                           Instant to, Boolean reviewed, int limit, int offset) {

    public DefectFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT + ", got " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, got " + offset);
        }
        if (minConfidence != null && maxConfidence != null && minConfidence > maxConfidence) {
            throw new IllegalArgumentException("minConfidence " + minConfidence + " is above maxConfidence " + maxConfidence);
        }
    }

    /** The most one read returns. */
    public static final int MAX_LIMIT = 100_000;

    public static DefectFilter all() {
        return new DefectFilter(null, null, null, null, null, null, null, MAX_LIMIT, 0);
    }

    /** Every defect of a roll (up to {@link #MAX_LIMIT}), for the map, the report and the CSV. */
    public static DefectFilter ofRoll(String rollId) {
        return new DefectFilter(rollId, null, null, null, null, null, null, MAX_LIMIT, 0);
    }
}
