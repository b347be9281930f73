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
 */
public final class SegmenterInput {

    /** Floor of the robust spread, grey levels: a flat image is not blown up into noise. */
    static final double MIN_SPREAD = 2.0;
    /** The normalised value is clipped to ±this. */
    static final double CLIP = 2.0;

    private SegmenterInput() {
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

    /** As {@link #normalise(Mat, Mat)} with given stats (a tile of a larger image uses the image's). */
    public static void normalise(Mat grey8u, Stats s, Mat dst) {
        double a = 1.0 / (3.0 * s.spread());
        grey8u.convertTo(dst, CvType.CV_32F, a, -s.median() * a);
        Core.min(dst, new org.opencv.core.Scalar(CLIP), dst);
        Core.max(dst, new org.opencv.core.Scalar(-CLIP), dst);
    }
}
