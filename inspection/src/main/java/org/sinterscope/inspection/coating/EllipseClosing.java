package org.sinterscope.inspection.coating;

import java.util.HashMap;
import java.util.Map;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Mats;

/**
 * Morphological closing with the elliptic {@code k × k} structuring element of
 * {@code Imgproc.getStructuringElement(MORPH_ELLIPSE, k × k)}, identical to
 * {@code Imgproc.morphologyEx(src, dst, MORPH_CLOSE, that kernel)} with the default border, done
 * as separable pieces.
 *
 * <p>Each row {@code i} of the kernel is one run of columns {@code [j0, j1]}, so a dilation is
 * {@code dst(x, y) = max_i H_i(x, y + i − a)} with {@code H_i} the dilation by the 1 × (j1 − j0 + 1)
 * rectangle anchored at {@code a − j0} ({@code a = k / 2}); likewise the erosion with min. Rows
 * beyond the image contribute nothing, as OpenCV's default morphology border does. The rectangle
 * passes are OpenCV's fast row filters, and the ellipse's symmetric rows share theirs: about
 * {@code k / 2 + 1} row passes and {@code k − 1} max/min passes instead of one pass per kernel pixel.
 */
final class EllipseClosing {

    private final int k;
    private final int[] j0;
    private final int[] j1;

    EllipseClosing(int k) {
        if (k < 1 || k % 2 == 0) {
            throw new IllegalArgumentException("elliptic closing needs an odd kernel size >= 1, got " + k);
        }
        this.k = k;
        j0 = new int[k];
        j1 = new int[k];
        Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(k, k));
        try {
            byte[] b = new byte[k * k];
            kernel.get(0, 0, b);
            for (int i = 0; i < k; i++) {
                j0[i] = -1;
                for (int j = 0; j < k; j++) {
                    if (b[i * k + j] != 0) {
                        if (j0[i] < 0) {
                            j0[i] = j;
                        } else if (j != j1[i] + 1) {
                            throw new IllegalStateException("elliptic kernel row " + i + " is not one run");
                        }
                        j1[i] = j;
                    }
                }
            }
        } finally {
            kernel.release();
        }
    }

    /** {@code dst} = closing of the 8-bit {@code src}. */
    void close(Mat src, Mat dst) {
        if (src.type() != CvType.CV_8UC1) {
            throw new IllegalArgumentException("closing needs an 8-bit single-channel image, got " + CvType.typeToString(src.type()));
        }
        try (Mats m = new Mats()) {
            Mat dilated = m.mat();
            pass(src, dilated, true, m);
            pass(dilated, dst, false, m);
        }
    }

    private void pass(Mat src, Mat dst, boolean dilate, Mats m) {
        int a = k / 2;
        int h = src.rows();
        Map<Long, Mat> byRun = new HashMap<>();
        // the centre row spans every line: it starts the result, the other rows are folded in
        run(src, a, dilate, byRun, m).copyTo(dst);
        for (int i = 0; i < k; i++) {
            int d = i - a;
            int y0 = Math.max(0, -d);
            int y1 = Math.min(h, h - d);
            if (d == 0 || j0[i] < 0 || y1 <= y0) {
                continue;
            }
            Mat hi = run(src, i, dilate, byRun, m);
            Mat out = m.add(dst.rowRange(y0, y1));
            Mat in = m.add(hi.rowRange(y0 + d, y1 + d));
            if (dilate) {
                Core.max(out, in, out);
            } else {
                Core.min(out, in, out);
            }
        }
    }

    /** {@code src} dilated (or eroded) by kernel row {@code i}'s run alone, shared between rows with the same run. */
    private Mat run(Mat src, int i, boolean dilate, Map<Long, Mat> byRun, Mats m) {
        long key = ((long) j0[i] << 32) | j1[i];
        Mat hi = byRun.get(key);
        if (hi == null) {
            hi = m.mat();
            Mat rect = m.add(Mat.ones(1, j1[i] - j0[i] + 1, CvType.CV_8U));
            Point anchor = new Point(k / 2 - j0[i], 0);
            if (dilate) {
                Imgproc.dilate(src, hi, rect, anchor);
            } else {
                Imgproc.erode(src, hi, rect, anchor);
            }
            byRun.put(key, hi);
        }
        return hi;
    }
}
