package org.sinterscope.models.crack;

/**
 * Hyperparameters of one crack-segmenter training run. One seed drives the train/validation
 * split of the given images, the initialisation, the patch sampling and the augmentation.
 *
 * @param seed            the one seed
 * @param valImages       images of the given set held back for validation (early stopping, threshold)
 * @param patchPx         side of a training patch, px (multiple of 4)
 * @param batchSize       patches per Adam step
 * @param stepsPerEpoch   Adam steps between two validations
 * @param epochs          most epochs
 * @param patience        stop after this many epochs without a better validation ODS
 * @param learningRate    Adam step size; multiplied by {@code lrDecay} after every epoch
 * @param lrDecay         per-epoch factor of the learning rate (0, 1]
 * @param c0              channels at full resolution ({@link CrackSegNet})
 * @param c1              channels at 1/2
 * @param c2              channels at 1/4
 * @param c3              channels at 1/8 (0: two pooling levels)
 * @param posWeight       BCE weight of crack pixels
 * @param diceWeight      weight of the Dice term of the loss
 * @param minLengthPx     mask components with a shorter bounding box are dropped, px
 * @param crackCentreP    probability that a training patch is centred on a crack pixel (else anywhere)
 */
public record SegmenterTrainingSettings(long seed, int valImages, int patchPx, int batchSize, int stepsPerEpoch, int epochs,
                                        int patience, double learningRate, double lrDecay, int c0, int c1, int c2, int c3,
                                        double posWeight, double diceWeight, int minLengthPx, double crackCentreP) {

    public SegmenterTrainingSettings {
        if (valImages < 1 || patchPx < 16 || patchPx > 512 || patchPx % 4 != 0 || batchSize < 1 || batchSize > 256
                || stepsPerEpoch < 1 || epochs < 1 || epochs > 1000 || patience < 1) {
            throw new IllegalArgumentException("need valImages >= 1, patch 16..512 (multiple of 4), batch 1..256, steps >= 1, "
                    + "epochs 1..1000, patience >= 1; got valImages=" + valImages + ", patch=" + patchPx + ", batch=" + batchSize
                    + ", steps=" + stepsPerEpoch + ", epochs=" + epochs + ", patience=" + patience);
        }
        if (!(learningRate > 0 && learningRate < 1) || !(lrDecay > 0 && lrDecay <= 1)) {
            throw new IllegalArgumentException("need learning rate in (0, 1) and decay in (0, 1], got " + learningRate + ", " + lrDecay);
        }
        CrackSegNet net = new CrackSegNet(c0, c1, c2, c3, posWeight, diceWeight); // validates the network's figures
        if (patchPx % net.inputMultiplePx() != 0) {
            throw new IllegalArgumentException("patch " + patchPx + " px is not a multiple of the net's " + net.inputMultiplePx());
        }
        if (!(crackCentreP >= 0 && crackCentreP <= 1)) {
            throw new IllegalArgumentException("crack-centre probability must be in [0, 1], got " + crackCentreP);
        }
        if (minLengthPx < 0 || minLengthPx > 1000) {
            throw new IllegalArgumentException("minimum length must be 0..1000 px, got " + minLengthPx);
        }
    }

    /**
     * The shipped recipe: 20 validation images, 96 px patches in batches of 16, 200 steps per epoch,
     * at most 16 epochs (patience 6), Adam 2e-3 decaying ×0.85 per epoch, channels 12/24/48/64
     * (three pooling levels), cross-entropy (crack pixels unweighted) plus ½ Dice, 30 % of the
     * patches centred on a crack pixel (the rest anywhere: stains, joints and shadows are the
     * hard negatives), no minimum component length.
     */
    public static SegmenterTrainingSettings defaults(long seed) {
        return new SegmenterTrainingSettings(seed, 20, 96, 16, 200, 16, 6, 2e-3, 0.85, 12, 24, 48, 64, 1.0, 0.5, 0, 0.3);
    }

    public SegmenterTrainingSettings withEpochs(int n, int steps) {
        return new SegmenterTrainingSettings(seed, valImages, patchPx, batchSize, steps, n, patience, learningRate, lrDecay,
                c0, c1, c2, c3, posWeight, diceWeight, minLengthPx, crackCentreP);
    }

    public CrackSegNet net() {
        return new CrackSegNet(c0, c1, c2, c3, posWeight, diceWeight);
    }
}
