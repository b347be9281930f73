package org.sinterscope.routes.store;

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
 * @param limit          at most this many (1–1000)
 * @param offset         skip this many first
 */
public record DefectFilter(String rollId, String defectClass, Double minConfidence, Double maxConfidence, Instant from,
                           Instant to, Boolean reviewed, int limit, int offset) {

    public DefectFilter {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1-1000, got " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, got " + offset);
        }
        if (minConfidence != null && maxConfidence != null && minConfidence > maxConfidence) {
            throw new IllegalArgumentException("minConfidence " + minConfidence + " is above maxConfidence " + maxConfidence);
        }
    }

    public static DefectFilter all() {
        return new DefectFilter(null, null, null, null, null, null, null, 1000, 0);
    }

    public static DefectFilter ofRoll(String rollId) {
        return new DefectFilter(rollId, null, null, null, null, null, null, 1000, 0);
    }
}
