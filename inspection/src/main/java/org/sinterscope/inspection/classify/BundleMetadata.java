package org.sinterscope.inspection.classify;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a model bundle says about itself ({@code metadata.json} in the bundle).
 *
 * @param format           always {@value #FORMAT}
 * @param formatVersion    bundle layout version; a reader refuses versions it does not know
 * @param classes          class names in the order of the network's outputs
 * @param inputSizePx      side of the square input patch, px (equals {@code patch.sizePx})
 * @param channels         input channels (1: grey)
 * @param patch            how patches were prepared for training; the line prepares them the same way
 * @param architecture     a one-line description of the network
 * @param parameterCount   number of trainable parameters
 * @param seed             the seed that drove split, initialisation, shuffling and augmentation
 * @param trainedAt        when training finished, ISO-8601 UTC
 * @param trainingSeconds  wall time of training, s
 * @param dataHash         SHA-256 over the sorted list of training files (relative path and size),
 *                         hex; identifies the data a bundle was trained from
 * @param samples          number of samples per split ("train", "val", "test")
 * @param evaluation       evaluation figures per split: "accuracy" and "macroF1" (fractions)
 * @param graphSha256      SHA-256 of the graph entry, hex
 * @param imageFit         how whole images (data-set images, saved crop windows) were fitted to the
 *                         input in training; evaluation does the same. Absent in older bundles:
 *                         {@link ImageFit#STRETCH}
 * @param training         the training recipe in a few words (class balance, selection, augmentation);
 *                         may be empty
 */
public record BundleMetadata(String format, int formatVersion, List<String> classes, int inputSizePx, int channels,
                             PatchSettings patch, String architecture, long parameterCount, long seed,
                             String trainedAt, double trainingSeconds, String dataHash,
                             Map<String, Integer> samples, Map<String, Map<String, Double>> evaluation,
                             String graphSha256, ImageFit imageFit, String training) {

    public static final String FORMAT = "sinterscope-classifier-bundle";
    public static final int FORMAT_VERSION = 1;

    public BundleMetadata {
        Objects.requireNonNull(classes, "classes");
        Objects.requireNonNull(patch, "patch");
        classes = List.copyOf(classes);
        samples = samples == null ? Map.of() : Map.copyOf(samples);
        evaluation = evaluation == null ? Map.of() : Map.copyOf(evaluation);
        imageFit = imageFit == null ? ImageFit.STRETCH : imageFit;
        training = training == null ? "" : training;
        if (classes.size() < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
        }
        if (new HashSet<>(classes).size() != classes.size() || classes.stream().anyMatch(c -> c == null || c.isBlank())) {
            throw new IllegalArgumentException("class names must be unique and not blank, got " + classes);
        }
        if (inputSizePx != patch.sizePx()) {
            throw new IllegalArgumentException("input size " + inputSizePx + " px differs from the patch size "
                    + patch.sizePx() + " px");
        }
        if (channels != 1) {
            throw new IllegalArgumentException("only grey (1-channel) input is supported, got " + channels + " channels");
        }
    }

    /** Metadata of a bundle without a recorded image fit or recipe (fit {@link ImageFit#STRETCH}). */
    public BundleMetadata(String format, int formatVersion, List<String> classes, int inputSizePx, int channels,
                          PatchSettings patch, String architecture, long parameterCount, long seed,
                          String trainedAt, double trainingSeconds, String dataHash,
                          Map<String, Integer> samples, Map<String, Map<String, Double>> evaluation,
                          String graphSha256) {
        this(format, formatVersion, classes, inputSizePx, channels, patch, architecture, parameterCount, seed, trainedAt,
                trainingSeconds, dataHash, samples, evaluation, graphSha256, ImageFit.STRETCH, "");
    }

    /** A copy with the graph checksum set. */
    public BundleMetadata withGraphSha256(String sha) {
        return new BundleMetadata(format, formatVersion, classes, inputSizePx, channels, patch, architecture,
                parameterCount, seed, trainedAt, trainingSeconds, dataHash, samples, evaluation, sha, imageFit, training);
    }

    /** How a whole image is prepared for this model: {@link #imageFit()} at {@link #inputSizePx()}. */
    public PatchSettings wholeImagePatch() {
        return imageFit.wholeImage(inputSizePx);
    }
}
