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
 * @param patience      early stopping: stop after this many epochs without a lower validation loss (1–1000)
 * @param seed          the one seed
 * @param blockChannels output channels of the conv blocks (see {@link ClassifierNet})
 * @param augmenter     augmentation of training patches (never of validation or test patches)
 */
public record TrainingSettings(int epochs, int batchSize, double learningRate, double weightDecay, int patience,
                               long seed, List<Integer> blockChannels, Augmenter augmenter) {

    public TrainingSettings {
        blockChannels = List.copyOf(blockChannels);
        Objects.requireNonNull(augmenter, "augmenter");
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
     * For data sets of whole images (64 × 64 input): 4 blocks of 16-32-64-128 channels, batch 32,
     * Adam 2e-3, weight decay 1e-4, up to 30 epochs, patience 6.
     */
    public static TrainingSettings generic(long seed) {
        return new TrainingSettings(30, 32, 2e-3, 1e-4, 6, seed, List.of(16, 32, 64, 128), Augmenter.lineDefaults());
    }

    /** For line candidates (32 × 32 input): 3 blocks of 16-32-64 channels, otherwise as {@link #generic}. */
    public static TrainingSettings lineCandidates(long seed) {
        return new TrainingSettings(30, 32, 2e-3, 1e-4, 6, seed, List.of(16, 32, 64), Augmenter.lineDefaults());
    }

    public TrainingSettings withEpochs(int n) {
        return new TrainingSettings(n, batchSize, learningRate, weightDecay, Math.min(patience, Math.max(1, n)), seed,
                blockChannels, augmenter);
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, patience, s, blockChannels, augmenter);
    }
}
