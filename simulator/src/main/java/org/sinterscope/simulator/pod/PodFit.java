package org.sinterscope.simulator.pod;

import java.util.List;

/**
 * Hit/miss probability of detection as in MIL-HDBK-1823A: {@code POD(a) = 1 / (1 + exp(−(b0 + b1·ln a)))},
 * fitted by maximum likelihood (Newton–Raphson on the Bernoulli log-likelihood).
 *
 * <ul>
 *   <li>{@code a90} = the size with POD 0.9: {@code exp((ln 9 − b0) / b1)}.</li>
 *   <li>{@code a90/95} = the upper end of a one-sided 95 % Wald confidence bound on {@code ln a90}
 *   (delta method with the inverse Fisher information {@code Σ}):
 *   {@code ln a90/95 = ln a90 + 1.645·sqrt(gᵀΣg)}, {@code g = ∂ln a90/∂(b0, b1) = (−1/b1, −ln a90/b1)}.
 *   The handbook's likelihood-ratio bound is the more exact one for few points; this Wald bound is
 *   its simpler, more usual companion.</li>
 * </ul>
 * The fit is undefined when hits and misses are separated perfectly by size (no miss above some
 * size and no hit below it): then the MLE does not exist and {@link #fit} returns a result with
 * {@code converged = false}, NaN {@code b0, b1}, and a note. Its figures are then demonstrated, not
 * fitted ({@link #separated}): {@code a90} = the smallest tried size above the largest missed one (POD
 * steps there), and {@code a90/95} by the binomial 29-of-29 rule: the size of the 29th hit counted up
 * from there, all of them hits; if POD does not fall with size, each of those 29 had POD at most
 * POD(a90/95), so POD(a90/95) &lt; 0.9 would make 29 hits in a row less likely than 0.9²⁹ = 0.047 &lt; 0.05.
 * Fewer than 29 hits above the step leave {@code a90/95} NaN.
 *
 * @param b0        intercept
 * @param b1        slope on ln(size)
 * @param a90Mm     size detected with probability 0.9, mm (NaN when undefined)
 * @param a9095Mm   its 95 % upper confidence bound, mm (NaN when undefined)
 * @param converged whether the likelihood maximum was found
 * @param note      why it is undefined, or empty
 */
public record PodFit(double b0, double b1, double a90Mm, double a9095Mm, boolean converged, String note) {

    /** One inspected defect: its size and whether it was found. */
    public record Trial(double sizeMm, boolean hit) {
        public Trial {
            if (!(sizeMm > 0) || !Double.isFinite(sizeMm)) {
                throw new IllegalArgumentException("a POD trial needs a size > 0 mm, got " + sizeMm);
            }
        }
    }

    /** z of a one-sided 95 % bound. */
    public static final double Z95_ONE_SIDED = 1.644854;

    /** POD at {@code sizeMm} from this fit. */
    public double pod(double sizeMm) {
        return 1 / (1 + Math.exp(-(b0 + b1 * Math.log(sizeMm))));
    }

    public static PodFit fit(List<Trial> trials) {
        int n = trials.size();
        long hits = trials.stream().filter(Trial::hit).count();
        if (n < 4 || hits == 0 || hits == n) {
            return undefined("needs at least 4 trials with hits and misses, got " + n + " trials, " + hits + " hits");
        }
        double b0 = 0;
        double b1 = 1;
        double[][] cov = null;
        for (int it = 0; it < 100; it++) {
            double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
            for (Trial t : trials) {
                double x = Math.log(t.sizeMm());
                double p = 1 / (1 + Math.exp(-(b0 + b1 * x)));
                double r = (t.hit() ? 1 : 0) - p;
                double w = p * (1 - p);
                g0 += r;
                g1 += r * x;
                h00 += w;
                h01 += w * x;
                h11 += w * x * x;
            }
            double det = h00 * h11 - h01 * h01;
            if (!(det > 1e-12)) {
                return separated(trials, "the information matrix is singular (hits and misses separated by size?)");
            }
            double d0 = (h11 * g0 - h01 * g1) / det;
            double d1 = (-h01 * g0 + h00 * g1) / det;
            b0 += d0;
            b1 += d1;
            cov = new double[][] {{h11 / det, -h01 / det}, {-h01 / det, h00 / det}};
            if (Math.abs(b1) > 1e3) {
                return separated(trials, "the slope diverges: hits and misses are separated by size, the MLE does not exist");
            }
            if (Math.abs(d0) + Math.abs(d1) < 1e-10) {
                break;
            }
        }
        if (!(b1 > 0)) {
            return new PodFit(b0, b1, Double.NaN, Double.NaN, true, "POD does not grow with size (slope " + b1 + ")");
        }
        double lnA90 = (Math.log(9) - b0) / b1;
        double g0 = -1 / b1;
        double g1 = -lnA90 / b1;
        double var = g0 * g0 * cov[0][0] + 2 * g0 * g1 * cov[0][1] + g1 * g1 * cov[1][1];
        return new PodFit(b0, b1, Math.exp(lnA90), Math.exp(lnA90 + Z95_ONE_SIDED * Math.sqrt(Math.max(0, var))), true, "");
    }

    /** Hits needed above the step for a 90 % / 95 % demonstration: 0.9^29 &lt; 0.05 &lt; 0.9^28. */
    public static final int DEMONSTRATION_HITS = 29;

    /** The figures when no likelihood fit exists because hits and misses are separated by size (class Javadoc). */
    static PodFit separated(List<Trial> trials, String why) {
        double lastMiss = trials.stream().filter(t -> !t.hit()).mapToDouble(Trial::sizeMm).max().orElse(0);
        boolean hitBelow = trials.stream().anyMatch(t -> t.hit() && t.sizeMm() <= lastMiss);
        double[] above = trials.stream().filter(t -> t.sizeMm() > lastMiss).mapToDouble(Trial::sizeMm).sorted().toArray();
        if (hitBelow || above.length == 0) {
            return undefined(why);
        }
        double a9095 = above.length >= DEMONSTRATION_HITS ? above[DEMONSTRATION_HITS - 1] : Double.NaN;
        String how = String.format(java.util.Locale.ROOT, "%s; POD steps from 0 to 1 between %.4f mm (largest miss) and %.4f mm:"
                + " a90 = %.4f mm, the smallest size above the step; a90/95 by the binomial %d-of-%d rule (%d hits above the step%s)",
                why, lastMiss, above[0], above[0], DEMONSTRATION_HITS, DEMONSTRATION_HITS, above.length,
                above.length >= DEMONSTRATION_HITS ? "" : ", too few: a90/95 undefined");
        return new PodFit(Double.NaN, Double.NaN, above[0], a9095, false, how);
    }

    private static PodFit undefined(String why) {
        return new PodFit(Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, why);
    }
}
