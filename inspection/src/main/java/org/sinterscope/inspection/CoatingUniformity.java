package org.sinterscope.inspection;

import java.util.List;

/**
 * Cross-direction (CD) uniformity of the coating in one frame.
 *
 * <p>The CD profile is the robust column mean of grey level: the frame is cut into horizontal
 * stripes, each stripe's column means are taken, and the per-column median over stripes is
 * kept, so a local spot does not move it. {@code cvPercent} is the coefficient of variation
 * (standard deviation / mean × 100) of that profile over the coated band without its outer
 * {@code edgeExclusionMm}. Grey level stands in for coat weight: calibrate against a gauge for
 * absolute numbers.
 *
 * @param leftEdgeMm       mean x of the operator-side coating edge, mm
 * @param rightEdgeMm      mean x of the drive-side coating edge, mm
 * @param meanGrey         mean grey level of the coated band
 * @param cvPercent        CD coefficient of variation, %
 * @param profileBinMm     width of one bin of {@code profileGrey}, mm
 * @param profileX0Mm      x of the first bin's left edge, mm
 * @param profileGrey      the CD profile over the coated band, binned
 * @param streaks          streaks found in this frame
 */
public record CoatingUniformity(double leftEdgeMm, double rightEdgeMm, double meanGrey, double cvPercent,
                                double profileBinMm, double profileX0Mm, float[] profileGrey,
                                List<Streak> streaks) {

    public CoatingUniformity {
        streaks = List.copyOf(streaks);
        profileGrey = profileGrey.clone();
    }

    public double widthMm() {
        return rightEdgeMm - leftEdgeMm;
    }

    /** Width of the bare copper margin on the operator side, from the foil edge at x = 0. */
    public double leftMarginMm() {
        return leftEdgeMm;
    }

    @Override
    public float[] profileGrey() {
        return profileGrey.clone();
    }

    /** A frame where no coated band could be found. */
    public static CoatingUniformity none() {
        return new CoatingUniformity(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1, 0, new float[0], List.of());
    }

    public boolean found() {
        return !Double.isNaN(leftEdgeMm);
    }
}
