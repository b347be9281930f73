package org.sinterscope.inspection.crack;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Mats;
import org.sinterscope.inspection.SplitWork;

/**
 * Vectorised helpers on binary masks and label images: gathering values at sparse points and
 * keeping connected components by a per-component decision, both through {@link Imgproc#remap}
 * (a table look-up with nearest-neighbour sampling), so that no Java loop touches every pixel.
 */
final class MaskOps {

    /** remap() refuses maps wider or taller than SHRT_MAX; gathers are laid out in rows of this width. */
    private static final int ROW = 4096;

    private MaskOps() {
    }

    /** The non-zero pixels of a {@code CV_8UC1} mask in row-major order, as {@code int[]{x0, y0, x1, y1, ...}}. */
    static int[] nonZeroPoints(Mat mask8u) {
        if (Core.countNonZero(mask8u) == 0) {
            return new int[0];
        }
        Mat pts = new Mat();
        try {
            Core.findNonZero(mask8u, pts);
            int[] xy = new int[(int) pts.total() * 2];
            pts.get(0, 0, xy);
            return xy;
        } finally {
            pts.release();
        }
    }

    /**
     * Samples {@code src} ({@code CV_32FC1}, or {@code CV_16UC1} such as a label image) at the points
     * {@code xy} (pairs, as from {@link #nonZeroPoints}); nearest neighbour, so integer points read
     * exact values.
     */
    static float[] gather(Mat src, int[] xy) {
        int n = xy.length / 2;
        if (n == 0) {
            return new float[0];
        }
        int cols = Math.min(n, ROW);
        int rows = (n + cols - 1) / cols;
        float[] map = new float[rows * cols * 2];
        for (int i = 0; i < n; i++) {
            map[2 * i] = xy[2 * i];
            map[2 * i + 1] = xy[2 * i + 1];
        }
        try (Mats m = new Mats()) {
            Mat mapMat = m.add(new Mat(rows, cols, CvType.CV_32FC2));
            mapMat.put(0, 0, map);
            Mat out = m.mat();
            Imgproc.remap(src, out, mapMat, new Mat(), Imgproc.INTER_NEAREST, Core.BORDER_CONSTANT, new Scalar(0));
            if (out.depth() != CvType.CV_32F) {
                Mat f = m.mat();
                out.convertTo(f, CvType.CV_32F);
                out = f;
            }
            float[] all = new float[rows * cols];
            out.get(0, 0, all);
            float[] res = new float[n];
            System.arraycopy(all, 0, res, 0, n);
            return res;
        }
    }

    /**
     * The 8-connected components of {@code mask8u}: their count (with the background, label 0), their
     * labels into {@code labels} and their stats into {@code stats}. The labels are {@code CV_16U} when
     * fewer than 65535 pixels are set (then fewer labels than 16 bits hold, and {@link #labelsAt} reads
     * them without a whole-image conversion), else {@code CV_32S}.
     */
    static int components(Mat mask8u, Mat labels, Mat stats, Mat centroids) {
        int type = Core.countNonZero(mask8u) < 65535 ? CvType.CV_16U : CvType.CV_32S;
        return Imgproc.connectedComponentsWithStats(mask8u, labels, stats, centroids, 8, type);
    }

    /** The labels of {@code labels} ({@link #components}) at the points {@code xy}, as floats (exact below 2^24). */
    static float[] labelsAt(Mat labels, int[] xy) {
        if (labels.type() == CvType.CV_16U) {
            return gather(labels, xy);
        }
        Mat f = new Mat();
        try {
            labels.convertTo(f, CvType.CV_32F);
            return gather(f, xy);
        } finally {
            f.release();
        }
    }

