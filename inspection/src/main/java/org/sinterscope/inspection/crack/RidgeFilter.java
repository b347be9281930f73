package org.sinterscope.inspection.crack;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Mats;

/**
 * Multi-scale dark-ridge strength in texture units.
 *
 * <p>On pyramid level {@code l} (the image at {@code 1/(workScale·2^l)}), with {@code G} the
 * level smoothed by a Gaussian of {@code sigmaPx} and {@code λ1 ≥ λ2} the eigenvalues of its
 * Hessian,
 * <pre>
 *   R_l = max(0, λ1 − max(λ2, 0) − edgePenalty·|∇G|/σ)
 *   z_l = R_l / mean|λ1 + λ2|
 * </pre>
 * A dark line has a large positive curvature across it ({@code λ1}) and none along it
 * ({@code λ2 ≈ 0}); a dark blob has both positive and is suppressed by the {@code λ2} term; the
 * dark side of a step edge has curvature together with a strong gradient and is suppressed by
 * the gradient term (at {@code edgePenalty = 1} the edge response vanishes at its maximum for a
 * Gaussian-blurred step). Dividing by the mean absolute Laplacian of the same level (dominated
 * by texture, as cracks cover a few percent of a frame) makes {@code z} a contrast-free number.
 * The result is {@code z = max_l z_l}, each level resized (bilinear) to level 0.
 */
final class RidgeFilter {

    /**
     * Replicated, not reflected, borders: a reflected border mirrors a bright line near the frame
     * edge into a valley between the line and its mirror image, a false dark ridge.
     */
    private static final int BORDER = Core.BORDER_REPLICATE;

    private RidgeFilter() {
    }

    /** The image at the working resolution ({@code 1/workScale}, area average) as {@code CV_32FC1}. */
    static void workImage(Mat grey8u, CrackDetectorConfig cfg, Mat dst) {
        if (cfg.workScale() > 1) {
            Mat small = new Mat();
            try {
                Size s = new Size(Math.max(1, grey8u.cols() / cfg.workScale()), Math.max(1, grey8u.rows() / cfg.workScale()));
                Imgproc.resize(grey8u, small, s, 0, 0, Imgproc.INTER_AREA);
                small.convertTo(dst, CvType.CV_32F);
            } finally {
                small.release();
            }
        } else {
            grey8u.convertTo(dst, CvType.CV_32F);
        }
    }

    /**
     * The local background of the working image: its 5×5 median after three {@code pyrDown}s
     * (1/8 resolution, so ~40 working pixels wide, wider than cracks), left at that small size.
     */
    static void background(Mat work, Mat dst) {
        try (Mats m = new Mats()) {
            Mat small = work;
            int down = 0;
            while (down < 3 && small.cols() >= 32 && small.rows() >= 32) {
                Mat next = m.mat();
                Imgproc.pyrDown(small, next);
                small = next;
                down++;
            }
            Imgproc.medianBlur(small, dst, 5);
        }
    }

    /**
     * Writes {@code z} ({@code CV_32FC1}) of the working image {@code base} into {@code dst} and,
     * when {@code seedDst} is not null, the seed strength {@code z'} into it: the same with the
     * edge penalty {@code seedEdgePenalty}.
     */
    static void zMap(Mat base, CrackDetectorConfig cfg, Mat dst, Mat seedDst) {
        zLevels(base, cfg, 0, cfg.levels(), dst, seedDst);
    }

    /**
     * As {@link #zMap}, from the pyramid levels {@code from} to {@code to − 1} only (0 where none of
     * them responds): the maximum of two disjoint level ranges' maps is {@link #zMap}'s map exactly,
     * so the ranges can be computed at the same time. Levels too small for the filter (under 8 px)
     * are left out, as in {@link #zMap}.
     */
    static void zLevels(Mat base, CrackDetectorConfig cfg, int from, int to, Mat dst, Mat seedDst) {
        if (from < 0 || to > cfg.levels() || from >= to) {
            throw new IllegalArgumentException("levels " + from + ".." + (to - 1) + " are not within 0.." + (cfg.levels() - 1));
        }
        try (Mats m = new Mats()) {
            dst.create(base.size(), CvType.CV_32F);
            if (seedDst != null) {
                seedDst.create(base.size(), CvType.CV_32F);
            }
            Mat level = base;
            Mat r = m.mat();
            Mat rs = seedDst == null ? null : m.mat();
            Mat up = m.mat();
            boolean first = true;
            for (int l = 0; l < to; l++) {
                if (l > 0) {
                    if (level.cols() < 8 || level.rows() < 8) {
                        break;
                    }
                    Mat next = m.mat();
                    Imgproc.pyrDown(level, next);
                    level = next;
                }
                if (l < from) {
                    continue;
                }
                // responses are >= 0: the first level's is the maximum so far as it is, no zero map to take it against
                if (first && l == 0) {
                    response(level, cfg, dst, seedDst);
                } else {
                    response(level, cfg, r, rs);
                    into(dst, r, first, up);
                    if (seedDst != null) {
                        into(seedDst, rs, first, up);
                    }
                }
                first = false;
            }
            if (first) {
                dst.setTo(new Scalar(0));
                if (seedDst != null) {
                    seedDst.setTo(new Scalar(0));
                }
            }
        }
    }

