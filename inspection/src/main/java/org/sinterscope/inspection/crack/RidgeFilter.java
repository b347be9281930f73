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

    /** Writes {@code z} ({@code CV_32FC1}) of the working image {@code base} into {@code dst}. */
    static void zMap(Mat base, CrackDetectorConfig cfg, Mat dst) {
        try (Mats m = new Mats()) {
            dst.create(base.size(), CvType.CV_32F);
            dst.setTo(new Scalar(0));
            Mat level = base;
            Mat r = m.mat();
            Mat up = m.mat();
            for (int l = 0; l < cfg.levels(); l++) {
                if (l > 0) {
                    if (level.cols() < 8 || level.rows() < 8) {
                        break;
                    }
                    Mat next = m.mat();
                    Imgproc.pyrDown(level, next);
                    level = next;
                }
                response(level, cfg, r);
                if (l == 0) {
                    Core.max(dst, r, dst);
                } else {
                    Imgproc.resize(r, up, base.size(), 0, 0, Imgproc.INTER_LINEAR);
                    Core.max(dst, up, dst);
                }
            }
        }
    }

    /** {@code z_l} of one level into {@code dst}. */
    private static void response(Mat level, CrackDetectorConfig cfg, Mat dst) {
        try (Mats m = new Mats()) {
            double sigma = cfg.sigmaPx();
            Mat g = m.mat();
            Imgproc.GaussianBlur(level, g, new Size(0, 0), sigma, sigma, Core.BORDER_REFLECT);
            // 3x3 Sobel: second derivatives carry a factor 4, first derivatives a factor 8
            Mat hxx = m.mat();
            Mat hyy = m.mat();
            Mat hxy = m.mat();
            Imgproc.Sobel(g, hxx, CvType.CV_32F, 2, 0, 3);
            Imgproc.Sobel(g, hyy, CvType.CV_32F, 0, 2, 3);
            Imgproc.Sobel(g, hxy, CvType.CV_32F, 1, 1, 3);
            Mat tr = m.mat();
            Core.add(hxx, hyy, tr);
            Mat half = m.mat();
            Core.subtract(hxx, hyy, half);
            Core.multiply(half, new Scalar(0.5), half);
            Mat d = m.mat();
            Core.magnitude(half, hxy, d);
            Mat l1 = m.mat();
            Mat l2 = m.mat();
            Core.scaleAdd(tr, 0.5, d, l1);           // λ1 = tr/2 + d
            Mat negD = m.mat();
            Core.multiply(d, new Scalar(-1), negD);
            Core.scaleAdd(tr, 0.5, negD, l2);        // λ2 = tr/2 - d
            Imgproc.threshold(l2, l2, 0, 0, Imgproc.THRESH_TOZERO); // max(λ2, 0)
            Core.subtract(l1, l2, dst);
            if (cfg.edgePenalty() > 0) {
                Mat gx = m.mat();
                Mat gy = m.mat();
                Imgproc.Sobel(g, gx, CvType.CV_32F, 1, 0, 3);
                Imgproc.Sobel(g, gy, CvType.CV_32F, 0, 1, 3);
                Mat gm = m.mat();
                Core.magnitude(gx, gy, gm);
                // |∇G|/σ in units of the second-derivative Sobel: (|S1|/8)/σ · 4
                Core.scaleAdd(gm, -cfg.edgePenalty() / (2 * sigma), dst, dst);
            }
            Imgproc.threshold(dst, dst, 0, 0, Imgproc.THRESH_TOZERO);
            double noise = Math.max(Core.norm(tr, Core.NORM_L1) / Math.max(1.0, tr.total()), 1e-3);
            Core.multiply(dst, new Scalar(1.0 / noise), dst);
        }
    }
}
