package org.sinterscope.simulator.line;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.OpenCvNative;

/**
 * Renders one patch of the sintered alloy layer as a camera in diffuse reflected light sees it,
 * with a pixel-exact crack mask.
 *
 * <p>Model, 8-bit grey levels: a matte surface at {@value #SURFACE} with low-frequency mottling
 * (±6, a bicubic upsampled 8×4 random grid), a granular texture (Gaussian noise σ = 9 blurred by
 * σ = 1.1, so grains of 2–3 px) and grain boundaries: the zero set of a σ = 5 smoothed noise
 * field, a closed network of thin curves 4 levels darker. Cracks ({@link CrackGeometry}) are
 * drawn with their width into the mask and their depth subtracted from the surface. Look-alikes
 * that are not cracks: dust specks (dark discs, Ø 3–9 px, 25–60 levels), and scratches — straight
 * lines along the web, 1–2 px, burnished (brighter by 20–35 levels) because the scratched sintered
 * surface reflects more. Last come the optics (Gaussian σ = 0.7) and sensor noise (σ = 2).
 *
 * <p>The ground-truth length is the sum of the drawn centre lines. Deterministic for a seed:
 * every random draw comes from it (OpenCV's generator is re-seeded per frame).
 */
final class SinteredLayerRenderer {

    static final int SURFACE = 135;
    private static final int MARGIN = 12;

    private SinteredLayerRenderer() {
    }

    /** What was drawn into one frame. */
    record Truth(List<CrackPath> paths, int isolatedCracks, int networks) {
    }

    /**
     * Renders frame {@code index} of {@code cfg} into {@code image8u} and its crack mask
     * ({@code CV_8UC1}, 255 = crack) into {@code mask8u}.
     */
    static Truth render(SinteredLayerConfig cfg, long index, Mat image8u, Mat mask8u) {
        OpenCvNative.load();
        long frameSeed = new SplittableRandom(cfg.seed() * 0x9E3779B97F4A7C15L + index).nextLong();
        SplittableRandom rnd = new SplittableRandom(frameSeed);
        Core.setRNGSeed((int) (frameSeed ^ (frameSeed >>> 32)));
        int w = cfg.widthPx();
        int h = cfg.heightPx();
        double mpx = (double) w * h / 1e6;
        try (Mats m = new Mats()) {
            Mat img = m.add(new Mat(h, w, CvType.CV_32F));
            Core.randn(img, 0, 9);
            Imgproc.GaussianBlur(img, img, new Size(0, 0), 1.1);
            Core.add(img, new Scalar(SURFACE), img);
            // mottling
            Mat coarse = m.add(new Mat(4, 8, CvType.CV_32F));
            Core.randu(coarse, -6, 6);
            Mat mottle = m.mat();
            Imgproc.resize(coarse, mottle, new Size(w, h), 0, 0, Imgproc.INTER_CUBIC);
            Core.add(img, mottle, img);
            grainBoundaries(img, w, h, m);
            // cracks
            CrackGeometry geo = new CrackGeometry(w, h, MARGIN, cfg.maxCrackWidthPx(), cfg.minContrast(), cfg.maxContrast());
            List<CrackPath> paths = new ArrayList<>();
            int isolated = count(rnd, cfg.cracksPerMpx() * mpx);
            int networks = count(rnd, cfg.networksPerMpx() * mpx);
            for (int i = 0; i < isolated; i++) {
                geo.isolatedCrack(rnd, paths);
            }
            for (int i = 0; i < networks; i++) {
                geo.network(rnd, paths);
            }
            mask8u.create(h, w, CvType.CV_8UC1);
            mask8u.setTo(new Scalar(0));
            Mat depth = m.add(Mat.zeros(h, w, CvType.CV_32F));
            for (CrackPath p : paths) {
                for (int i = 1; i < p.xs().size(); i++) {
                    Point a = new Point(p.xs().get(i - 1) - 0.5, p.ys().get(i - 1) - 0.5);
                    Point b = new Point(p.xs().get(i) - 0.5, p.ys().get(i) - 0.5);
                    Imgproc.line(mask8u, a, b, new Scalar(255), p.widthPx(), Imgproc.LINE_8);
                    Imgproc.line(depth, a, b, new Scalar(p.contrast()), p.widthPx(), Imgproc.LINE_8);
                }
            }
            Core.subtract(img, depth, img);
            lookAlikes(rnd, img, w, h, mpx);
            Imgproc.GaussianBlur(img, img, new Size(0, 0), 0.7);
            Mat noise = m.add(new Mat(h, w, CvType.CV_32F));
            Core.randn(noise, 0, 2);
            Core.add(img, noise, img);
            img.convertTo(image8u, CvType.CV_8U);
            return new Truth(paths, isolated, networks);
        }
    }

    private static void grainBoundaries(Mat img, int w, int h, Mats m) {
        // zero set of smoothed noise, computed at quarter resolution and scaled up: a network of closed curves
        int sw = Math.max(8, w / 4);
        int sh = Math.max(8, h / 4);
        Mat f = m.add(new Mat(sh, sw, CvType.CV_32F));
        Core.randn(f, 0, 1);
        Imgproc.GaussianBlur(f, f, new Size(0, 0), 1.25);
        Mat big = m.mat();
        Imgproc.resize(f, big, new Size(w, h), 0, 0, Imgproc.INTER_LINEAR);
        Mat abs = m.mat();
        Core.absdiff(big, new Scalar(0), abs);
        Scalar sd = Core.mean(abs);
        Mat line = m.mat();
        Core.compare(abs, new Scalar(0.06 * sd.val[0]), line, Core.CMP_LT);
        Core.subtract(img, new Scalar(4), img, line);
    }

    private static void lookAlikes(SplittableRandom rnd, Mat img, int w, int h, double mpx) {
        int dust = count(rnd, 12 * mpx);
        for (int i = 0; i < dust; i++) {
            Point c = new Point(rnd.nextDouble() * w, rnd.nextDouble() * h);
            int r = 1 + rnd.nextInt(4);
            Imgproc.circle(img, c, r, new Scalar(SURFACE - 25 - 35 * rnd.nextDouble()), -1, Imgproc.LINE_AA);
        }
        int scratches = count(rnd, 0.8 * mpx);
        for (int i = 0; i < scratches; i++) {
            double x = rnd.nextDouble() * w;
            double y0 = rnd.nextDouble() * h * 0.5;
            double len = h * (0.3 + 0.7 * rnd.nextDouble());
            double slope = 0.02 * CrackGeometry.gaussian(rnd);
            Point a = new Point(x, y0);
            Point b = new Point(x + slope * len, Math.min(h, y0 + len));
            Imgproc.line(img, a, b, new Scalar(SURFACE + 20 + 15 * rnd.nextDouble()), 1 + rnd.nextInt(2), Imgproc.LINE_8);
        }
    }

    /** A count with mean {@code mean}: its integer part plus one with the probability of its fraction. */
    private static int count(SplittableRandom rnd, double mean) {
        int n = (int) Math.floor(mean);
        return n + (rnd.nextDouble() < mean - n ? 1 : 0);
    }
}
