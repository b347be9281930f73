package org.sinterscope.models.crack;

import java.util.List;

import org.sinterscope.inspection.crack.SegmenterInput;
import org.sinterscope.inspection.crack.SegmenterMetadata;

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
 * @param normWindowPx    input normalisation of whole images (validation, the bundle): 0 = statistics of the
 *                        whole image, else of the window of this side around each pixel (the recipe: the patch
 *                        side, since every training patch is normalised with its own statistics)
 * @param inputScales     the bundle's map is the mean over the image resized by these factors (the recipe: 1 and
 *                        ½, context at two resolutions); chosen in the final calibration, not in epoch selection
 */
public record SegmenterTrainingSettings(long seed, int valImages, int patchPx, int batchSize, int stepsPerEpoch, int epochs,
                                        int patience, double learningRate, double lrDecay, int c0, int c1, int c2, int c3,
                                        double posWeight, double diceWeight, int minLengthPx, double crackCentreP,
                                        int normWindowPx, List<Double> inputScales) {

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
        if (normWindowPx != 0 && (normWindowPx < SegmenterInput.MIN_WINDOW_PX || normWindowPx > SegmenterInput.MAX_WINDOW_PX)) {
            throw new IllegalArgumentException("normalisation window must be 0 or " + SegmenterInput.MIN_WINDOW_PX + ".."
                    + SegmenterInput.MAX_WINDOW_PX + " px, got " + normWindowPx);
        }
        inputScales = inputScales == null || inputScales.isEmpty() ? List.of(1.0) : List.copyOf(inputScales);
        for (double f : inputScales) {
            if (!(f >= SegmenterMetadata.MIN_SCALE && f <= SegmenterMetadata.MAX_SCALE)) {
                throw new IllegalArgumentException("input scales must be " + SegmenterMetadata.MIN_SCALE + ".."
                        + SegmenterMetadata.MAX_SCALE + ", got " + inputScales);
            }
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
     * hard negatives), no minimum component length; whole images normalised over 96 px windows,
     * as the 96 px patches are; the bundle's map the mean over the image at 1× and ½×.
     */
    public static SegmenterTrainingSettings defaults(long seed) {
        return new SegmenterTrainingSettings(seed, 20, 96, 16, 200, 16, 6, 2e-3, 0.85, 12, 24, 48, 64, 1.0, 0.5, 0, 0.3, 96, List.of(1.0, 0.5));
    }

    /** The same recipe with another input normalisation window (0 = whole image, as before 2026-11-30 10:00). */
    public SegmenterTrainingSettings withNormWindow(int windowPx) {
        return new SegmenterTrainingSettings(seed, valImages, patchPx, batchSize, stepsPerEpoch, epochs, patience, learningRate,
                lrDecay, c0, c1, c2, c3, posWeight, diceWeight, minLengthPx, crackCentreP, windowPx, inputScales);
    }

    public SegmenterTrainingSettings withEpochs(int n, int steps) {
        return new SegmenterTrainingSettings(seed, valImages, patchPx, batchSize, steps, n, patience, learningRate, lrDecay,
                c0, c1, c2, c3, posWeight, diceWeight, minLengthPx, crackCentreP, normWindowPx, inputScales);
    }

    public CrackSegNet net() {
        return new CrackSegNet(c0, c1, c2, c3, posWeight, diceWeight);
    }
}