    /**
     * The mask of the components of {@code labels32s} ({@code CV_32S} or {@code CV_16U}) whose {@code keep[label]} is true
     * ({@code CV_8UC1}, 255 = kept), written into {@code dst}. Label 0 (background) is never kept.
     */
    static void keepLabels(Mat labels32s, boolean[] keep, Mat dst) {
        int n = keep.length;
        int cols = Math.min(n, ROW);
        int rows = (n + cols - 1) / cols;
        byte[] table = new byte[rows * cols];
        for (int i = 1; i < n; i++) {
            table[i] = keep[i] ? (byte) 255 : 0;
        }
        try (Mats m = new Mats()) {
            Mat lut = m.add(new Mat(rows, cols, CvType.CV_8UC1));
            lut.put(0, 0, table);
            // label -> (label mod cols, label div cols) as float coordinates into the table
            Mat mx = m.mat();
            Mat my = m.mat();
            Mat lx = m.mat();
            Mat ly = m.mat();
            if (rows == 1) {
                labels32s.convertTo(lx, CvType.CV_32F);
                ly = m.add(Mat.zeros(labels32s.size(), CvType.CV_32F));
            } else {
                Mat l32 = labels32s;
                if (labels32s.type() != CvType.CV_32S) {
                    l32 = m.mat();
                    labels32s.convertTo(l32, CvType.CV_32S);
                }
                Mat q = m.mat();
                l32.convertTo(q, CvType.CV_64F, 1.0 / cols);
                Mat qf = m.mat();
                q.convertTo(qf, CvType.CV_32S, 1.0, -0.5 + 1e-9); // floor for non-negative values
                Mat back = m.mat();
                Core.multiply(qf, new Scalar(cols), back);
                Core.subtract(l32, back, mx);
                mx.convertTo(lx, CvType.CV_32F);
                qf.convertTo(ly, CvType.CV_32F);
            }
            Imgproc.remap(lut, dst, lx, ly, Imgproc.INTER_NEAREST, Core.BORDER_CONSTANT, new Scalar(0));
        }
    }

    /**
     * Hysteresis with shape tests: the 8-connected components of {@code low} (8u, non-zero = on)
     * that contain a connected run of seed pixels ({@code high ∧ low}, 8-connected) whose bounding
     * box is at least {@code minSeedExtentPx} long on its longer side (0 or 1 = one seed pixel is
     * enough), and whose own bounding box is at least {@code minExtentPx} long. Result in
     * {@code dst} ({@code CV_8UC1}, 0/255). Scattered seed pixels (texture that happens to pass
     * the seed test, a compact dust speck) do not make a crack; a crack is clearly visible along a
     * continuous stretch. A faint crack has scattered seeds but is thin: a component whose mean
     * width (area / longer side of its box) is at most {@code maxFaintWidthPx} is also kept when
     * its seed pixels, connected or not, span {@code minSeedExtentPx} (0 = off). A porous patch of
     * texture beside a bright scratch is wide and fails this.
     *
     * <p>When {@code skelDst} is not null the skeleton of the result ({@link Thinning}) is written
     * into it too, computed component by component inside each kept component's bounding box
     * (exact, as thinning is local and components do not touch) when those boxes cover less than
     * half of the image, else on the whole mask.
     */
    static void hysteresis(Mat low, Mat high, double minExtentPx, double minSeedExtentPx, double maxFaintWidthPx, Mat dst,
                           Mat skelDst) {
        hysteresis(low, high, minExtentPx, minSeedExtentPx, maxFaintWidthPx, dst, skelDst, SplitWork.INLINE);
    }

