package org.sinterscope.inspection.areal;

import org.sinterscope.inspection.roughness.Convolution;
import org.sinterscope.inspection.roughness.GaussianProfileFilter;

/**
 * The areal Gaussian filter of ISO 16610-61: weighting function
 * {@code s(x, y) = (1/(α²λ²)) · exp(−π (x² + y²)/(αλ)²)}, α = √(ln 2 / π), λ the nesting index
 * (cutoff). It transmits a sine of wavelength Λ (in any direction) with amplitude ratio
 * {@code exp(−π (αλ/Λ)²)}, exactly 50 % at Λ = λ. The kernel is the product of two ISO 16610-21
 * profile kernels, so the filter runs as one profile filter along every row and then along every
 * column ({@link GaussianProfileFilter} weights: truncated at ±λ, normalised).
 *
 * <p>Missing points and edges: normalised convolution. With w = 1 at valid points and 0 elsewhere,
 * the mean surface is {@code G*(w·z) / G*w} at every valid point: only valid points contribute, with
 * their weights renormalised to sum 1 — at the edges this is the zero-order end correction of
 * ISO 16610-28, inside it fills nothing and invents nothing. Invalid points stay NaN.
 *
 * <p>Cost: two separable passes over w·z and w, by FFT for long kernels (O(n log n) per row/column).
 */
public final class ArealGaussianFilter {

    private ArealGaussianFilter() {
    }

    /**
     * The mean surface (low-pass output) of z.
     *
     * @param z        heights, row-major sizeX × sizeY, NaN = invalid; not modified
     * @param cutoffMm nesting index λ, mm
     * @param dxMm     column spacing, mm
     * @param dyMm     row spacing, mm
     */
    public static double[] meanSurface(double[] z, int sizeX, int sizeY, double cutoffMm, double dxMm, double dyMm) {
        double[] kx = new GaussianProfileFilter(cutoffMm, dxMm).weights();
        double[] ky = new GaussianProfileFilter(cutoffMm, dyMm).weights();
        double[] num = new double[z.length];
        double[] den = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            boolean ok = !Double.isNaN(z[i]);
            num[i] = ok ? z[i] : 0;
            den[i] = ok ? 1 : 0;
        }
        pass(num, den, sizeX, sizeY, kx, true);
        pass(num, den, sizeX, sizeY, ky, false);
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = Double.isNaN(z[i]) ? Double.NaN : num[i] / den[i];
        }
        return out;
    }

    /** {@code z − meanSurface(z)}: the high-pass (L-filtered) surface. */
    public static double[] residual(double[] z, int sizeX, int sizeY, double cutoffMm, double dxMm, double dyMm) {
        double[] m = meanSurface(z, sizeX, sizeY, cutoffMm, dxMm, dyMm);
        for (int i = 0; i < m.length; i++) {
            m[i] = z[i] - m[i];
        }
        return m;
    }

    /** Convolves every row (alongX) or column of num and den with k, in place. */
    private static void pass(double[] num, double[] den, int sizeX, int sizeY, double[] k, boolean alongX) {
        if (k.length == 1) {
            return;
        }
        int lines = alongX ? sizeY : sizeX;
        int len = alongX ? sizeX : sizeY;
        int stride = alongX ? 1 : sizeX;
        double[] a = new double[len];
        double[] b = new double[len];
        for (int line = 0; line < lines; line++) {
            int base = alongX ? line * sizeX : line;
            boolean any = false;
            for (int i = 0; i < len; i++) {
                a[i] = num[base + i * stride];
                b[i] = den[base + i * stride];
                any |= b[i] != 0;
            }
            if (!any) {
                continue;
            }
            double[] ca = Convolution.convolve(a, k);
            double[] cb = Convolution.convolve(b, k);
            for (int i = 0; i < len; i++) {
                num[base + i * stride] = ca[i];
                den[base + i * stride] = cb[i];
            }
        }
    }
}
