package org.sinterscope.inspection.xrd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Noise estimate and sharp-peak candidates of a scan.
 *
 * <p><b>Noise.</b> For white noise of standard deviation σ the second difference
 * {@code d²ᵢ = yᵢ₋₁ − 2yᵢ + yᵢ₊₁} has variance 6σ²; smooth signal adds almost nothing to it. So
 * {@code σᵢ = 1.4826 · median(|d²|) / √6} over a window of {@link #NOISE_WINDOW} points around i
 * (median absolute value: robust against the few points a sharp peak occupies). Counting noise,
 * which grows with the intensity, is followed window by window.
 *
 * <p><b>Candidates.</b> The residual r (scan minus background and halos) is correlated with zero-sum
 * difference-of-Gaussians kernels {@code k = G(w) − G(3w)} (each normalised to sum 1) at three
 * widths w; a constant or linear misfit of the broad model gives no response. The response's
 * standard deviation is {@code √(Σ k²ⱼ σ²ᵢ₊ⱼ)}; a local maximum of response / σ above the
 * threshold, where r is positive, is a candidate. Its starting width is read off r at half height.
 */
final class PeakSearch {

    static final int NOISE_WINDOW = 101;
    static final double[] SCALES_DEG = {0.15, 0.4, 1.0};

    /** A candidate: index of its maximum, starting FWHM (degrees) and height, and its score in σ. */
    record Candidate(int index, double fwhmDeg, double height, double score) {
    }

    private PeakSearch() {
    }

    /** σᵢ for every point, floored at 10⁻⁶ of the largest |y| (a noise-free scan would get infinite weights). */
    static double[] noise(double[] y) {
        int n = y.length;
        double[] d2 = new double[n];
        for (int i = 1; i < n - 1; i++) {
            d2[i] = Math.abs(y[i - 1] - 2 * y[i] + y[i + 1]);
        }
        d2[0] = d2[1];
        d2[n - 1] = d2[n - 2];
        double max = 0;
        for (double v : y) {
            max = Math.max(max, Math.abs(v));
        }
        double floor = Math.max(1e-6 * max, 1e-12);
        double[] sigma = new double[n];
        int half = NOISE_WINDOW / 2;
        double[] buf = new double[NOISE_WINDOW];
        int step = 10; // the median moves slowly: computed every 10 points, held in between
        for (int i = 0; i < n; i += step) {
            int a = Math.max(0, Math.min(i - half, n - NOISE_WINDOW));
            int b = Math.min(n, a + NOISE_WINDOW);
            int len = b - a;
            System.arraycopy(d2, a, buf, 0, len);
            Arrays.sort(buf, 0, len);
            double med = len % 2 == 1 ? buf[len / 2] : 0.5 * (buf[len / 2 - 1] + buf[len / 2]);
            double s = Math.max(1.4826 * med / Math.sqrt(6), floor);
            for (int k = i; k < Math.min(n, i + step); k++) {
                sigma[k] = s;
            }
        }
        return sigma;
    }

    /**
     * Candidates in {@code r}, strongest first, at least one starting FWHM apart.
     *
     * @param stepDeg       median 2θ step
     * @param maxFwhmDeg    widest starting FWHM
     * @param thresholdSigma smallest score
     */
    static List<Candidate> candidates(double[] r, double[] sigma, double stepDeg, double maxFwhmDeg,
                                      double thresholdSigma) {
        int n = r.length;
        List<Candidate> all = new ArrayList<>();
        for (double w : SCALES_DEG) {
            double[] k = kernel(w / stepDeg);
            int h = k.length / 2;
            if (2 * h + 1 >= n) {
                continue;
            }
            double[] z = new double[n];
            for (int i = h; i < n - h; i++) {
                double s = 0;
                double v = 0;
                for (int j = -h; j <= h; j++) {
                    double kj = k[j + h];
                    s += kj * r[i + j];
                    v += kj * kj * sigma[i + j] * sigma[i + j];
                }
                z[i] = s / Math.sqrt(v);
            }
            int reach = Math.max(1, (int) Math.round(0.5 * w / stepDeg));
            for (int i = h; i < n - h; i++) {
                if (z[i] < thresholdSigma || r[i] <= 0) {
                    continue;
                }
                boolean max = true;
                for (int j = Math.max(h, i - reach); j <= Math.min(n - h - 1, i + reach) && max; j++) {
                    max = z[j] <= z[i] && (z[j] < z[i] || j >= i);
                }
                if (max) {
                    int top = localTop(r, i, reach);
                    all.add(new Candidate(top, halfWidth(r, top, stepDeg, maxFwhmDeg), r[top], z[i]));
                }
            }
        }
        all.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : all) {
            boolean near = false;
            for (Candidate k : kept) {
                near |= Math.abs(c.index() - k.index()) * stepDeg < Math.max(k.fwhmDeg(), c.fwhmDeg());
            }
            if (!near) {
                kept.add(c);
            }
        }
        return kept;
    }

    /** Zero-sum DoG kernel: G(w) − G(3w), each of unit sum, w in points; half-length 3 × 3w / 2.355 σ. */
    private static double[] kernel(double wPoints) {
        double s1 = Math.max(wPoints, 1) / 2.3548;
        double s2 = 3 * s1;
        int h = (int) Math.ceil(3 * s2);
        double[] g1 = new double[2 * h + 1];
        double[] g2 = new double[2 * h + 1];
        double n1 = 0;
        double n2 = 0;
        for (int j = -h; j <= h; j++) {
            g1[j + h] = Math.exp(-0.5 * j * j / (s1 * s1));
            g2[j + h] = Math.exp(-0.5 * j * j / (s2 * s2));
            n1 += g1[j + h];
            n2 += g2[j + h];
        }
        double[] k = new double[2 * h + 1];
        for (int j = 0; j < k.length; j++) {
            k[j] = g1[j] / n1 - g2[j] / n2;
        }
        return k;
    }

    private static int localTop(double[] r, int i, int reach) {
        int best = i;
        for (int j = Math.max(0, i - reach); j <= Math.min(r.length - 1, i + reach); j++) {
            if (r[j] > r[best]) {
                best = j;
            }
        }
        return best;
    }

    /** Width at half of r[top], degrees, within [2 steps, maxFwhm]. */
    private static double halfWidth(double[] r, int top, double stepDeg, double maxFwhmDeg) {
        double half = r[top] / 2;
        int maxReach = (int) Math.ceil(maxFwhmDeg / stepDeg);
        int left = top;
        while (left > 0 && top - left < maxReach && r[left] > half) {
            left--;
        }
        int right = top;
        while (right < r.length - 1 && right - top < maxReach && r[right] > half) {
            right++;
        }
        return Math.min(maxFwhmDeg, Math.max(2 * stepDeg, (right - left) * stepDeg));
    }
}
