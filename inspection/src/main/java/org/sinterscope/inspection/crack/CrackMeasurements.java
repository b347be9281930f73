package org.sinterscope.inspection.crack;

import java.util.List;

/**
 * Crack measurements of one image, in physical units through its pixel pitch.
 *
 * <p>Lengths come from the skeleton of the crack mask: an orthogonal step counts one pixel pitch,
 * a diagonal step the pixel diagonal (a diagonal is not counted where the two orthogonal steps
 * around it are also on the skeleton), and the sum is multiplied by Kulpa's factor
 * {@code π(1+√2)/8 ≈ 0.948}, which removes the mean over-estimate of the 8-connected chain for
 * curves of all orientations (Kulpa, "Area and perimeter measurement of blobs in discrete binary
 * pictures", CGIP 6, 1977). Widths are {@code 2·d − 0.5} pixels across the crack, with {@code d}
 * the Euclidean distance of a skeleton pixel to the background. Only skeleton components at least
 * the configured minimum crack length long count.
 *
 * @param totalLengthMm         summed length of all counted cracks, mm
 * @param inspectedAreaMm2      area of the image, mm²
 * @param lengthDensityPerMm    {@code totalLengthMm / inspectedAreaMm2}, mm of crack per mm²
 * @param meanWidthUm           mean width over the skeleton pixels of counted cracks, µm (0 without cracks)
 * @param maxWidthUm            largest width at a skeleton pixel, µm (0 without cracks)
 * @param longestCrackMm        length of the longest single crack (skeleton component), mm
 * @param crackCount            number of separate cracks (8-connected skeleton components)
 * @param branchPointCount      skeleton pixels where three or more branches meet (adjacent ones count once)
 * @param orientationHistogramMm crack length per orientation bin, mm: 8 bins of 22.5° from 0° (along
 *                              the image x axis, cross direction) turning towards +y (machine direction)
 */
public record CrackMeasurements(double totalLengthMm, double inspectedAreaMm2, double lengthDensityPerMm,
                                double meanWidthUm, double maxWidthUm, double longestCrackMm, int crackCount,
                                int branchPointCount, List<Double> orientationHistogramMm) {

    /** Number of orientation bins over 0–180°. */
    public static final int ORIENTATION_BINS = 8;

    public CrackMeasurements {
        double[] v = {totalLengthMm, lengthDensityPerMm, meanWidthUm, maxWidthUm, longestCrackMm};
        for (double d : v) {
            if (!(d >= 0) || !Double.isFinite(d)) {
                throw new IllegalArgumentException("crack measurements must be finite and >= 0, got length=" + totalLengthMm
                        + " mm, density=" + lengthDensityPerMm + " /mm, meanWidth=" + meanWidthUm + " µm, maxWidth="
                        + maxWidthUm + " µm, longest=" + longestCrackMm + " mm");
            }
        }
        if (!(inspectedAreaMm2 > 0) || !Double.isFinite(inspectedAreaMm2)) {
            throw new IllegalArgumentException("inspected area must be finite and > 0, got " + inspectedAreaMm2 + " mm²");
        }
        if (crackCount < 0 || branchPointCount < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got cracks=" + crackCount + ", branch points=" + branchPointCount);
        }
        orientationHistogramMm = List.copyOf(orientationHistogramMm);
        if (orientationHistogramMm.size() != ORIENTATION_BINS) {
            throw new IllegalArgumentException("orientation histogram needs " + ORIENTATION_BINS + " bins, got "
                    + orientationHistogramMm.size());
        }
    }
}
