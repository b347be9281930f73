package org.sinterscope.inspection.crack;

import java.util.Objects;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.WebGrid;
import org.sinterscope.inspection.SplitWork;

/**
 * Finds cracks, dark thin branching lines, in a grey image and measures them.
 *
 * <ol>
 *   <li><b>Score.</b> Multi-scale dark-ridge strength {@code z} in texture units
 *       ({@link RidgeFilter}); the score map is {@code z / (z + highZ)} in [0, 1), so the seed
 *       threshold sits at 0.5.</li>
 *   <li><b>Mask.</b> Hysteresis: the 8-connected regions of {@code z ≥ lowZ} (and dark) that
 *       contain a connected run of seeds at least {@code minSeedExtentPx} long (seeds: the seed
 *       strength {@code z' ≥ highZ}, with the stronger edge penalty {@code seedEdgePenalty}, and
 *       {@code seedDarkness} times as dark) — or, if no wider than {@code maxFaintWidthPx} on
 *       average, whose scattered seeds span that much — and are at least {@code minLengthPx} long
 *       (bounding box).</li>
 *   <li><b>Skeleton.</b> Zhang–Suen thinning ({@link Thinning}).</li>
 *   <li><b>Measure.</b> Length, width, branches and orientation on the skeleton pixels
 *       ({@link CrackMeasurements}); crack direction from the second moments of the skeleton pixels
 *       around each skeleton pixel ({@link SkeletonAnalysis#directions}).</li>
 * </ol>
 * Everything after step 1 runs at the working resolution ({@code workScale}); the mask is
 * scaled back to the input size.
 *
 * <p>Step 1 and the darkness test run as two parts at once when the detector has a helper
 * ({@link SplitWork}): the finest pyramid level on the calling thread, the coarser levels and the
 * darkness test on the helper; so do the labelling of the mask's and of the seeds' components in
 * step 2. The result is the same as on one thread, bit for bit (the maximum over levels does not
 * depend on their order). Thread-safe: holds only its configuration and the
 * helper.
 */
public final class CrackDetector implements CrackSegmentation {

    /** Half-size of the skeleton window that gives the local crack direction, working pixels. */
    static final int DIRECTION_RADIUS_PX = 3;

    private final CrackDetectorConfig cfg;
    private final SplitWork split;

    /** A detector that does all of a frame's work on the calling thread. */
    public CrackDetector(CrackDetectorConfig cfg) {
        this(cfg, SplitWork.INLINE);
    }

    /** A detector that splits each frame's work in two parts, the second on {@code split}'s helper. */
    public CrackDetector(CrackDetectorConfig cfg, SplitWork split) {
        this.cfg = Objects.requireNonNull(cfg, "cfg");
        this.split = Objects.requireNonNull(split, "split");
        OpenCvNative.load();
    }

    public CrackDetectorConfig config() {
        return cfg;
    }

    /**
     * The crack score map, {@code CV_32FC1} in [0, 1), the size of {@code grey8u}; the caller
     * releases it.
     */
    public Mat scoreMap(Mat grey8u) {
        check(grey8u);
        Mat out = new Mat();
        try (Mats m = new Mats()) {
            Mat work = m.mat();
            RidgeFilter.workImage(grey8u, cfg, work);
            Mat z = m.mat();
            RidgeFilter.zMap(work, cfg, z, null);
            Mat s = m.mat();
            toScore(z, s, m);
            if (cfg.workScale() > 1) {
                Imgproc.resize(s, out, grey8u.size(), 0, 0, Imgproc.INTER_LINEAR);
            } else {
                s.copyTo(out);
            }
        }
        return out;
    }

    /**
     * Detects and measures the cracks of {@code grey8u} ({@code CV_8UC1}), located on the web
     * through {@code grid}. The returned result owns its mask.
     */
    public CrackResult detect(Mat grey8u, WebGrid grid) {
        return detect(grey8u, grid, null);
    }

