package org.sinterscope.inspection.roughness;

/**
 * In-place iterative radix-2 complex FFT, {@code X[k] = Σ x[j] e^{∓2πijk/N}}; the inverse includes
 * the 1/N factor. N must be a power of two. Twiddle factors come from a table computed with
 * {@link Math#cos}/{@link Math#sin} directly (no recurrence), so the error stays O(ε log N).
 */
final class Fft {

    private Fft() {
    }

    /** cos(2πk/n) and sin(2πk/n) for k &lt; n/2: compute once, reuse for every transform of size n. */
    static double[][] twiddles(int n) {
        double[] cos = new double[n / 2];
        double[] sin = new double[n / 2];
        for (int k = 0; k < n / 2; k++) {
            double a = 2 * Math.PI * k / n;
            cos[k] = Math.cos(a);
            sin[k] = Math.sin(a);
        }
        return new double[][] {cos, sin};
    }

    static void transform(double[] re, double[] im, boolean inverse) {
        transform(re, im, inverse, twiddles(re.length));
    }

    static void transform(double[] re, double[] im, boolean inverse, double[][] twiddles) {
        int n = re.length;
        if (Integer.bitCount(n) != 1 || im.length != n || twiddles[0].length != n / 2) {
            throw new IllegalArgumentException("FFT size must be a power of two matching its twiddles, got " + n);
        }
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        double[] cos = twiddles[0];
        double[] sin = twiddles[1];
        double sign = inverse ? 1 : -1;
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            int step = n / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * step];
                    double wi = sign * sin[k * step];
                    int a = i + k;
                    int b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
        if (inverse) {
            for (int i = 0; i < n; i++) {
                re[i] /= n;
                im[i] /= n;
            }
        }
    }
}
