package org.sinterscope.simulator.training;

import org.sinterscope.models.ClassifierTrainer;
import org.sinterscope.models.DataSplit;
import org.sinterscope.models.ImageFolderDataset;
import org.sinterscope.models.PatchSet;
import org.sinterscope.models.TrainingProgress;
import org.sinterscope.models.TrainingSettings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.sinterscope.inspection.classify.ModelBundleException;
import org.sinterscope.inspection.classify.PatchPreparer;
import org.sinterscope.inspection.classify.PatchSettings;

/**
 * The recipe of the default bundle shipped in {@code models/bundles/default-classifier.zip}:
 * {@value #PER_CLASS} synthetic line patches per class ({@link SyntheticLinePatches}, seed
 * {@value #SEED}), a seeded stratified 70/15/15 split, {@link TrainingSettings#lineCandidates}
 * with {@link PatchSettings#lineCandidates()} (32 × 32 px). Rebuilt by
 * {@code ./sinterscope classifier build-default}.
 */
public final class DefaultClassifier {

    public static final long SEED = 7;
    public static final int PER_CLASS = 800;
    public static final int EPOCHS = 30;
    public static final String PATH = "models/bundles/default-classifier.zip";

    private DefaultClassifier() {
    }

    /** The synthetic data split of the recipe. */
    public static DataSplit data(int perClass, long seed) {
        PatchSet all = SyntheticLinePatches.generate(perClass, seed, new PatchPreparer(PatchSettings.lineCandidates()));
        return ImageFolderDataset.stratified(all, 0.15, 0.15, seed);
    }

    /** Trains the default bundle; {@code epochs}, {@code perClass} and {@code seed} are the recipe's unless changed. */
    public static ClassifierTrainer.Result build(int perClass, int epochs, long seed, TrainingProgress progress)
            throws ModelBundleException {
        DataSplit split = data(perClass, seed);
        TrainingSettings ts = TrainingSettings.lineCandidates(seed).withEpochs(epochs);
        return new ClassifierTrainer(ts, progress).train(split, PatchSettings.lineCandidates(), dataHash(perClass, seed));
    }

    /** Synthetic data has no files: the hash identifies the generator, its version and parameters. */
    static String dataHash(int perClass, long seed) {
        String id = "synthetic-line-patches v3 perClass=" + perClass + " seed=" + seed;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
