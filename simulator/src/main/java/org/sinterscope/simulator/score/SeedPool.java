package org.sinterscope.simulator.score;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pools {@link StrictScore} results of runs on several seeds: counts per class summed, recall with
 * its 95 % Wilson score lower bound (synthetic figures).
 *
 * <p>Wilson lower bound of k successes in n trials, z = 1.96:
 * {@code (p + z²/2n − z·sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n)}, p = k/n; NaN when n = 0.
 *
 * <p>False rejects are events along the web: their rate per 100 m comes with the exact (Garwood)
 * one-sided 95 % Poisson upper bound {@code λ_U(k) / metres × 100}, where {@code λ_U(k)} solves
 * {@code P(X ≤ k; λ_U) = 0.05} (= χ²(0.95; 2k + 2) / 2: 3.00 for k = 0, 4.74 for 1, 6.30 for 2).
 * 0 false rejects in 300 m bound the rate at 1.0 per 100 m.
 * Not thread-safe.
 */
public final class SeedPool {

    /** z of a two-sided 95 % interval (its lower end is a 97.5 % one-sided bound). */
    public static final double Z95 = 1.959964;

    /**
     * One class over all seeds.
     *
     * @param rejectRecallLower95    Wilson 95 % lower bound of rejected / injected
     * @param detectionRecallLower95 Wilson 95 % lower bound of detected / injected
     */
    public record PooledRow(int injected, int detected, int rejected, int detections, int matchedDetections, int falseDetections,
                            int falseRejects, double rejectRecall, double rejectRecallLower95, double detectionRecall,
                            double detectionRecallLower95, double precision) {
    }

    /**
     * @param seeds               the seeds pooled
     * @param byClass             per class
     * @param falseRejects        over all seeds
     * @param falseRejectsByCause look-alike, measurement, nothing
     * @param webMeters           web scored over all seeds, m
     * @param falseRejectsPer100m falseRejects / webMeters × 100
     * @param falseRejectsPer100mUpper95 exact one-sided 95 % Poisson upper bound of the rate per 100 m
     */
    public record Pooled(List<Long> seeds, Map<String, PooledRow> byClass, int falseRejects, Map<String, Integer> falseRejectsByCause,
                         double webMeters, double falseRejectsPer100m, double falseRejectsPer100mUpper95) {
    }

    private final List<Long> seeds = new ArrayList<>();
    private final Map<String, int[]> acc = new TreeMap<>();
    private final Map<String, Integer> byCause = new LinkedHashMap<>();
    private int falseRejects;
    private double webMeters;

    public void add(long seed, StrictScore.Result r) {
        seeds.add(seed);
        r.byClass().forEach((c, row) -> {
            int[] a = acc.computeIfAbsent(c, k -> new int[7]);
            a[0] += row.injected();
            a[1] += row.detected();
            a[2] += row.rejected();
            a[3] += row.detections();
            a[4] += row.matchedDetections();
            a[5] += row.falseDetections();
            a[6] += row.falseRejects();
        });
        r.falseRejectsByCause().forEach((k, v) -> byCause.merge(k, v, Integer::sum));
        falseRejects += r.falseRejects();
        webMeters += r.webMeters();
    }

    public Pooled pooled() {
        Map<String, PooledRow> rows = new LinkedHashMap<>();
        acc.forEach((c, a) -> rows.put(c, new PooledRow(a[0], a[1], a[2], a[3], a[4], a[5], a[6], ratio(a[2], a[0]),
                wilsonLower(a[2], a[0]), ratio(a[1], a[0]), wilsonLower(a[1], a[0]), ratio(a[4], a[3]))));
        return new Pooled(List.copyOf(seeds), rows, falseRejects, Map.copyOf(byCause), webMeters,
                webMeters > 0 ? 100 * falseRejects / webMeters : Double.NaN,
                webMeters > 0 ? 100 * poissonUpper95(falseRejects) / webMeters : Double.NaN);
    }

    /**
     * The exact one-sided 95 % upper bound of a Poisson mean after {@code k} events: the λ with
     * {@code P(X ≤ k; λ) = 0.05}, found by bisection on the Poisson distribution function (summed in
     * log space, so k in the thousands is fine).
     */
    public static double poissonUpper95(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("need k >= 0 events, got " + k);
        }
        double lo = k;
        double hi = k + 10 + 10 * Math.sqrt(k + 1.0);
        for (int i = 0; i < 200 && hi - lo > 1e-10 * hi; i++) {
            double mid = (lo + hi) / 2;
            if (poissonCdf(k, mid) > 0.05) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** P(X ≤ k) for X ~ Poisson(λ), λ > 0. */
    static double poissonCdf(int k, double lambda) {
        double logTerm = -lambda; // log of λ^i e^−λ / i! at i = 0
        double sum = Math.exp(logTerm);
        for (int i = 1; i <= k; i++) {
            logTerm += Math.log(lambda) - Math.log(i);
            sum += Math.exp(logTerm);
        }
        return Math.min(1, sum);
    }

    private static double ratio(int k, int n) {
        return n == 0 ? Double.NaN : (double) k / n;
    }

    /** The 95 % Wilson score lower bound of k successes in n trials (NaN when n = 0). */
    public static double wilsonLower(int k, int n) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n, got k " + k + ", n " + n);
        }
        if (n == 0) {
            return Double.NaN;
        }
        double z2 = Z95 * Z95;
        double p = (double) k / n;
        double centre = p + z2 / (2.0 * n);
        double spread = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return Math.max(0, (centre - spread) / (1 + z2 / n));
    }
}
