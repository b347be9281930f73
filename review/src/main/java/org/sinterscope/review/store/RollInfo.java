package org.sinterscope.review.store;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A roll the station inspects: what the store files segments and defects under.
 *
 * @param id           unique roll id; letters, digits, '.', '_' and '-' only (it names a crop folder)
 * @param stationId    the station that inspected it
 * @param product      the recipe's product
 * @param lot          the foil lot it was coated on
 * @param foilWidthMm  width of the foil, mm (x runs from 0 to this)
 * @param viewX0Mm     x of the camera view's first column, mm (negative when the view is wider than the foil)
 * @param viewX1Mm     x just past the camera view's last column, mm
 * @param startedAt    when inspection of the roll began
 */
public record RollInfo(String id, String stationId, String product, String lot, double foilWidthMm, double viewX0Mm,
                       double viewX1Mm, Instant startedAt) {

    /** What a roll id (and a camera id in a crop path) may contain. */
    public static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    public RollInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(startedAt, "startedAt");
        if (!SAFE_ID.matcher(id).matches() || id.startsWith(".")) {
            throw new IllegalArgumentException("roll id must be 1-100 letters, digits, '.', '_' or '-' and not start with '.', got '"
                    + id + "'");
        }
        if (!(foilWidthMm > 0) || !(viewX1Mm > viewX0Mm)) {
            throw new IllegalArgumentException("roll geometry must have foil width > 0 and view x1 > x0, got foil "
                    + foilWidthMm + " mm, view [" + viewX0Mm + ", " + viewX1Mm + "] mm");
        }
    }
}
