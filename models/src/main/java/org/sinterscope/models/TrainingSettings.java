package org.sinterscope.models;

import java.util.List;
import java.util.Objects;

/**
 * Hyperparameters of one training run. One seed drives the split (when the data has none),
 * the initialisation, the shuffling and the augmentation.
 *
 * @param epochs        most passes over the training split (1–1000)
 * @param batchSize     patches per Adam step (1–1024)
 * @param learningRate  Adam step size (0–1)
 * @param weightDecay   decoupled weight decay per step, as a fraction of the learning rate (0–0.1)
 * @param patience      early stopping: stop after this many epochs without a better validation score (1–1000)
 * @param seed          the one seed
 * @param blockChannels output channels of the conv blocks (see {@link ClassifierNet})
 * @param augmenter     augmentation of training patches (never of validation or test patches)
 * @param balance       how unequal class sizes are handled (see {@link ClassBalance})
 * @param selection     which validation score picks the kept epoch and drives early stopping
 * @param globalPool    the network's global pooling (see {@link ClassifierNet})
 * @param decayLearningRate  when true the learning rate falls linearly from {@code learningRate} to 0
 *                      over {@code epochs} (counted in steps); else it stays constant
 */
public record TrainingSettings(int epochs, int batchSize, double learningRate, double weightDecay, int patience,
                               long seed, List<Integer> blockChannels, Augmenter augmenter, ClassBalance balance,
                               Selection selection, ClassifierNet.GlobalPool globalPool, boolean decayLearningRate) {

    /**
     * Handling of imbalanced classes (n_c training patches of class c, N in all, K classes).
     */
    public enum ClassBalance {
        /** Every training patch once per epoch, every sample weighs the same: the majority class dominates the loss. */
        NONE,
        /** Every training patch once per epoch; the cross-entropy of a class-c patch is weighted by {@code N / (K·n_c)}. */
        WEIGHTS,
        /**
         * Class-balanced epochs: each epoch draws {@code ceil(N/K)} patches of every class (a small class is
         * repeated, each copy augmented anew; a large one is subsampled, a fresh subset each epoch).
         */
        OVERSAMPLE,
        /**
         * Square-root balanced epochs: each epoch draws about {@code N·√n_c / Σ_j √n_j} patches of class c
         * (at least one batch's worth of each class is not promised): small classes are repeated, the
         * majority subsampled, but less than with {@link #OVERSAMPLE}, so that the model does not learn
         * to expect the rare classes as often as the common one.
         */
        SQRT
    }

    /** Model selection and early stopping. */
    public enum Selection {
        /** Lowest validation cross-entropy (the default bundle's recipe). */
        VAL_LOSS,
        /** Highest validation macro-F1, ties (within 1e-4) broken by the lower cross-entropy. */
        VAL_MACRO_F1
    }

    public TrainingSettings {
        blockChannels = List.copyOf(blockChannels);
        Objects.requireNonNull(augmenter, "augmenter");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(globalPool, "globalPool");
        if (epochs < 1 || epochs > 1000 || batchSize < 1 || batchSize > 1024 || patience < 1 || patience > 1000) {
            throw new IllegalArgumentException("need epochs 1..1000, batch 1..1024, patience 1..1000, got epochs="
                    + epochs + ", batch=" + batchSize + ", patience=" + patience);
        }
        if (!(learningRate > 0 && learningRate < 1) || !(weightDecay >= 0 && weightDecay <= 0.1)) {
            throw new IllegalArgumentException("need learning rate in (0, 1) and weight decay in [0, 0.1], got "
                    + learningRate + ", " + weightDecay);
        }
    }

    /**
     * For data sets of whole images (64 × 64 input), imbalance being the normal case: 4 blocks of
     * 16-32-64-128 channels, batch 32, Adam 2e-3, weight decay 1e-4, up to 30 epochs, patience 6,
     * class-balanced epochs ({@link ClassBalance#OVERSAMPLE}), selection on validation macro-F1.
     */
    public static TrainingSettings generic(long seed) {
        return new TrainingSettings(30, 32, 2e-3, 1e-4, 10, seed, List.of(16, 32, 64, 128), Augmenter.lineDefaults(),
                ClassBalance.SQRT, Selection.VAL_MACRO_F1, ClassifierNet.GlobalPool.AVG_MAX, true);
    }

    /**
     * The default bundle's recipe, for line candidates (32 × 32 input): 3 blocks of 16-32-64
     * channels, global average pooling, batch 32, Adam 2e-3, weight decay 1e-4, up to 30 epochs, patience 6, no class
     * balancing (its synthetic classes are equal), selection on validation loss. Kept as it is so
     * that {@code classifier build-default} rebuilds the shipped bundle with the recipe it was made with.
     */
    public static TrainingSettings lineCandidates(long seed) {
        return new TrainingSettings(30, 32, 2e-3, 1e-4, 6, seed, List.of(16, 32, 64), Augmenter.lineDefaults(),
                ClassBalance.NONE, Selection.VAL_LOSS, ClassifierNet.GlobalPool.AVG, false);
    }

    public TrainingSettings withEpochs(int n) {
        return new TrainingSettings(n, batchSize, learningRate, weightDecay, Math.min(patience, Math.max(1, n)), seed,
                blockChannels, augmenter, balance, selection, globalPool, decayLearningRate);
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, patience, s, blockChannels, augmenter,
                balance, selection, globalPool, decayLearningRate);
    }

    public TrainingSettings withPatience(int p) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, p, seed, blockChannels, augmenter,
                balance, selection, globalPool, decayLearningRate);
    }

    public TrainingSettings withAugmenter(Augmenter a) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, patience, seed, blockChannels, a,
                balance, selection, globalPool, decayLearningRate);
    }

    public TrainingSettings withBalance(ClassBalance b) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, patience, seed, blockChannels, augmenter,
                b, selection, globalPool, decayLearningRate);
    }

    public TrainingSettings withSelection(Selection s) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, patience, seed, blockChannels, augmenter,
                balance, s, globalPool, decayLearningRate);
    }

    public TrainingSettings withBlockChannels(List<Integer> channels) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, patience, seed, channels, augmenter,
                balance, selection, globalPool, decayLearningRate);
    }

    public TrainingSettings withGlobalPool(ClassifierNet.GlobalPool g) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, patience, seed, blockChannels, augmenter,
                balance, selection, g, decayLearningRate);
    }

    public TrainingSettings withBatchSize(int b) {
        return new TrainingSettings(epochs, b, learningRate, weightDecay, patience, seed, blockChannels, augmenter,
                balance, selection, globalPool, decayLearningRate);
    }

    public TrainingSettings withDecayLearningRate(boolean d) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, patience, seed, blockChannels, augmenter,
                balance, selection, globalPool, d);
    }

    /** The recipe in a few words, for the bundle metadata and reports. */
    public String describe() {
        return "balance=" + balance.name().toLowerCase(java.util.Locale.ROOT) + " select="
                + selection.name().toLowerCase(java.util.Locale.ROOT) + " augment=" + augmenter.describe()
                + " pool=" + globalPool.name().toLowerCase(java.util.Locale.ROOT) + " epochs<=" + epochs + " patience=" + patience
                + " batch=" + batchSize + " lr=" + learningRate + (decayLearningRate ? " linear-decay" : "");
    }
}
