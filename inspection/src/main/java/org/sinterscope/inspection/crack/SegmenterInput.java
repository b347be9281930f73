package org.sinterscope.inspection.crack;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfFloat;
import org.opencv.core.MatOfInt;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Mats;

import java.util.List;

/**
 * How the learned segmenter's input is prepared, the same in training ({@code models}) and on
 * the line: per image, {@code x' = clip((x − median) / (3 · s), −2, 2)} with the robust spread
 * {@code s = max(2, 1.4826 · MAD)} grey levels (median absolute deviation from the median), both
 * read off the 256-bin histogram of the 8-bit image. Brightness and contrast of the camera and
 * lighting drop out; cracks (a few % of the pixels) hardly move median and MAD.
 *
 * <p>Local variant ({@link #normaliseLocal}, bundles with a normalisation window {@code w}): the
 * same formula with median and spread of the {@code w × w} window around each pixel, as each
 * training patch of side {@code w} is normalised with its own statistics. The statistics are
 * computed exactly on windows centred on a grid of step {@code ⌈w/3⌉} (clamped inside the image)
 * and interpolated bilinearly between the grid nodes. A shadow, a stain or an illumination
 * gradient then no longer shifts a whole region of the image towards "dark = crack".
 */
public final class SegmenterInput {

    /** Floor of the robust spread, grey levels: a flat image is not blown up into noise. */
    static final double MIN_SPREAD = 2.0;
    /** The normalised value is clipped to ±this. */
    static final double CLIP = 2.0;
    /** Smallest and largest local normalisation window, px. */
    public static final int MIN_WINDOW_PX = 16;
    public static final int MAX_WINDOW_PX = 4096;

    private SegmenterInput() {
    }

    /** The bundle's description of the normalisation with window {@code windowPx} (0 = whole image). */
    public static String describe(int windowPx) {
        String f = "clip((x - median) / (3 * max(2, 1.4826 * MAD)), -2, 2)";
        return windowPx == 0 ? "per image: " + f
                : "per " + windowPx + " px window around each pixel (grid step " + (windowPx + 2) / 3 + ", bilinear): " + f;
    }

    /** Median and robust spread {@code s} of an 8-bit grey image, grey levels. */
    public record Stats(double median, double spread) {
    }

    /** Median and robust spread of {@code grey8u} ({@code CV_8UC1}). */
    public static Stats stats(Mat grey8u) {
        if (grey8u.empty() || grey8u.type() != CvType.CV_8UC1) {
            throw new IllegalArgumentException("segmenter input must be a non-empty 8-bit grey image, got "
                    + (grey8u.empty() ? "an empty image" : CvType.typeToString(grey8u.type())));
        }
        float[] h = new float[256];
        try (Mats m = new Mats()) {
            Mat hist = m.mat();
            Imgproc.calcHist(List.of(grey8u), m.add(new MatOfInt(0)), m.mat(), hist, m.add(new MatOfInt(256)),
                    m.add(new MatOfFloat(0f, 256f)));
            hist.get(0, 0, h);
        }
        double n = grey8u.total();
        int med = quantile(h, n);
        float[] dev = new float[256];
        for (int v = 0; v < 256; v++) {
            dev[Math.abs(v - med)] += h[v];
        }
        int mad = quantile(dev, n);
        return new Stats(med, Math.max(MIN_SPREAD, 1.4826 * mad));
    }

    private static int quantile(float[] hist, double n) {
        double acc = 0;
        for (int v = 0; v < hist.length; v++) {
            acc += hist[v];
            if (acc >= n / 2) {
                return v;
            }
        }
        return hist.length - 1;
    }

    /** Writes the normalised image ({@code CV_32FC1}) of {@code grey8u} with its own stats into {@code dst}. */
    public static void normalise(Mat grey8u, Mat dst) {
        normalise(grey8u, stats(grey8u), dst);
    }

    /**
     * Writes the locally normalised image ({@code CV_32FC1}, the size of {@code grey8u}) into
     * {@code dst}: {@code clip((x − m(x)) / (3 · s(x)), −2, 2)} with {@code m}, {@code s} the median
     * and robust spread of the {@code windowPx}² window around the pixel (class comment). An image
     * smaller than the window on a side uses its whole side there.
     */
    public static void normaliseLocal(Mat grey8u, int windowPx, Mat dst) {
        if (windowPx < MIN_WINDOW_PX || windowPx > MAX_WINDOW_PX) {
            throw new IllegalArgumentException("normalisation window must be " + MIN_WINDOW_PX + ".." + MAX_WINDOW_PX
                    + " px, got " + windowPx);
        }
        if (grey8u.empty() || grey8u.type() != CvType.CV_8UC1) {
            throw new IllegalArgumentException("segmenter input must be a non-empty 8-bit grey image, got "
                    + (grey8u.empty() ? "an empty image" : CvType.typeToString(grey8u.type())));
        }
        int w = grey8u.cols();
        int h = grey8u.rows();
        int step = (windowPx + 2) / 3;
        int gx = (w - 1) / step + 2;
        int gy = (h - 1) / step + 2;
        int ww = Math.min(windowPx, w);
        int wh = Math.min(windowPx, h);
        float[] med = new float[gx * gy];
        float[] spr = new float[gx * gy];
        try (Mats m = new Mats()) {
            for (int j = 0; j < gy; j++) {
                int y0 = Math.max(0, Math.min(h - wh, j * step - wh / 2));
                for (int i = 0; i < gx; i++) {
                    int x0 = Math.max(0, Math.min(w - ww, i * step - ww / 2));
                    Stats s = stats(m.add(grey8u.submat(new org.opencv.core.Rect(x0, y0, ww, wh))));
                    med[j * gx + i] = (float) s.median();
                    spr[j * gx + i] = (float) (3.0 * s.spread());
                }
            }
            Mat medGrid = m.mat();
            medGrid.create(gy, gx, CvType.CV_32FC1);
            medGrid.put(0, 0, med);
            Mat sprGrid = m.mat();
            sprGrid.create(gy, gx, CvType.CV_32FC1);
            sprGrid.put(0, 0, spr);
            // pixel (x, y) reads grid position (x / step, y / step): node (i, j) sits at pixel (i·step, j·step)
            Mat toGrid = m.mat();
            toGrid.create(2, 3, CvType.CV_64FC1);
            toGrid.put(0, 0, 1.0 / step, 0, 0, 0, 1.0 / step, 0);
            Mat medMap = m.mat();
            Mat sprMap = m.mat();
            org.opencv.core.Size size = grey8u.size();
            Imgproc.warpAffine(medGrid, medMap, toGrid, size, Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP, Core.BORDER_REPLICATE);
            Imgproc.warpAffine(sprGrid, sprMap, toGrid, size, Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP, Core.BORDER_REPLICATE);
            Mat x = m.mat();
            grey8u.convertTo(x, CvType.CV_32F);
            Core.subtract(x, medMap, x);
            Core.divide(x, sprMap, dst);
        }
        Core.min(dst, new org.opencv.core.Scalar(CLIP), dst);
        Core.max(dst, new org.opencv.core.Scalar(-CLIP), dst);
    }

    /** As {@link #normalise(Mat, Mat)} with given stats (a tile of a larger image uses the image's). */
    public static void normalise(Mat grey8u, Stats s, Mat dst) {
        double a = 1.0 / (3.0 * s.spread());
        grey8u.convertTo(dst, CvType.CV_32F, a, -s.median() * a);
        Core.min(dst, new org.opencv.core.Scalar(CLIP), dst);
        Core.max(dst, new org.opencv.core.Scalar(-CLIP), dst);
    }
}
