package org.sinterscope.inspection.crack;

import java.util.List;

/**
 * Data-set figures of a crack detector.
 *
 * <p>Pixel figures pool the counts of all images (micro-average). ODS (optimal data-set scale):
 * the best tolerant F1 of the pooled counts over the score threshold sweep, with its threshold;
 * OIS (optimal image scale): the mean over images of each image's best tolerant F1.
 *
 * @param images            images evaluated
 * @param precision         pixel precision of the detector's mask
 * @param recall            pixel recall
 * @param f1                pixel F1
 * @param iou               pixel intersection over union
 * @param tolerancePx       tolerance of the tolerant figures, px
 * @param tolerantPrecision share of predicted pixels within the tolerance of a true crack pixel
 * @param tolerantRecall    share of true crack pixels within the tolerance of a predicted pixel
 * @param tolerantF1        F1 of the two
 * @param ods               best pooled tolerant F1 over the score threshold sweep
 * @param odsThreshold      score threshold of {@code ods}
 * @param ois               mean per-image best tolerant F1 over the sweep
 */
public record EvaluationSummary(int images, double precision, double recall, double f1, double iou, int tolerancePx,
                                double tolerantPrecision, double tolerantRecall, double tolerantF1, double ods,
                                double odsThreshold, double ois) {

    /** Pools per-image evaluations; an empty list gives zero images and zero figures. */
    public static EvaluationSummary of(List<CrackEvaluator.ImageEvaluation> evals, int tolerancePx) {
        if (evals.isEmpty()) {
            return new EvaluationSummary(0, 0, 0, 0, 0, tolerancePx, 0, 0, 0, 0, 0, 0);
        }
        SegmentationCounts total = SegmentationCounts.ZERO;
        SegmentationCounts[] sweep = new SegmentationCounts[CrackEvaluator.THRESHOLDS.length];
        java.util.Arrays.fill(sweep, SegmentationCounts.ZERO);
        double oisSum = 0;
        for (CrackEvaluator.ImageEvaluation e : evals) {
            total = total.plus(e.mask());
            SegmentationCounts[] s = e.sweep();
            for (int i = 0; i < sweep.length; i++) {
                sweep[i] = sweep[i].plus(s[i]);
            }
            oisSum += e.bestTolerantF1();
        }
        double ods = -1;
        double odsT = 0;
        for (int i = 0; i < sweep.length; i++) {
            double f = sweep[i].tolerantF1();
            if (f > ods) {
                ods = f;
                odsT = CrackEvaluator.THRESHOLDS[i];
            }
        }
        return new EvaluationSummary(evals.size(), total.precision(), total.recall(), total.f1(), total.iou(), tolerancePx,
                total.tolerantPrecision(), total.tolerantRecall(), total.tolerantF1(), ods, odsT, oisSum / evals.size());
    }
}
