package org.sinterscope.inspection.coating;

import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import org.opencv.imgproc.Moments;

/**
 * How far a thin line-shaped object departs from a straight band, from the second moments of its
 * binary mask alone (one {@code Imgproc.moments} call, no pixel loop).
 *
 * <p>Formula: with {@code λ1 ≥ λ2} the eigenvalues of the pixel-centre covariance of the mask
 * ({@code mu20, mu11, mu02} over {@code m00}), a straight band of length {@code L} and width
 * {@code w} has {@code λ1 = L²/12} and {@code λ2 = w²/12}. So
 * <pre>
 *   lengthPx = √(12 λ1),   widthPx = m00 / lengthPx,   bendPx = √max(0, λ2 − widthPx²/12)
 *   bendRatio = bendPx / lengthPx
 * </pre>
 * {@code bendPx} is the RMS distance of the object's pixels from its best straight line, with the
 * band's own width taken out: 0 for a straight line of any width and direction (up to
 * digitisation, ≈ 0.1–0.3 px), ≈ 0.298 s for a circular arc of sagitta {@code s}, so
 * {@code bendRatio ≈ 0.298 s / L = 0.037 L / R} for an arc of radius {@code R} (small angles).
 * An S-curve bends less about its best line than an arc of the same sagitta.
 *
 * <p>Square pixels are assumed (the ratio is dimensionless; the station's line camera is 50 × 50 µm).
 *
 * @param lengthPx  length of the equivalent straight band, px
 * @param widthPx   its width (area / length), px
 * @param bendPx    RMS distance from the best straight line beyond the band's width, px
 */
record LineShape(double lengthPx, double widthPx, double bendPx) {

    LineShape {
        if (!(lengthPx >= 0) || !(widthPx >= 0) || !(bendPx >= 0)) {
            throw new IllegalArgumentException("line shape must be finite and >= 0, got length " + lengthPx
                    + " px, width " + widthPx + " px, bend " + bendPx + " px");
        }
    }

    /** {@code bendPx / lengthPx}, 0 for an empty mask. */
    double bendRatio() {
        return lengthPx > 0 ? bendPx / lengthPx : 0;
    }

    /**
     * @param mask 8-bit binary mask (non-zero = object), one object
     * @throws IllegalArgumentException when the mask is empty
     */
    static LineShape of(Mat mask) {
        Moments mo = Imgproc.moments(mask, true);
        double n = mo.m00;
        if (!(n > 0)) {
            throw new IllegalArgumentException("line shape of an empty mask (" + mask.cols() + " x " + mask.rows() + " px)");
        }
        double a = mo.mu20 / n;
        double c = mo.mu02 / n;
        double b = mo.mu11 / n;
        double half = Math.hypot((a - c) / 2, b);
        double l1 = (a + c) / 2 + half;
        double l2 = Math.max(0, (a + c) / 2 - half);
        double length = Math.sqrt(12 * l1);
        double width = length > 0 ? n / length : 0;
        double bend = Math.sqrt(Math.max(0, l2 - width * width / 12));
        return new LineShape(length, width, bend);
    }
}
