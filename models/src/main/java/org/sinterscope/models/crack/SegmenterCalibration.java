package org.sinterscope.models.crack;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Mat;
import org.sinterscope.inspection.crack.CrackEvaluator;
import org.sinterscope.inspection.crack.CrackSegmenter;
import org.sinterscope.inspection.crack.LearnedCrackDetector;
import org.sinterscope.inspection.crack.SegmentationCounts;

/**
 * Chooses a segmenter's mask thresholds on validation images: over the pairs (mask threshold
 * {@code t} from {@link CrackEvaluator#THRESHOLDS}, seed threshold {@code s} = {@code t} (plain
 * thresholding) or one of {@link #SEED_LEVELS} above {@code t}), the pair with the best pooled
 * tolerant F1 of the mask ({@link LearnedCrackDetector#mask}); ties (within 1e-4) go to plain
 * thresholding, then to the lower seed level, then to the lower mask threshold. The probability
 * maps are computed once per image with the segmenter's own input settings.
 */
public final class SegmenterCalibration {

    /** Seed levels of the hysteresis tried above plain thresholding. */
    static final double[] SEED_LEVELS = {0.9, 0.95, 0.98, 0.99};

    /** The chosen thresholds and the pooled validation counts of their mask. */
    public record Choice(double threshold, double seedThreshold, SegmentationCounts counts) {
    }

    private SegmenterCalibration() {
    }

    /** The best thresholds of {@code seg} on {@code val} (every item needs a readable image and mask of one size). */
    public static Choice choose(CrackSegmenter seg, CrackDataset val, int tolerancePx) {
        CrackEvaluator counter = new CrackEvaluator((grey, grid, score) -> {
            throw new UnsupportedOperationException("counts only");
        }, tolerancePx);
        int minLength = seg.bundle().metadata().minLengthPx();
        List<Mat> maps = new ArrayList<>();
        List<Mat> truths = new ArrayList<>();
        try {
            for (CrackDataset.Item it : val.items()) {
                Mat img = CrackImages.readGrey(it.image());
                try {
                    truths.add(CrackImages.readMask(it.mask()));
                    maps.add(seg.probability(img));
                } finally {
                    img.release();
                }
            }
            Choice best = null;
            List<double[]> pairs = new ArrayList<>();
            for (double t : CrackEvaluator.THRESHOLDS) {
                pairs.add(new double[] {t, t});
            }
            for (double s : SEED_LEVELS) {
                for (double t : CrackEvaluator.THRESHOLDS) {
                    if (t < s) {
                        pairs.add(new double[] {t, s});
                    }
                }
            }
            Mat mask = new Mat();
            try {
                for (double[] ts : pairs) {
                    SegmentationCounts total = SegmentationCounts.ZERO;
                    for (int i = 0; i < maps.size(); i++) {
                        LearnedCrackDetector.mask(maps.get(i), ts[0], ts[1], minLength, mask, null);
                        total = total.plus(counter.count(mask, truths.get(i)));
                    }
                    if (best == null || total.tolerantF1() > best.counts().tolerantF1() + 1e-4) {
                        best = new Choice(ts[0], ts[1], total);
                    }
                }
            } finally {
                mask.release();
            }
            return best;
        } finally {
            maps.forEach(Mat::release);
            truths.forEach(Mat::release);
        }
    }
}
