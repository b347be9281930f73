package org.sinterscope.inspection.roughness;

/**
 * Linear convolution of a signal with a symmetric odd-length kernel, zero outside the signal:
 * {@code y[i] = Σ_{k=0}^{2h} w[k] · z[i + k − h]}, the sum running over indices inside z only.
 *
 * <p>Two implementations with the same result: {@link #direct} in O(n·m) and {@link #fft} in
 * O(N log N), N the power of two ≥ n + m − 1 (two complex transforms: both real inputs share
 * the forward one). {@link #convolve} takes the cheaper one. The FFT
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
        // both real inputs in one complex transform: x = z + i·w, then split the spectra by symmetry
        double[] re = new double[size];
        double[] im = new double[size];
        System.arraycopy(z, 0, re, 0, n);
        System.arraycopy(w, 0, im, 0, m);
        double[][] tw = Fft.twiddles(size);
        Fft.transform(re, im, false, tw);
        double[] ar = new double[size];
        double[] ai = new double[size];
        for (int k = 0; k < size; k++) {
            int j = (size - k) & (size - 1);
            double br = re[j];
            double bi = -im[j];                  // conj(X[N−k])
            double zr = (re[k] + br) / 2;        // Z = (X[k] + conj(X[N−k])) / 2
            double zi = (im[k] + bi) / 2;
            double wr = (im[k] - bi) / 2;        // W = (X[k] − conj(X[N−k])) / 2i
            double wi = -(re[k] - br) / 2;
            ar[k] = zr * wr - zi * wi;
            ai[k] = zr * wi + zi * wr;
        }
        Fft.transform(ar, ai, true, tw);
        double[] y = new double[n];
        System.arraycopy(ar, h, y, 0, n);
        return y;
    }
}
