package org.sinterscope.models;

/** Callbacks from a training run (on the training thread). */
public interface TrainingProgress {

    /** After each mini-batch: {@code batch} of {@code batches} in epoch {@code epoch} (from 1) of at most {@code epochs}. */
    default void onBatch(int epoch, int epochs, int batch, int batches) {
    }

    /** After each epoch's validation. */
    default void onEpoch(EpochReport report) {
    }

    /** No output. */
    TrainingProgress NONE = new TrainingProgress() {
    };

    /**
     * @param epoch          epoch number, from 1
     * @param valLoss        mean cross-entropy on the validation split
     * @param valAccuracy    validation accuracy, fraction
     * @param valMacroF1     validation macro-F1
     * @param seconds        wall time of the epoch including validation, s
     * @param best           true when this epoch has the lowest validation loss so far (it is kept)
     */
    record EpochReport(int epoch, double valLoss, double valAccuracy, double valMacroF1, double seconds, boolean best) {
    }
}
