package org.sinterscope.inspection.crack;

import java.util.Collections;
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
 */
public record SegmenterMetadata(String format, int formatVersion, String architecture, long parameterCount,
                                int inputMultiplePx, String input, double threshold, int minLengthPx, long seed,
                                String trainedAt, double trainingSeconds, String dataHash, Map<String, Integer> samples,
                                Map<String, Double> evaluation, String graphSha256) {

    public static final String FORMAT = "sinterscope-crack-segmenter";
    public static final int FORMAT_VERSION = 1;

    public SegmenterMetadata {
        // sorted: the JSON (and so the bundle's bytes) does not depend on map iteration order
        samples = samples == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(samples));
        evaluation = evaluation == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(evaluation));
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("mask threshold must be in (0, 1), got " + threshold);
        }
        if (minLengthPx < 0 || minLengthPx > 10_000) {
            throw new IllegalArgumentException("minimum length must be 0..10000 px, got " + minLengthPx);
        }
        if (inputMultiplePx < 1 || inputMultiplePx > 64 || Integer.bitCount(inputMultiplePx) != 1) {
            throw new IllegalArgumentException("input multiple must be a power of two 1..64, got " + inputMultiplePx);
        }
    }

    /** A copy with the graph checksum set. */
    public SegmenterMetadata withGraphSha256(String sha) {
        return new SegmenterMetadata(format, formatVersion, architecture, parameterCount, inputMultiplePx, input, threshold,
                minLengthPx, seed, trainedAt, trainingSeconds, dataHash, samples, evaluation, sha);
    }
}