    /**
     * As {@link #hysteresis(Mat, Mat, double, double, double, Mat, Mat)}; the components of {@code low} and
     * those of the seeds are labelled at the same time when {@code split} has a helper.
     */
    static void hysteresis(Mat low, Mat high, double minExtentPx, double minSeedExtentPx, double maxFaintWidthPx, Mat dst,
                           Mat skelDst, SplitWork split) {
        try (Mats m = new Mats()) {
            Mat labels = m.mat();
            Mat stats = m.mat();
            Mat centroids = m.mat();
            Mat seeds = m.mat();
            Core.bitwise_and(high, low, seeds);
            boolean seedRuns = minSeedExtentPx > 1;
            Mat seedLabels = m.mat();
            Mat seedStats = m.mat();
            Mat seedCentroids = m.mat();
            int[] counts = new int[2];
            split.both(() -> counts[0] = components(low, labels, stats, centroids), () -> {
                if (seedRuns) {
                    counts[1] = components(seeds, seedLabels, seedStats, seedCentroids);
                }
            });
            int n = counts[0];
            boolean[] keep = new boolean[n];
            if (n <= 1) {
                dst.create(low.size(), CvType.CV_8UC1);
                dst.setTo(new Scalar(0));
                if (skelDst != null) {
                    skelDst.create(low.size(), CvType.CV_8UC1);
                    skelDst.setTo(new Scalar(0));
                }
                return;
            }
            boolean[] longEnough = longEnough(stats, n, minExtentPx);
            int[] xy = nonZeroPoints(seeds);
            if (xy.length > 0) {
                float[] lab = labelsAt(labels, xy);
                boolean[] longSeed = null;
                float[] seedLab = null;
                if (seedRuns) {
                    longSeed = longEnough(seedStats, counts[1], minSeedExtentPx);
                    seedLab = labelsAt(seedLabels, xy);
                }
                int[] st0 = new int[n * 5];
                stats.get(0, 0, st0);
                int[] box = new int[n * 4];
                for (int l = 1; l < n; l++) {
                    box[4 * l] = Integer.MAX_VALUE;
                    box[4 * l + 1] = Integer.MAX_VALUE;
                    box[4 * l + 2] = Integer.MIN_VALUE;
                    box[4 * l + 3] = Integer.MIN_VALUE;
                }
                for (int i = 0; i < lab.length; i++) {
                    int l = (int) lab[i];
                    if (l > 0 && longEnough[l] && (longSeed == null || longSeed[(int) seedLab[i]])) {
                        keep[l] = true;
                    }
                    if (l > 0) {
                        box[4 * l] = Math.min(box[4 * l], xy[2 * i]);
                        box[4 * l + 1] = Math.min(box[4 * l + 1], xy[2 * i + 1]);
                        box[4 * l + 2] = Math.max(box[4 * l + 2], xy[2 * i]);
                        box[4 * l + 3] = Math.max(box[4 * l + 3], xy[2 * i + 1]);
                    }
                }
                if (maxFaintWidthPx > 0 && minSeedExtentPx > 1) {
                    for (int l = 1; l < n; l++) {
                        int ext = Math.max(st0[l * 5 + Imgproc.CC_STAT_WIDTH], st0[l * 5 + Imgproc.CC_STAT_HEIGHT]);
                        boolean thinLine = st0[l * 5 + Imgproc.CC_STAT_AREA] <= maxFaintWidthPx * ext;
                        int seedExt = box[4 * l + 2] < box[4 * l] ? 0
                                : Math.max(box[4 * l + 2] - box[4 * l], box[4 * l + 3] - box[4 * l + 1]) + 1;
                        if (longEnough[l] && thinLine && seedExt >= minSeedExtentPx) {
                            keep[l] = true;
                        }
                    }
                }
            }
            int[] st = new int[n * 5];
            stats.get(0, 0, st);
            long boxArea = 0;
            for (int l = 1; l < n; l++) {
                if (keep[l]) {
                    boxArea += (long) (st[l * 5 + Imgproc.CC_STAT_WIDTH] + 2) * (st[l * 5 + Imgproc.CC_STAT_HEIGHT] + 2);
                }
            }
            if (skelDst == null || 2 * boxArea >= low.total()) {
                keepLabels(labels, keep, dst);
                if (skelDst != null) {
                    Thinning.thin(dst, skelDst);
                }
                return;
            }
            dst.create(low.size(), CvType.CV_8UC1);
            dst.setTo(new Scalar(0));
            skelDst.create(low.size(), CvType.CV_8UC1);
            skelDst.setTo(new Scalar(0));
            Mat comp = m.mat();
            Mat compSkel = m.mat();
            for (int l = 1; l < n; l++) {
                if (!keep[l]) {
                    continue;
                }
                int x0 = Math.max(0, st[l * 5] - 1);
                int y0 = Math.max(0, st[l * 5 + 1] - 1);
                int x1 = Math.min(low.cols(), st[l * 5] + st[l * 5 + Imgproc.CC_STAT_WIDTH] + 1);
                int y1 = Math.min(low.rows(), st[l * 5 + 1] + st[l * 5 + Imgproc.CC_STAT_HEIGHT] + 1);
                Rect r = new Rect(x0, y0, x1 - x0, y1 - y0);
                try (Mats roi = new Mats()) {
                    Core.compare(roi.add(labels.submat(r)), new Scalar(l), comp, Core.CMP_EQ);
                    Mat maskRoi = roi.add(dst.submat(r));
                    Core.bitwise_or(maskRoi, comp, maskRoi);
                    Thinning.thin(comp, compSkel);
                    Mat skelRoi = roi.add(skelDst.submat(r));
                    Core.bitwise_or(skelRoi, compSkel, skelRoi);
                }
            }
        }
    }

    /** Per label of {@code stats} (as from connectedComponentsWithStats): is its bounding box at least {@code min} long? */
    private static boolean[] longEnough(Mat stats, int n, double min) {
        int[] st = new int[n * 5];
        stats.get(0, 0, st);
        boolean[] ok = new boolean[n];
        for (int i = 1; i < n; i++) {
            ok[i] = Math.max(st[i * 5 + Imgproc.CC_STAT_WIDTH], st[i * 5 + Imgproc.CC_STAT_HEIGHT]) >= min;
        }
        return ok;
    }
}
