package org.sinterscope.inspection.classify;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Standardisation of patch values: {@code x' = (x − mean) / std}, with {@code mean} and
 * {@code std} the mean and standard deviation of all pixel values of the training patches (fitted
 * on the training split only, never on validation or test data).
 *
 * @param mean mean patch value (finite)
 * @param std  standard deviation of patch values (finite, &gt; 0)
 */
public record Normalizer(double mean, double std) {

    public Normalizer {
        if (!Double.isFinite(mean) || !Double.isFinite(std) || !(std > 0)) {
            throw new IllegalArgumentException("normalizer needs a finite mean and a finite std > 0, got mean=" + mean + ", std=" + std);
        }
    }

    /**
     * Fits mean and std over {@code count · valuesPerPatch} values of {@code patches}, with
     * compensated (Kahan) sums. A constant data set gets std 1 so that nothing divides by zero.
     */
    public static Normalizer fit(float[] patches, int values) {
        if (values <= 0 || values > patches.length) {
            throw new IllegalArgumentException("cannot fit a normalizer on " + values + " of " + patches.length + " values");
        }
        double sum = 0;
        double c = 0;
        for (int i = 0; i < values; i++) {
            double y = patches[i] - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        double mean = sum / values;
        double sq = 0;
        c = 0;
        for (int i = 0; i < values; i++) {
            double d = patches[i] - mean;
            double y = d * d - c;
            double t = sq + y;
            c = (t - sq) - y;
            sq = t;
        }
        double std = Math.sqrt(sq / values);
        return new Normalizer(mean, std > 1e-8 ? std : 1.0);
    }

    /** Standardises {@code x} in place and returns it. */
    public INDArray applyInPlace(INDArray x) {
        return x.subi(mean).divi(std);
    }
}