    /**
     * As {@link #detect(Mat, WebGrid)}; when {@code scoreOut} is not null the score map (as
     * {@link #scoreMap}) is written into it too, at no extra cost.
     */
    @Override
    public CrackResult detect(Mat grey8u, WebGrid grid, Mat scoreOut) {
        check(grey8u);
        Objects.requireNonNull(grid, "grid");
        int ws = cfg.workScale();
        Mat fullMask = new Mat();
        try (Mats m = new Mats()) {
            Mat work = m.mat();
            RidgeFilter.workImage(grey8u, cfg, work);
            Mat z = m.mat();
            Mat zSeed = m.mat();
            Mat zCoarse = m.mat();
            Mat zSeedCoarse = m.mat();
            Mat dark = m.mat();
            Mat veryDark = m.mat();
            boolean coarse = cfg.levels() > 1;
            split.both(() -> RidgeFilter.zLevels(work, cfg, 0, 1, z, zSeed), () -> {
                if (coarse) {
                    RidgeFilter.zLevels(work, cfg, 1, cfg.levels(), zCoarse, zSeedCoarse);
                }
                if (cfg.minDarkness() > 0) {
                    darkPixels(work, dark, veryDark);
                }
            });
            if (coarse) {
                Core.max(z, zCoarse, z);
                Core.max(zSeed, zSeedCoarse, zSeed);
            }
            if (scoreOut != null) {
                Mat s = m.mat();
                toScore(z, s, m);
                if (ws > 1) {
                    Imgproc.resize(s, scoreOut, grey8u.size(), 0, 0, Imgproc.INTER_LINEAR);
                } else {
                    s.copyTo(scoreOut);
                }
            }
            Mat high = m.mat();
            Mat low = m.mat();
            Core.compare(zSeed, new Scalar(cfg.highZ()), high, Core.CMP_GE);
            Core.compare(z, new Scalar(cfg.lowZ()), low, Core.CMP_GE);
            Mat mask = m.mat();
            if (cfg.minDarkness() > 0) {
                Core.bitwise_and(low, dark, low);
                Core.bitwise_and(high, veryDark, high);
            }
            Mat skel = m.mat();
            MaskOps.hysteresis(low, high, cfg.minLengthPx() / ws, cfg.minSeedExtentPx() / ws, cfg.maxFaintWidthPx() / ws, mask,
                    skel, split);
            return measure(mask, skel, ws, grid, grey8u.size(), cfg.minCrackLengthPx(), fullMask, m);
        } catch (RuntimeException e) {
            fullMask.release();
            throw e;
        }
    }

    /**
     * Skeleton pruning, crack measurements and defects of a mask at working resolution
     * ({@code CV_8UC1}, 0/255, 1/{@code ws} of {@code fullSize}) and its skeleton; the mask is
     * scaled back to {@code fullSize} into {@code fullMask}, which the returned result owns.
     */
    static CrackResult measure(Mat mask, Mat skel, int ws, WebGrid grid, Size fullSize, double minCrackLengthPx, Mat fullMask,
                               Mats m) {
        int[] xy = MaskOps.nonZeroPoints(skel);
        float[] dt = new float[0];
        float[] angle = new float[0];
        if (xy.length > 0) {
            Mat dist = m.mat();
            Imgproc.distanceTransform(mask, dist, Imgproc.DIST_L2, Imgproc.DIST_MASK_5);
            dt = MaskOps.gather(dist, xy);
            int[] keep = SkeletonAnalysis.prune(xy, mask.cols(), mask.rows(), dt);
            int[] xy2 = new int[keep.length * 2];
            float[] dt2 = new float[keep.length];
            for (int i = 0; i < keep.length; i++) {
                xy2[2 * i] = xy[2 * keep[i]];
                xy2[2 * i + 1] = xy[2 * keep[i] + 1];
                dt2[i] = dt[keep[i]];
            }
            xy = xy2;
            dt = dt2;
            angle = SkeletonAnalysis.directions(xy, mask.cols(), DIRECTION_RADIUS_PX);
        }
        SkeletonAnalysis.CrackResultParts p = SkeletonAnalysis.analyse(xy, mask.cols(), mask.rows(), dt, angle, ws, grid,
                minCrackLengthPx * Math.min(grid.pitch().xMmPerPx(), grid.pitch().yMmPerPx()));
        double areaMm2 = grid.areaMm2((double) fullSize.width * fullSize.height);
        CrackMeasurements cm = new CrackMeasurements(p.totalLengthMm(), areaMm2, p.totalLengthMm() / areaMm2,
                p.meanWidthUm(), p.maxWidthUm(), p.longestMm(), p.count(), p.branchPoints(), p.histogramMm());
        if (ws > 1) {
            Imgproc.resize(mask, fullMask, fullSize, 0, 0, Imgproc.INTER_NEAREST);
        } else {
            mask.copyTo(fullMask);
        }
        return new CrackResult(cm, p.defects(), fullMask);
    }

