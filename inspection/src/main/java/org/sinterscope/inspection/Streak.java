package org.sinterscope.inspection;

/**
 * A band along the web whose coating is lighter or darker than its neighbours.
 *
 * @param x0Mm          operator-side edge of the band, mm
 * @param x1Mm          drive-side edge of the band, mm
 * @param contrastGrey  mean grey-level difference against the local coating (signed)
 */
public record Streak(double x0Mm, double x1Mm, double contrastGrey) {

    public double widthMm() {
        return x1Mm - x0Mm;
    }
}
