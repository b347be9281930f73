package org.sinterscope.inspection.roughness;

/**
 * The Gaussian profile filter of ISO 16610-21.
 *
 * <p>Weighting function: {@code s(x) = (1/(α·λc)) · exp(−π (x/(α·λc))²)} with
 * {@code α = √(ln 2 / π) ≈ 0.4697}, so that the mean line (low-pass) transmits a sine of wavelength λ
 * with amplitude ratio {@code a(λ) = exp(−π (α·λc/λ)²)}: exactly 50 % at the cutoff λ = λc. The
 * roughness (high-pass) profile is the input minus the mean line and transmits {@code 1 − a(λ)}.
 * The same class serves the λs filter (primary profile = low-pass with cutoff λs).
 *
 * <p>Discretisation: the weights are s sampled at the profile spacing on {@code |x| ≤ c·λc}
 * (truncation constant c = {@value #TRUNCATION}) and normalised to sum 1. Truncation error: the
 * weight left out is {@code erfc(c·π/√ln2)} = erfc(3.77) ≈ 1.3·10⁻⁷ of the total, so the mean line
 * differs from the untruncated filter by at most that fraction of the profile's peak-to-valley;
 * normalisation keeps the DC gain exactly 1. (ISO 16610-21 allows c = 0.5; its 0.7 % truncated
 * weight would shift the transmission noticeably, hence c = 1.)
 *
 * <p>End effects: near the ends the kernel runs off the profile. The mean line there uses only the
 * weights that fall on the profile, renormalised to sum 1 — the zero-order end correction of
 * ISO 16610-28. Callers additionally discard λc/2 at each end by default (see
 * {@link RoughnessSettings.EndEffect}); with both, the remaining end bias is below the 0.7 % weight a
 * λc/2 window cuts off, applied to the local slope of the profile.
 *
 * <p>Cost: the convolution runs by FFT when the kernel is long (O(n log n)), directly otherwise; a
 * 10⁵-point profile with a 3201-tap kernel is never convolved in O(n·m).
 */
public final class GaussianProfileFilter {

    /** α = √(ln 2 / π): the constant that puts 50 % transmission at the cutoff. */
    public static final double ALPHA = Math.sqrt(Math.log(2) / Math.PI);

    /** The kernel spans ±TRUNCATION·cutoff. */
    public static final double TRUNCATION = 1.0;

    private final double cutoffMm;
    private final double spacingMm;
    private final double[] weights;
    private final double[] cumulative;

    /**
     * @param cutoffMm  cutoff wavelength (λc, or λs for the short-wave filter), mm, finite &gt; 0
     * @param spacingMm sample spacing, mm, finite &gt; 0
     */
    public GaussianProfileFilter(double cutoffMm, double spacingMm) {
        if (!(cutoffMm > 0) || !Double.isFinite(cutoffMm) || !(spacingMm > 0) || !Double.isFinite(spacingMm)) {
            throw new IllegalArgumentException("Gaussian filter needs finite cutoff and spacing > 0, got cutoff "
                    + cutoffMm + " mm, spacing " + spacingMm + " mm");
        }
        double halfPoints = Math.floor(TRUNCATION * cutoffMm / spacingMm);
        if (halfPoints > 5_000_000) {
            throw new IllegalArgumentException("cutoff " + cutoffMm + " mm is " + halfPoints
                    + " samples of " + spacingMm + " mm: kernel too long");
        }
        this.cutoffMm = cutoffMm;
        this.spacingMm = spacingMm;
        int h = (int) halfPoints;
        weights = new double[2 * h + 1];
        double ac = ALPHA * cutoffMm;
        for (int k = -h; k <= h; k++) {
            double u = k * spacingMm / ac;
            weights[k + h] = Math.exp(-Math.PI * u * u);
        }
        double total = NeumaierSum.sum(weights, 0, weights.length);
        for (int k = 0; k < weights.length; k++) {
            weights[k] /= total;
        }
        cumulative = new double[weights.length + 1];
        NeumaierSum acc = new NeumaierSum();
        for (int k = 0; k < weights.length; k++) {
            acc.add(weights[k]);
            cumulative[k + 1] = acc.value();
        }
    }

    public double cutoffMm() {
        return cutoffMm;
    }

    public double spacingMm() {
        return spacingMm;
    }

    /** Half-width of the kernel in samples (the kernel has 2h + 1 taps). */
    public int halfWidth() {
        return weights.length / 2;
    }

    /** A copy of the normalised weights, centre at index {@link #halfWidth()}. */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * The mean line (low-pass output) of z: the Gaussian-weighted mean around every point, with the
     * zero-order end correction. The input is not modified.
     */
    public double[] meanLine(double[] z) {
        double[] y = Convolution.convolve(z, weights);
        int n = z.length;
        int h = halfWidth();
        for (int i = 0; i < n; i++) {
            if (i < h || i > n - 1 - h) {
                int kLo = Math.max(0, h - i);
                int kHi = Math.min(weights.length - 1, n - 1 - i + h);
                y[i] /= cumulative[kHi + 1] - cumulative[kLo];
            }
        }
        return y;
    }

    /** The high-pass output: {@code z − meanLine(z)}. */
    public double[] residual(double[] z) {
        double[] m = meanLine(z);
        for (int i = 0; i < m.length; i++) {
            m[i] = z[i] - m[i];
        }
        return m;
    }

    /** Theoretical mean-line transmission of a sine of the given wavelength: exp(−π(α·λc/λ)²). */
    public static double meanLineTransmission(double wavelengthMm, double cutoffMm) {
        double r = ALPHA * cutoffMm / wavelengthMm;
        return Math.exp(-Math.PI * r * r);
    }
}
