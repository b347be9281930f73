package org.sinterscope.inspection.crack;

/**
 * Pixel counts that compare a predicted crack mask with the true one, exactly and within a
 * tolerance.
 *
 * <p>With {@code P} the predicted and {@code T} the true crack pixels and {@code D_t(X)} the
 * pixels at Euclidean distance ≤ t from {@code X}:
 * {@code precision = |P∩T|/|P|}, {@code recall = |P∩T|/|T|}, {@code iou = |P∩T|/|P∪T|};
 * tolerant {@code precision = |P∩D_t(T)|/|P|}, tolerant {@code recall = |T∩D_t(P)|/|T|}.
 * An empty prediction has precision 1, an empty truth recall 1 (nothing to miss), so an image
 * without cracks where none is predicted scores F1 = 1.
 *
 * @param predicted          |P|
 * @param truth              |T|
 * @param overlap            |P∩T|
 * @param predictedNearTruth |P∩D_t(T)|
 * @param truthNearPredicted |T∩D_t(P)|
 */
public record SegmentationCounts(long predicted, long truth, long overlap, long predictedNearTruth,
                                 long truthNearPredicted) {

    public static final SegmentationCounts ZERO = new SegmentationCounts(0, 0, 0, 0, 0);

    public SegmentationCounts {
        if (predicted < 0 || truth < 0 || overlap < 0 || overlap > Math.min(predicted, truth)
                || predictedNearTruth < overlap || predictedNearTruth > predicted
                || truthNearPredicted < overlap || truthNearPredicted > truth) {
            throw new IllegalArgumentException("inconsistent counts: predicted=" + predicted + ", truth=" + truth
                    + ", overlap=" + overlap + ", predictedNearTruth=" + predictedNearTruth
                    + ", truthNearPredicted=" + truthNearPredicted);
        }
    }

    public SegmentationCounts plus(SegmentationCounts o) {
        return new SegmentationCounts(predicted + o.predicted, truth + o.truth, overlap + o.overlap,
                predictedNearTruth + o.predictedNearTruth, truthNearPredicted + o.truthNearPredicted);
    }

    public double precision() {
        return predicted == 0 ? 1 : (double) overlap / predicted;
    }

    public double recall() {
        return truth == 0 ? 1 : (double) overlap / truth;
    }

    public double f1() {
        return f(precision(), recall());
    }

    public double iou() {
        long union = predicted + truth - overlap;
        return union == 0 ? 1 : (double) overlap / union;
    }

    public double tolerantPrecision() {
        return predicted == 0 ? 1 : (double) predictedNearTruth / predicted;
    }

    public double tolerantRecall() {
        return truth == 0 ? 1 : (double) truthNearPredicted / truth;
    }

    public double tolerantF1() {
        return f(tolerantPrecision(), tolerantRecall());
    }

    static double f(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
