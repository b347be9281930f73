package org.sinterscope.inspection.crack;

import java.util.Objects;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.WebGrid;

/**
 * Cracks from a learned segmenter ({@link CrackSegmenter}): the score map is the network's crack
 * probability {@code p}; the mask is the 8-connected components of {@code p ≥ threshold} (the
 * bundle's, chosen on validation images) that hold a pixel with {@code p ≥ seedThreshold}
 * (hysteresis, the bundle's; {@link #mask}), without components whose bounding box is shorter than
 * the bundle's {@code minLengthPx}; skeleton and measurements as in {@link CrackDetector}. With {@code mirrors}
 * the probability is the mean over the image and its three mirror images
 * ({@link CrackSegmenter#probability(Mat, boolean)}).
 *
 * <p>Thread-safe (the segmenter serialises its graph calls).
 */
public final class LearnedCrackDetector implements CrackSegmentation {

    /** Skeleton components shorter than this are not counted as cracks, px (as {@link CrackDetectorConfig#standard()}). */
    static final double MIN_CRACK_LENGTH_PX = 20;

    private final CrackSegmenter segmenter;
    private final double threshold;
    private final double seedThreshold;
    private final int minLengthPx;
    private final boolean mirrors;

    public LearnedCrackDetector(CrackSegmenter segmenter) {
        this(segmenter, segmenter.bundle().metadata().threshold());
    }

    /** With a mask threshold other than the bundle's (for experiments), in (0, 1). */
    public LearnedCrackDetector(CrackSegmenter segmenter, double threshold) {
        this(segmenter, threshold, segmenter.bundle().metadata().minLengthPx());
    }

    /** With a mask threshold in (0, 1) and a minimum component length (px, ≥ 0) other than the bundle's. */
    public LearnedCrackDetector(CrackSegmenter segmenter, double threshold, int minLengthPx) {
        this(segmenter, threshold, minLengthPx, false);
    }

    /**
     * As {@link #LearnedCrackDetector(CrackSegmenter, double, int)}, optionally averaging over the
     * mirror images; the seed threshold is the bundle's, or {@code threshold} when that lies above it.
     */
    public LearnedCrackDetector(CrackSegmenter segmenter, double threshold, int minLengthPx, boolean mirrors) {
        this(segmenter, threshold, Math.max(threshold, segmenter.bundle().metadata().seedThreshold()), minLengthPx, mirrors);
    }

    /** With every setting given: mask threshold, hysteresis seed threshold (≥ it; equal = plain thresholding), ... */
    public LearnedCrackDetector(CrackSegmenter segmenter, double threshold, double seedThreshold, int minLengthPx,
                                boolean mirrors) {
        this.mirrors = mirrors;
        this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("mask threshold must be in (0, 1), got " + threshold);
        }
        if (minLengthPx < 0) {
            throw new IllegalArgumentException("minimum length must be >= 0 px, got " + minLengthPx);
        }
        if (!(seedThreshold >= threshold && seedThreshold < 1)) {
            throw new IllegalArgumentException("seed threshold must be in [threshold " + threshold + ", 1), got " + seedThreshold);
        }
        this.threshold = threshold;
        this.seedThreshold = seedThreshold;
        this.minLengthPx = minLengthPx;
    }

    public double threshold() {
        return threshold;
    }

    public double seedThreshold() {
        return seedThreshold;
    }

    /**
     * The mask of a probability map: 8-connected components of {@code p ≥ threshold} that hold a
     * pixel with {@code p ≥ seedThreshold} (hysteresis; equal thresholds = plain thresholding) and
     * whose bounding box is at least {@code minLengthPx} long, as 0/255 into {@code maskOut};
     * {@code skelOut} (may be null) receives their skeleton.
     */
    public static void mask(Mat p, double threshold, double seedThreshold, int minLengthPx, Mat maskOut, Mat skelOut) {
        if (!(threshold > 0 && seedThreshold >= threshold && seedThreshold < 1)) {
            throw new IllegalArgumentException("need 0 < threshold <= seed threshold < 1, got " + threshold + ", " + seedThreshold);
        }
        try (Mats m = new Mats()) {
            Mat on = m.mat();
            Core.compare(p, new Scalar(threshold), on, Core.CMP_GE);
            Mat seeds = on;
            if (seedThreshold > threshold) {
                seeds = m.mat();
                Core.compare(p, new Scalar(seedThreshold), seeds, Core.CMP_GE);
            }
            MaskOps.hysteresis(on, seeds, minLengthPx, 0, 0, maskOut, skelOut);
        }
    }

    @Override
    public CrackResult detect(Mat grey8u, WebGrid grid, Mat scoreOut) {
        Objects.requireNonNull(grid, "grid");
        if (grey8u == null || grey8u.empty() || grey8u.type() != CvType.CV_8UC1) {
            throw new IllegalArgumentException("crack detection needs a non-empty 8-bit grey image (CV_8UC1)");
        }
        Mat fullMask = new Mat();
        try (Mats m = new Mats()) {
            Mat p = m.add(segmenter.probability(grey8u, mirrors));
            if (scoreOut != null) {
                p.copyTo(scoreOut);
            }
            Mat mask = m.mat();
            Mat skel = m.mat();
            mask(p, threshold, seedThreshold, minLengthPx, mask, skel);
            return CrackDetector.measure(mask, skel, 1, grid, grey8u.size(), MIN_CRACK_LENGTH_PX, fullMask, m);
        } catch (RuntimeException e) {
            fullMask.release();
            throw e;
        }
    }
}
