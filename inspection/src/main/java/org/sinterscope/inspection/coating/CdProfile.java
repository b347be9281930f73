package org.sinterscope.inspection.coating;

import java.util.Arrays;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Cross-direction grey-level profiles of a frame.
 *
 * <p>The robust profile: the frame is cut into {@code stripes} horizontal stripes; each
 * stripe's column means come from one {@code Core.reduce}; the profile is the per-column median
 * over the stripes. A spot that covers fewer than half of the stripes does not move it, a streak
 * that runs the length of the frame does.
 */
final class CdProfile {

    private CdProfile() {
    }

    /**
     * Column means per stripe, {@code [stripe][column]}.
     *
     * @param grey 8-bit grey image
     */
    static float[][] stripeMeans(Mat grey, int stripes) {
        int h = grey.rows();
        int w = grey.cols();
        int n = Math.min(stripes, h);
        float[][] out = new float[n][w];
        Mat row = new Mat();
        try {
            for (int s = 0; s < n; s++) {
                Mat stripe = grey.rowRange(s * h / n, (s + 1) * h / n);
                Core.reduce(stripe, row, 0, Core.REDUCE_AVG, CvType.CV_32F);
                row.get(0, 0, out[s]);
                stripe.release();
            }
        } finally {
            row.release();
        }
        return out;
    }

    /** Per-column median over stripes. */
    static float[] median(float[][] stripes) {
        int n = stripes.length;
        int w = stripes[0].length;
        float[] out = new float[w];
        float[] v = new float[n];
        for (int c = 0; c < w; c++) {
            for (int s = 0; s < n; s++) {
                v[s] = stripes[s][c];
            }
            Arrays.sort(v);
            out[c] = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2f;
        }
        return out;
    }

    /**
     * Running median of {@code p[from, to)} with a window of {@code window} samples, evaluated every
     * {@code window / 16} samples and linearly interpolated between (the trend it removes is slow
     * compared with the window). Values outside {@code [from, to)} are never read.
     */
    static float[] runningMedian(float[] p, int from, int to, int window) {
        int n = to - from;
        float[] out = new float[n];
        if (n <= 0) {
            return out;
        }
        int half = Math.max(1, window / 2);
        int step = Math.max(1, window / 16);
        int knots = (n - 1) / step + 2;
        float[] kv = new float[knots];
        int[] kx = new int[knots];
        float[] buf = new float[2 * half + 1];
        for (int k = 0; k < knots; k++) {
            int x = Math.min(n - 1, k * step);
            int a = Math.max(0, x - half);
            int b = Math.min(n - 1, x + half);
            int len = b - a + 1;
            System.arraycopy(p, from + a, buf, 0, len);
            Arrays.sort(buf, 0, len);
            kv[k] = buf[len / 2];
            kx[k] = x;
        }
        int k = 0;
        for (int x = 0; x < n; x++) {
            while (k < knots - 2 && kx[k + 1] < x) {
                k++;
            }
            int x0 = kx[k];
            int x1 = kx[k + 1];
            float t = x1 == x0 ? 0f : (float) (x - x0) / (x1 - x0);
            out[x] = kv[k] + t * (kv[k + 1] - kv[k]);
        }
        return out;
    }
}
