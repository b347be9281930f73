package org.sinterscope.inspection.crack;

import java.util.Objects;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.PixelPitch;
import org.sinterscope.camera.WebGrid;

/**
 * Scores a crack detector against true masks (pure: images in, counts out).
 *
 * <p>Per image it counts the detector's mask ({@link SegmentationCounts}) and, for the ODS/OIS
 * figures, the score map thresholded at {@link #THRESHOLDS} (tolerant counts). Tolerance uses
 * the Euclidean distance transform: a pixel is near a set when its distance to it is ≤
 * {@code tolerancePx}.
 */
public final class CrackEvaluator {

    /**
     * Score thresholds of the sweep: 0.02, 0.04, … 0.98, then 0.99, 0.995, 0.998, 0.999 (a learned
     * segmenter's probabilities crowd near 1, where its best threshold can lie).
     */
    public static final double[] THRESHOLDS = thresholds();

    private final CrackSegmentation detector;
    private final int tolerancePx;

    public CrackEvaluator(CrackSegmentation detector, int tolerancePx) {
        this.detector = Objects.requireNonNull(detector, "detector");
        if (tolerancePx < 0 || tolerancePx > 50) {
            throw new IllegalArgumentException("tolerance must be 0..50 px, got " + tolerancePx);
        }
        this.tolerancePx = tolerancePx;
    }

    public int tolerancePx() {
        return tolerancePx;
    }

    /**
     * Evaluates one image.
     *
     * @param grey8u the image, {@code CV_8UC1}
     * @param truth8u the true mask, {@code CV_8UC1} of the same size, crack where ≥ 128
     */
    public ImageEvaluation evaluate(Mat grey8u, Mat truth8u) {
        if (truth8u.type() != CvType.CV_8UC1 || !truth8u.size().equals(grey8u.size())) {
            throw new IllegalArgumentException("the true mask must be 8-bit grey of the image's size " + size(grey8u)
                    + ", got " + CvType.typeToString(truth8u.type()) + " " + size(truth8u));
        }
        try (Mats m = new Mats()) {
            Mat score = m.mat();
            CrackResult r = detector.detect(grey8u, new WebGrid(0, 0, PixelPitch.square(1)), score);
            m.add(r.mask());
            Mat truth = m.mat();
            Imgproc.threshold(truth8u, truth, 127, 255, Imgproc.THRESH_BINARY);
            Mat nearTruth = m.mat();
            near(truth, nearTruth, m);
            SegmentationCounts atMask = counts(r.mask(), truth, nearTruth, m);
            SegmentationCounts[] sweep = new SegmentationCounts[THRESHOLDS.length];
            Mat pred = m.mat();
            for (int i = 0; i < THRESHOLDS.length; i++) {
                Core.compare(score, new Scalar(THRESHOLDS[i]), pred, Core.CMP_GE);
                sweep[i] = counts(pred, truth, nearTruth, m);
            }
            return new ImageEvaluation(atMask, sweep, r.measurements());
        }
    }

    /**
     * Counts of a predicted mask ({@code CV_8UC1}, non-zero = crack) against a true mask
     * ({@code CV_8UC1} of the same size, crack where ≥ 128), with this evaluator's tolerance.
     */
    public SegmentationCounts count(Mat pred8u, Mat truth8u) {
        if (pred8u.type() != CvType.CV_8UC1 || truth8u.type() != CvType.CV_8UC1 || !pred8u.size().equals(truth8u.size())) {
            throw new IllegalArgumentException("prediction and truth must be 8-bit grey of one size, got "
                    + CvType.typeToString(pred8u.type()) + " " + size(pred8u) + " and " + CvType.typeToString(truth8u.type()) + " "
                    + size(truth8u));
        }
        try (Mats m = new Mats()) {
            Mat truth = m.mat();
            Imgproc.threshold(truth8u, truth, 127, 255, Imgproc.THRESH_BINARY);
            Mat pred = m.mat();
            Imgproc.threshold(pred8u, pred, 0, 255, Imgproc.THRESH_BINARY);
            Mat nearTruth = m.mat();
            near(truth, nearTruth, m);
            return counts(pred, truth, nearTruth, m);
        }
    }

    private SegmentationCounts counts(Mat pred, Mat truth, Mat nearTruth, Mats m) {
        Mat tmp = m.mat();
        long p = Core.countNonZero(pred);
        long t = Core.countNonZero(truth);
        Core.bitwise_and(pred, truth, tmp);
        long o = Core.countNonZero(tmp);
        Core.bitwise_and(pred, nearTruth, tmp);
        long pn = Core.countNonZero(tmp);
        long tn;
        if (p == 0) {
            tn = 0;
        } else {
            Mat nearPred = m.mat();
            near(pred, nearPred, m);
            Core.bitwise_and(truth, nearPred, tmp);
            tn = Core.countNonZero(tmp);
        }
        return new SegmentationCounts(p, t, o, pn, tn);
    }

    /** Pixels within {@code tolerancePx} (Euclidean) of the non-zero pixels of {@code set}. */
    private void near(Mat set, Mat dst, Mats m) {
        if (tolerancePx == 0) {
            set.copyTo(dst);
            return;
        }
        Mat inv = m.mat();
        Core.bitwise_not(set, inv);
        Mat dist = m.mat();
        Imgproc.distanceTransform(inv, dist, Imgproc.DIST_L2, Imgproc.DIST_MASK_PRECISE);
        Core.compare(dist, new Scalar(tolerancePx + 1e-6), dst, Core.CMP_LE);
    }

    private static String size(Mat m) {
        return m.cols() + "x" + m.rows();
    }

    private static double[] thresholds() {
        double[] top = {0.99, 0.995, 0.998, 0.999};
        double[] t = new double[49 + top.length];
        for (int i = 0; i < 49; i++) {
            t[i] = 0.02 * (i + 1);
        }
        System.arraycopy(top, 0, t, 49, top.length);
        return t;
    }

    /**
     * The evaluation of one image.
     *
     * @param mask         counts of the detector's mask
     * @param sweep        counts of the score map at each of {@link #THRESHOLDS}
     * @param measurements the detector's measurements (pixel pitch 1 µm)
     */
    public record ImageEvaluation(SegmentationCounts mask, SegmentationCounts[] sweep, CrackMeasurements measurements) {

        public ImageEvaluation {
            Objects.requireNonNull(mask, "mask");
            sweep = sweep.clone();
            if (sweep.length != THRESHOLDS.length) {
                throw new IllegalArgumentException("sweep needs " + THRESHOLDS.length + " thresholds, got " + sweep.length);
            }
        }

        /** Best tolerant F1 of this image over the threshold sweep. */
        public double bestTolerantF1() {
            double best = 0;
            for (SegmentationCounts c : sweep) {
                best = Math.max(best, c.tolerantF1());
            }
            return best;
        }

        @Override
        public SegmentationCounts[] sweep() {
            return sweep.clone();
        }
    }
}
