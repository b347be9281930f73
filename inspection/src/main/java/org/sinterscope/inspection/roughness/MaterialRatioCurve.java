package org.sinterscope.inspection.roughness;

import java.util.Arrays;

/**
 * The material ratio curve (Abbott–Firestone curve) of an evaluated profile [ISO 21920-2 material
 * ratio; ISO 4287 4.5.1–4.5.4; ISO 13565-2 for the Rk family].
 *
 * <p>Discrete definition used throughout: sort the n heights in descending order h_0 ≥ … ≥ h_{n−1}
 * and place h_k at material ratio {@code 100·k/(n−1)} %; between those points the curve is linear.
 * So the level at material ratio p is the (100 − p)th percentile of the heights with linear
 * interpolation (numpy's default {@code percentile}); p = 0 is the highest point, p = 100 the lowest.
 */
public final class MaterialRatioCurve {

    /** Rk family, heights in µm, ratios in %. */
    public record RkParameters(double rkUm, double rpkUm, double rvkUm, double mr1Percent, double mr2Percent) {
    }

    private final double[] desc;

    /** Curve of {@code z[from..to)} (at least 2 points); z is not modified. */
    public MaterialRatioCurve(double[] z, int from, int to) {
        if (to - from < 2) {
            throw new IllegalArgumentException("material ratio curve needs at least 2 points, got " + (to - from));
        }
        desc = Arrays.copyOfRange(z, from, to);
        Arrays.sort(desc);
        for (int i = 0, j = desc.length - 1; i < j; i++, j--) {
            double t = desc[i];
            desc[i] = desc[j];
            desc[j] = t;
        }
    }

    /** Height of the highest point. */
    public double topUm() {
        return desc[0];
    }

    /** The level c(p) at which the material ratio equals p %, same reference as z. */
    public double levelAtPercent(double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("material ratio must be 0..100 %, got " + p);
        }
        double t = p / 100 * (desc.length - 1);
        int k = (int) Math.floor(t);
        if (k >= desc.length - 1) {
            return desc[desc.length - 1];
        }
        double f = t - k;
        return desc[k] + f * (desc[k + 1] - desc[k]);
    }

    /** Depth below the highest point at which the material ratio equals p % (0 at p = 0). */
    public double depthBelowTopUm(double p) {
        return desc[0] - levelAtPercent(p);
    }

    /**
     * Material ratio Rmr(c) at level c (same reference as z), %, the inverse of
     * {@link #levelAtPercent}: 0 at or above the highest point, 100 at or below the lowest.
     */
    public double ratioPercentAt(double c) {
        int n = desc.length;
        if (c >= desc[0]) {
            return 0;
        }
        if (c <= desc[n - 1]) {
            return 100;
        }
        int lo = 0;
        int hi = n - 1; // desc[lo] > c >= desc[hi]
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (desc[mid] > c) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double f = (desc[lo] - c) / (desc[lo] - desc[hi]);
        return 100.0 * (lo + f) / (n - 1);
    }

    /** Section height difference Rdc = c(p) − c(q) between the material ratios p &lt; q [ISO 4287 4.5.3, Rδc]. */
    public double rdcUm(double upperPercent, double lowerPercent) {
        return levelAtPercent(upperPercent) - levelAtPercent(lowerPercent);
    }

    /**
     * Rk, Rpk, Rvk, Mr1, Mr2 by the method of ISO 13565-2:1996 (adopted by ISO 21920-2): a secant
     * spanning 40 % material ratio is moved along the curve; where it is least steep, the least-squares
     * line through the curve points under it is the equivalent straight line. Its heights at 0 % and
     * 100 % bound the core: Rk is their difference, Mr1/Mr2 the material ratios where the curve meets
     * them. Rpk (Rvk) is the height of the triangle, based on 0..Mr1 (Mr2..100), whose area equals the
     * area between the curve and the upper (lower) bound. Needs at least 10 points; NaNs otherwise.
     */
    public RkParameters rk() {
        int n = desc.length;
        if (n < 10) {
            return new RkParameters(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        int span = (int) Math.round(0.4 * (n - 1));
        int best = 0;
        double bestDrop = Double.POSITIVE_INFINITY;
        for (int k = 0; k + span < n; k++) {
            double drop = desc[k] - desc[k + span];
            if (drop < bestDrop) {
                bestDrop = drop;
                best = k;
            }
        }
        NeumaierSum st = new NeumaierSum();
        NeumaierSum sh = new NeumaierSum();
        NeumaierSum stt = new NeumaierSum();
        NeumaierSum sth = new NeumaierSum();
        int m = span + 1;
        for (int k = best; k <= best + span; k++) {
            double t = 100.0 * k / (n - 1);
            st.add(t);
            sh.add(desc[k]);
            stt.add(t * t);
            sth.add(t * desc[k]);
        }
        double den = m * stt.value() - st.value() * st.value();
        double slope = den == 0 ? 0 : (m * sth.value() - st.value() * sh.value()) / den;
        double intercept = (sh.value() - slope * st.value()) / m;
        double upper = intercept;
        double lower = intercept + 100 * slope;
        double mr1 = ratioPercentAt(upper);
        double mr2 = ratioPercentAt(lower);
        double a1 = areaBeyond(upper, true);
        double a2 = areaBeyond(lower, false);
        double rpk = mr1 > 0 ? 2 * a1 / mr1 : 0;
        double rvk = mr2 < 100 ? 2 * a2 / (100 - mr2) : 0;
        return new RkParameters(upper - lower, rpk, rvk, mr1, mr2);
    }

    /** ∫ max(0, h(t) − level) dt (above) or ∫ max(0, level − h(t)) dt (below) over the curve, µm·%. */
    private double areaBeyond(double level, boolean above) {
        int n = desc.length;
        double dt = 100.0 / (n - 1);
        NeumaierSum a = new NeumaierSum();
        for (int k = 0; k + 1 < n; k++) {
            double f0 = above ? desc[k] - level : level - desc[k];
            double f1 = above ? desc[k + 1] - level : level - desc[k + 1];
            if (f0 >= 0 && f1 >= 0) {
                a.add((f0 + f1) / 2 * dt);
            } else if (f0 > 0 || f1 > 0) {
                double pos = Math.max(f0, f1);
                a.add(pos * pos / (Math.abs(f0) + Math.abs(f1)) * dt / 2);
            }
        }
        return a.value();
    }
}
