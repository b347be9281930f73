package org.sinterscope.inspection.areal;

import org.sinterscope.inspection.roughness.NeumaierSum;

/**
 * ISO 25178-2 field parameters over the valid points of a scale-limited surface z (µm, row-major,
 * NaN = missing), heights taken from the mean plane (the caller subtracts the mean of the valid
 * points first). Discrete forms of the integral definitions over the definition area A, all sums
 * compensated ({@link NeumaierSum}):
 * <ul>
 *   <li>Sa = mean |z|; Sq = √mean z²; Ssk = mean z³ / Sq³; Sku = mean z⁴ / Sq⁴;</li>
 *   <li>Sp = max z; Sv = −min z; Sz = Sp + Sv;</li>
 *   <li>Sdq = √mean (z_x² + z_y²); Sdr = 100 % · mean (√(1 + z_x² + z_y²) − 1), the developed area over
 *       the projected area minus one. At a valid point each partial derivative is the seven-point
 *       central difference (z₊₃ − 9z₊₂ + 45z₊₁ − 45z₋₁ + 9z₋₂ − z₋₃)/(60Δ) (as for the profile's Rdq)
 *       when all six neighbours in that direction are valid, else the three-point difference
 *       (z₊₁ − z₋₁)/(2Δ) when both next neighbours are; a point with neither in x or in y is left
 *       out, and so is a border of 3 points on every side. The means run over the points with both
 *       derivatives (scattered missing points thus cost accuracy near them, not the parameter).</li>
 * </ul>
 * The material-ratio family (Smr(c), Smc(p), Sk, Spk, Svk, Smr1, Smr2: ISO 25178-2 defines them by
 * the ISO 13565-2 construction on the areal material ratio curve) is computed by
 * {@link org.sinterscope.inspection.roughness.MaterialRatioCurve} on the valid heights.
 */
public final class ArealFieldParameters {

    private ArealFieldParameters() {
    }

    /** {Sa, Sq, mean z³, mean z⁴, Sp, Sv, n} over the valid points. */
    public static double[] moments(double[] z) {
        NeumaierSum s1 = new NeumaierSum();
        NeumaierSum s2 = new NeumaierSum();
        NeumaierSum s3 = new NeumaierSum();
        NeumaierSum s4 = new NeumaierSum();
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        int n = 0;
        for (double v : z) {
            if (Double.isNaN(v)) {
                continue;
            }
            n++;
            double v2 = v * v;
            s1.add(Math.abs(v));
            s2.add(v2);
            s3.add(v2 * v);
            s4.add(v2 * v2);
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        return new double[] {s1.value() / n, Math.sqrt(s2.value() / n), s3.value() / n, s4.value() / n, max, -min, n};
    }

    /** Compensated mean of the valid points. */
    public static double mean(double[] z) {
        NeumaierSum s = new NeumaierSum();
        int n = 0;
        for (double v : z) {
            if (!Double.isNaN(v)) {
                s.add(v);
                n++;
            }
        }
        return s.value() / n;
    }

    /**
     * {Sdq (µm/µm), Sdr (%), points with both derivatives, of which with a three-point difference in x
     * or y}; NaNs when there is no such point.
     */
    public static double[] gradient(double[] z, int sizeX, int sizeY, double dxUm, double dyUm) {
        NeumaierSum g2 = new NeumaierSum();
        NeumaierSum dev = new NeumaierSum();
        int n = 0;
        int coarse = 0;
        for (int iy = 3; iy < sizeY - 3; iy++) {
            for (int ix = 3; ix < sizeX - 3; ix++) {
                int i = iy * sizeX + ix;
                if (Double.isNaN(z[i])) {
                    continue;
                }
                double gx = seven(z, i, 1, dxUm);
                double gy = seven(z, i, sizeX, dyUm);
                boolean three = false;
                if (Double.isNaN(gx)) {
                    gx = (z[i + 1] - z[i - 1]) / (2 * dxUm);
                    three = true;
                }
                if (Double.isNaN(gy)) {
                    gy = (z[i + sizeX] - z[i - sizeX]) / (2 * dyUm);
                    three = true;
                }
                if (Double.isNaN(gx) || Double.isNaN(gy)) {
                    continue;
                }
                if (three) {
                    coarse++;
                }
                double g = gx * gx + gy * gy;
                g2.add(g);
                dev.add(g / (Math.sqrt(1 + g) + 1)); // √(1 + g) − 1 without cancellation
                n++;
            }
        }
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN, 0, 0};
        }
        return new double[] {Math.sqrt(g2.value() / n), 100 * dev.value() / n, n, coarse};
    }

    /** Seven-point derivative at i along the given stride; NaN when a neighbour is missing. */
    private static double seven(double[] z, int i, int stride, double h) {
        double a3 = z[i + 3 * stride];
        double a2 = z[i + 2 * stride];
        double a1 = z[i + stride];
        double b1 = z[i - stride];
        double b2 = z[i - 2 * stride];
        double b3 = z[i - 3 * stride];
        return (a3 - 9 * a2 + 45 * a1 - 45 * b1 + 9 * b2 - b3) / (60 * h); // NaN propagates
    }
}
