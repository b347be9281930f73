package org.sinterscope.inspection.crack;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a crack-segmenter bundle says about itself ({@code metadata.json} in the bundle).
 *
 * @param format          always {@value #FORMAT}
 * @param formatVersion   bundle layout version; a reader refuses versions it does not know
 * @param architecture    one-line description of the network
 * @param parameterCount  trainable parameters
 * @param inputMultiplePx the graph's input sides must be multiples of this, px (2^pooling steps)
 * @param input           how the input is prepared (a description of {@link SegmenterInput})
 * @param threshold       probability threshold of the crack mask, chosen on the validation images
 * @param minLengthPx     mask components whose bounding box is shorter than this are dropped, px
 * @param seed            the seed that drove split, initialisation, sampling and augmentation
 * @param trainedAt       when training finished, ISO-8601 UTC
 * @param trainingSeconds wall time of training, s
 * @param dataHash        SHA-256 over the sorted training and validation file list (name and size), hex
 * @param samples         images per part ("train", "val")
 * @param evaluation      figures on the validation images (tolerant F1 at the threshold, ...)
 * @param graphSha256     SHA-256 of the graph entry, hex
 * @param normWindowPx    input normalisation: 0 (or absent, older bundles) = median and spread of the whole
 *                        image; {@code w > 0} = of the {@code w × w} window around each pixel
 *                        ({@link SegmenterInput#normaliseLocal}), as the training patches of side {@code w} were
 * @param seedThreshold   hysteresis: a mask component (8-connected, probability ≥ {@code threshold}) is kept only
 *                        when it holds a pixel with probability ≥ this; absent (older bundles) = {@code threshold}
 *                        (plain thresholding)
 * @param scales          the probability map is the mean of the maps of the image resized by these factors
 *                        (each map resized back); absent (older bundles) = [1]
 */
public record SegmenterMetadata(String format, int formatVersion, String architecture, long parameterCount,
                                int inputMultiplePx, String input, double threshold, int minLengthPx, long seed,
                                String trainedAt, double trainingSeconds, String dataHash, Map<String, Integer> samples,
                                Map<String, Double> evaluation, String graphSha256, Integer normWindowPx,
                                Double seedThreshold, List<Double> scales) {

    public static final String FORMAT = "sinterscope-crack-segmenter";
    public static final int FORMAT_VERSION = 1;
    /** Smallest and largest input scale. */
    public static final double MIN_SCALE = 0.25;
    public static final double MAX_SCALE = 2.0;

    public SegmenterMetadata {
        // sorted: the JSON (and so the bundle's bytes) does not depend on map iteration order
        samples = samples == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(samples));
        evaluation = evaluation == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(evaluation));
        normWindowPx = normWindowPx == null ? 0 : normWindowPx;
        if (normWindowPx != 0 && (normWindowPx < SegmenterInput.MIN_WINDOW_PX || normWindowPx > SegmenterInput.MAX_WINDOW_PX)) {
            throw new IllegalArgumentException("normalisation window must be 0 (whole image) or " + SegmenterInput.MIN_WINDOW_PX
                    + ".." + SegmenterInput.MAX_WINDOW_PX + " px, got " + normWindowPx);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("mask threshold must be in (0, 1), got " + threshold);
        }
        seedThreshold = seedThreshold == null ? threshold : seedThreshold;
        if (!(seedThreshold >= threshold && seedThreshold < 1)) {
            throw new IllegalArgumentException("seed threshold must be in [threshold " + threshold + ", 1), got " + seedThreshold);
        }
        scales = scales == null || scales.isEmpty() ? List.of(1.0) : List.copyOf(scales);
        for (double f : scales) {
            if (!(f >= MIN_SCALE && f <= MAX_SCALE)) {
                throw new IllegalArgumentException("input scales must be " + MIN_SCALE + ".." + MAX_SCALE + ", got " + scales);
            }
        }
        if (minLengthPx < 0 || minLengthPx > 10_000) {
            throw new IllegalArgumentException("minimum length must be 0..10000 px, got " + minLengthPx);
        }
        if (inputMultiplePx < 1 || inputMultiplePx > 64 || Integer.bitCount(inputMultiplePx) != 1) {
            throw new IllegalArgumentException("input multiple must be a power of two 1..64, got " + inputMultiplePx);
        }
    }

    /** Whole-image input normalisation (the bundles before the {@code normWindowPx} field). */
    public SegmenterMetadata(String format, int formatVersion, String architecture, long parameterCount, int inputMultiplePx,
                             String input, double threshold, int minLengthPx, long seed, String trainedAt, double trainingSeconds,
                             String dataHash, Map<String, Integer> samples, Map<String, Double> evaluation, String graphSha256) {
        this(format, formatVersion, architecture, parameterCount, inputMultiplePx, input, threshold, minLengthPx, seed, trainedAt,
                trainingSeconds, dataHash, samples, evaluation, graphSha256, 0, null, null);
    }

    /** A copy with the graph checksum set. */
    public SegmenterMetadata withGraphSha256(String sha) {
        return new SegmenterMetadata(format, formatVersion, architecture, parameterCount, inputMultiplePx, input, threshold,
                minLengthPx, seed, trainedAt, trainingSeconds, dataHash, samples, evaluation, sha, normWindowPx, seedThreshold,
                scales);
    }

    /**
     * A copy with another input normalisation (window, its description, input scales), mask and
     * seed thresholds and validation figures (a re-calibration of the same graph; the graph
     * checksum is kept).
     */
    public SegmenterMetadata withCalibration(int window, String inputDescription, List<Double> inputScales, double maskThreshold,
                                             double seedMaskThreshold, Map<String, Double> figures) {
        return new SegmenterMetadata(format, formatVersion, architecture, parameterCount, inputMultiplePx, inputDescription,
                maskThreshold, minLengthPx, seed, trainedAt, trainingSeconds, dataHash, samples, figures, graphSha256, window,
                seedMaskThreshold, inputScales);
    }
}