    /**
     * A coarser level's response {@code r} scaled up (bilinear) into {@code dst}, which has level 0's size:
     * into it as it is when it is the first level taken, else as the maximum of both.
     */
    private static void into(Mat dst, Mat r, boolean first, Mat tmp) {
        if (first) {
            Imgproc.resize(r, dst, dst.size(), 0, 0, Imgproc.INTER_LINEAR);
        } else {
            Imgproc.resize(r, tmp, dst.size(), 0, 0, Imgproc.INTER_LINEAR);
            Core.max(dst, tmp, dst);
        }
    }

    /**
     * {@code z_l} of one level into {@code dst}; when {@code seedDst} is not null, with the seed
     * edge penalty into it. With {@code d = sqrt(((hxx − hyy)/2)² + hxy²)} (so λ1,2 = tr/2 ± d):
     * {@code λ1 − max(λ2, 0) = min(λ1, 2d) = d + min(tr/2, d)}. The derivatives are computed into four
     * buffers that are reused as the formula goes on (fewer passes over memory than one buffer per term).
     */
    private static void response(Mat level, CrackDetectorConfig cfg, Mat dst, Mat seedDst) {
        try (Mats m = new Mats()) {
            double sigma = cfg.sigmaPx();
            Mat g = m.mat();
            Imgproc.GaussianBlur(level, g, new Size(0, 0), sigma, sigma, BORDER);
            // 3x3 Sobel: second derivatives carry a factor 4, first derivatives a factor 8; hxx and hyy
            // are taken at half scale (exact: a power of two), so that their sum is tr/2
            Mat a = m.mat();
            Mat b = m.mat();
            Mat c = m.mat();
            Mat e = m.mat();
            Imgproc.Sobel(g, a, CvType.CV_32F, 2, 0, 3, 0.5, 0, BORDER);    // a = hxx/2
            Imgproc.Sobel(g, b, CvType.CV_32F, 0, 2, 3, 0.5, 0, BORDER);    // b = hyy/2
            Imgproc.Sobel(g, c, CvType.CV_32F, 1, 1, 3, 1, 0, BORDER);      // c = hxy
            Core.add(a, b, e);                                              // e = tr/2
            Core.subtract(a, b, a);                                         // a = (hxx − hyy)/2
            Core.magnitude(a, c, b);                                        // b = d
            double noise = Math.max(2 * Core.norm(e, Core.NORM_L1) / Math.max(1.0, e.total()), 1e-3);
            Core.min(e, b, e);                                              // e = min(tr/2, d)
            Core.add(b, e, c);                                              // c = d + min(tr/2, d) = λ1 − max(λ2, 0)
            Mat r0 = c;
            clearSideBorders(r0, (int) Math.ceil(sigma));
            Mat gm = null;
            if (cfg.edgePenalty() > 0 || seedDst != null) {
                Imgproc.Sobel(g, a, CvType.CV_32F, 1, 0, 3, 1, 0, BORDER);
                Imgproc.Sobel(g, e, CvType.CV_32F, 0, 1, 3, 1, 0, BORDER);
                gm = b;
                Core.magnitude(a, e, gm);
            }
            // |∇G|/σ in units of the second-derivative Sobel: (|S1|/8)/σ · 4
            penalised(r0, gm, cfg.edgePenalty() / (2 * sigma), noise, dst);
            if (seedDst != null) {
                penalised(r0, gm, cfg.seedEdgePenalty() / (2 * sigma), noise, seedDst);
            }
        }
    }

    /**
     * Zeroes the outer {@code b} columns (the frame's cross-web edges): there the filter sees
     * mostly the border extrapolation, and a scratch along the frame edge would leave a false
     * ridge between itself and the border. Rows are kept: frames follow each other along the web.
     */
    private static void clearSideBorders(Mat r, int b) {
        if (r.cols() <= 2 * b) {
            return;
        }
        try (Mats m = new Mats()) {
            m.add(r.colRange(0, b)).setTo(new Scalar(0));
            m.add(r.colRange(r.cols() - b, r.cols())).setTo(new Scalar(0));
        }
    }

    /** dst = max(0, r0 − k·gm) / noise. */
    private static void penalised(Mat r0, Mat gm, double k, double noise, Mat dst) {
        if (k > 0) {
            Core.scaleAdd(gm, -k, r0, dst);
        } else {
            r0.copyTo(dst);
        }
        Imgproc.threshold(dst, dst, 0, 0, Imgproc.THRESH_TOZERO);
        Core.multiply(dst, new Scalar(1.0 / noise), dst);
    }
}
