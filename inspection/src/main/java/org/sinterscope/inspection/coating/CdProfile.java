package org.sinterscope.inspection.coating;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.sinterscope.camera.Mats;

/**
 * Cross-direction grey-level profiles of a frame.
 *
 * <p>The robust profile: the frame is cut into {@code stripes} horizontal stripes; each
 * stripe's column sums come from vectorised 16-bit additions; the profile is the per-column median
 * over the stripes. A spot that covers fewer than half of the stripes does not move it, a streak
 * that runs the length of the frame does.
 */
final class CdProfile {

    private CdProfile() {
    }

    /**
     * Column sums and means per stripe. Stripe {@code s} covers rows {@code [s·h/n, (s+1)·h/n)};
     * its means are {@code (float) sum · (float) (1 / rows)}, bit for bit what
     * {@code Core.reduce(..., REDUCE_AVG, CV_32F)} gives.
     *
     * @param grey 8-bit grey image
     */
    static StripeProfiles stripes(Mat grey, int stripes) {
        int h = grey.rows();
        int w = grey.cols();
        int n = Math.min(stripes, h);
        int[][] sums = new int[n][w];
        float[][] means = new float[n][w];
        float[] scale = new float[n];
        int[] rows = new int[n];
        short[] row16 = new short[w];
        try (Mats m = new Mats()) {
            Mat acc = m.mat();
            Mat row = m.mat();
            for (int s = 0; s < n; s++) {
                int r0 = s * h / n;
                int r1 = (s + 1) * h / n;
                Mat stripe = m.add(grey.rowRange(r0, r1));
                rows[s] = r1 - r0;
                if (rows[s] <= MAX_ROWS_16U) {
                    columnSums16(stripe, acc, m);
                    m.add(acc.row(0)).get(0, 0, row16);
                    for (int c = 0; c < w; c++) {
                        sums[s][c] = row16[c] & 0xFFFF;
                    }
                } else {
                    Core.reduce(stripe, row, 0, Core.REDUCE_SUM, CvType.CV_32S);
                    row.get(0, 0, sums[s]);
                }
                scale[s] = (float) (1.0 / rows[s]);
                for (int c = 0; c < w; c++) {
                    means[s][c] = sums[s][c] * scale[s];
                }
            }
        }
        return new StripeProfiles(sums, rows, scale, means);
    }

    /** Up to this many 8-bit rows sum without overflow in 16 bits (257 · 255 ≤ 65535). */
    private static final int MAX_ROWS_16U = 257;

    /**
     * Column sums of an 8-bit {@code stripe} of at most {@link #MAX_ROWS_16U} rows into row 0 of
     * {@code acc}: one conversion to 16 bits, then halving additions (the bottom half added onto the
     * top half, an odd last row onto row 0), all vectorised; no partial sum can overflow.
     */
    private static void columnSums16(Mat stripe, Mat acc, Mats m) {
        stripe.convertTo(acc, CvType.CV_16U);
        int n = stripe.rows();
        while (n > 1) {
            int half = n / 2;
            Mat top = m.add(acc.rowRange(0, half));
            Core.add(top, m.add(acc.rowRange(half, 2 * half)), top);
            if (n % 2 == 1) {
                Mat first = m.add(acc.row(0));
                Core.add(first, m.add(acc.row(n - 1)), first);
            }
            n = half;
        }
    }

