package org.sinterscope.inspection.roughness;

/**
 * Linear convolution of a signal with a symmetric odd-length kernel, zero outside the signal:
 * {@code y[i] = Σ_{k=0}^{2h} w[k] · z[i + k − h]}, the sum running over indices inside z only.
 *
 * <p>Two implementations with the same result: {@link #direct} in O(n·m) and {@link #fft} in
 * O(N log N), N the power of two ≥ n + m − 1. {@link #convolve} takes the cheaper one. The FFT
 * result differs from the direct sum by rounding only (relative ~1e-15 of the signal's magnitude).
 */
public final class Convolution {

    private Convolution() {
    }

    public static double[] convolve(double[] z, double[] w) {
        long directCost = (long) z.length * w.length;
        long nfft = Long.highestOneBit(z.length + w.length - 1L) << 1;
        long fftCost = 15L * nfft * (63 - Long.numberOfLeadingZeros(nfft));
        return w.length <= 33 || directCost <= fftCost ? direct(z, w) : fft(z, w);
    }

    public static double[] direct(double[] z, double[] w) {
        int n = z.length;
        int h = w.length / 2;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int kLo = Math.max(0, h - i);
            int kHi = Math.min(w.length - 1, n - 1 - i + h);
            double s = 0;
            for (int k = kLo; k <= kHi; k++) {
                s += w[k] * z[i + k - h];
            }
            y[i] = s;
        }
        return y;
    }

    public static double[] fft(double[] z, double[] w) {
        int n = z.length;
        int m = w.length;
        int h = m / 2;
        int size = Math.max(2, Integer.highestOneBit(Math.max(1, n + m - 2)) << 1); // smallest 2^k >= n + m - 1
        double[] ar = new double[size];
        double[] ai = new double[size];
        double[] br = new double[size];
        double[] bi = new double[size];
        System.arraycopy(z, 0, ar, 0, n);
        System.arraycopy(w, 0, br, 0, m);
        Fft.transform(ar, ai, false);
        Fft.transform(br, bi, false);
        for (int i = 0; i < size; i++) {
            double re = ar[i] * br[i] - ai[i] * bi[i];
            double im = ar[i] * bi[i] + ai[i] * br[i];
            ar[i] = re;
            ai[i] = im;
        }
        Fft.transform(ar, ai, true);
        double[] y = new double[n];
        System.arraycopy(ar, h, y, 0, n);
        return y;
    }
}