    /**
     * Pixels darker than the background by {@code minDarkness} mean absolute deviations: the
     * background is the 5×5 median of the image at 1/8 of the working resolution (so ~40 px wide,
     * wider than most cracks), scaled back up; the image is smoothed by σ = 0.7 first. Seeds of
     * the hysteresis must be {@code seedDarkness} times as dark: a ridge response beside a bright
     * line or on a step edge is not dark and seeds nothing.
     */
    private void darkPixels(Mat work, Mat dst, Mat seedDst) {
        try (Mats m = new Mats()) {
            Mat bgSmall = m.mat();
            RidgeFilter.background(clippedForBackground(work, m), bgSmall);
            Mat bg = m.mat();
            Imgproc.resize(bgSmall, bg, work.size(), 0, 0, Imgproc.INTER_LINEAR);
            Mat smooth = m.mat();
            Imgproc.GaussianBlur(work, smooth, new Size(0, 0), 0.7);
            Mat depth = m.mat();
            Core.subtract(bg, smooth, depth);
            double mad = Core.norm(depth, Core.NORM_L1) / Math.max(1.0, depth.total());
            Core.compare(depth, new Scalar(cfg.minDarkness() * Math.max(mad, 0.5)), dst, Core.CMP_GE);
            Core.compare(depth, new Scalar(cfg.seedDarkness() * cfg.minDarkness() * Math.max(mad, 0.5)), seedDst, Core.CMP_GE);
        }
    }

    /**
     * The working image clipped at its mean + {@code backgroundClip} standard deviations (itself when the
     * clip is off): bright lines then lift the background estimate by little (the pyramid averages them in).
     */
    private Mat clippedForBackground(Mat work, Mats m) {
        if (cfg.backgroundClip() <= 0) {
            return work;
        }
        MatOfDouble mean = m.add(new MatOfDouble());
        MatOfDouble sd = m.add(new MatOfDouble());
        Core.meanStdDev(work, mean, sd);
        Mat clipped = m.mat();
        Imgproc.threshold(work, clipped, mean.get(0, 0)[0] + cfg.backgroundClip() * sd.get(0, 0)[0], 0, Imgproc.THRESH_TRUNC);
        return clipped;
    }

    /** s = z / (z + highZ). */
    private void toScore(Mat z, Mat dst, Mats m) {
        Mat den = m.mat();
        Core.add(z, new Scalar(cfg.highZ()), den);
        Core.divide(z, den, dst);
    }

    private static void check(Mat grey8u) {
        Objects.requireNonNull(grey8u, "image");
        if (grey8u.empty() || grey8u.type() != CvType.CV_8UC1) {
            throw new IllegalArgumentException("crack detection needs a non-empty 8-bit grey image (CV_8UC1), got "
                    + (grey8u.empty() ? "an empty image" : CvType.typeToString(grey8u.type())));
        }
    }
}