    /**
     * The element of rank {@code k} (from 0) of {@code values} in {@link Float#compare} order, what
     * {@code Arrays.sort} would put at index {@code k}, by quickselect on a copy (O(n) on average).
     */
    static float select(float[] values, int k) {
        if (k < 0 || k >= values.length) {
            throw new IllegalArgumentException("rank " + k + " outside [0, " + values.length + ")");
        }
        float[] a = values.clone();
        int lo = 0;
        int hi = a.length - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            // median of three as pivot
            if (Float.compare(a[mid], a[lo]) < 0) {
                swap(a, mid, lo);
            }
            if (Float.compare(a[hi], a[lo]) < 0) {
                swap(a, hi, lo);
            }
            if (Float.compare(a[hi], a[mid]) < 0) {
                swap(a, hi, mid);
            }
            float pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (Float.compare(a[i], pivot) < 0) {
                    i++;
                }
                while (Float.compare(a[j], pivot) > 0) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static void swap(float[] a, int i, int j) {
        float t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** Per-column median over stripes (the mean of the two middle ones for an even count). */
    static float[] median(float[][] stripes) {
        int n = stripes.length;
        int w = stripes[0].length;
        float[] out = new float[w];
        float[] v = new float[n];
        for (int c = 0; c < w; c++) {
            // insertion sort: the values are finite and >= 0, so plain < orders them as Arrays.sort does
            for (int s = 0; s < n; s++) {
                float x = stripes[s][c];
                int j = s - 1;
                while (j >= 0 && v[j] > x) {
                    v[j + 1] = v[j];
                    j--;
                }
                v[j + 1] = x;
            }
            out[c] = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2f;
        }
        return out;
    }

    /**
     * {@link #runningMedian(float[], int, int, int)} of the stripe means {@code sums[i] · scale},
     * computed on the integer sums: the mean is a non-decreasing function of the sum, so the median
     * of the means is the mean of the median sum. The window is a histogram of sums
     * ({@code hist}, at least {@code max(sums) + 1} long, all zero, left all zero) with the median
     * and the count below it updated as samples enter and leave (Huang's running median): O(step)
     * per knot plus the median's walk, instead of a sort.
     */
    static float[] runningMedian(int[] sums, float scale, int from, int to, int window, int[] hist) {
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
        int curA = 0;
        int curB = -1; // the histogram holds sums[from + curA .. from + curB]
        int m = sums[from]; // current median candidate
        int below = 0; // samples in the window with a sum below m
        for (int k = 0; k < knots; k++) {
            int x = Math.min(n - 1, k * step);
            int a = Math.max(0, x - half);
            int b = Math.min(n - 1, x + half);
            for (int i = curA; i < Math.min(a, curB + 1); i++) {
                int v = sums[from + i];
                hist[v]--;
                if (v < m) {
                    below--;
                }
            }
            for (int i = Math.max(curB + 1, a); i <= b; i++) {
                int v = sums[from + i];
                hist[v]++;
                if (v < m) {
                    below++;
                }
            }
            curA = a;
            curB = b;
            int rank = (b - a + 1) / 2;
            while (below > rank) {
                m--;
                below -= hist[m];
            }
            while (below + hist[m] <= rank) {
                below += hist[m];
                m++;
            }
            kv[k] = m * scale;
            kx[k] = x;
        }
        for (int i = curA; i <= curB; i++) {
            hist[sums[from + i]]--;
        }
        interpolate(kv, kx, knots, out);
        return out;
    }

    /**
     * Running median of {@code p[from, to)} with a window of {@code window} samples, evaluated every
     * {@code window / 16} samples and linearly interpolated between (the trend it removes is slow
     * compared with the window). Values outside {@code [from, to)} are never read.
     *
     * <p>Knot {@code k} at {@code x = min(n − 1, k·step)} takes the median (element {@code len / 2}
     * in {@link Float#compare} order) of {@code p[max(0, x − half), min(n − 1, x + half)]}. The
     * windows only move forward, so one sorted window is kept and updated by binary-search removal
     * and insertion of the samples that leave and enter: O(step · window) per knot instead of a sort.
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
        float[] sorted = new float[2 * half + 1];
        int len = 0;
        int curA = 0;
        int curB = -1; // the sorted window holds p[from + curA .. from + curB]
        for (int k = 0; k < knots; k++) {
            int x = Math.min(n - 1, k * step);
            int a = Math.max(0, x - half);
            int b = Math.min(n - 1, x + half);
            if (a > curB) {
                len = 0;
                curA = a;
                curB = a - 1;
            }
            for (int i = curA; i < a; i++) {
                len = remove(sorted, len, p[from + i]);
            }
            curA = a;
            for (int i = curB + 1; i <= b; i++) {
                len = insert(sorted, len, p[from + i]);
            }
            curB = b;
            kv[k] = sorted[len / 2];
            kx[k] = x;
        }
        interpolate(kv, kx, knots, out);
        return out;
    }

    /** Linear interpolation between the knots {@code (kx, kv)} at every {@code x} of {@code out}. */
    private static void interpolate(float[] kv, int[] kx, int knots, float[] out) {
        int k = 0;
        for (int x = 0; x < out.length; x++) {
            while (k < knots - 2 && kx[k + 1] < x) {
                k++;
            }
            int x0 = kx[k];
            int x1 = kx[k + 1];
            float t = x1 == x0 ? 0f : (float) (x - x0) / (x1 - x0);
            out[x] = kv[k] + t * (kv[k + 1] - kv[k]);
        }
    }

    /** First index in {@code s[0, len)} whose value is not below {@code v} ({@link Float#compare} order). */
    private static int lowerBound(float[] s, int len, float v) {
        int lo = 0;
        int hi = len;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Float.compare(s[mid], v) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int insert(float[] s, int len, float v) {
        int i = lowerBound(s, len, v);
        System.arraycopy(s, i, s, i + 1, len - i);
        s[i] = v;
        return len + 1;
    }

    private static int remove(float[] s, int len, float v) {
        int i = lowerBound(s, len, v);
        if (i >= len || Float.compare(s[i], v) != 0) {
            throw new IllegalStateException("running median window lost a sample: " + v);
        }
        System.arraycopy(s, i + 1, s, i, len - i - 1);
        return len - 1;
    }
}
