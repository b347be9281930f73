package org.sinterscope.inspection.xrd;

import java.util.Arrays;

/**
 * Weighted non-linear least squares with box bounds: minimises
 * {@code χ² = Σ wᵢ (yᵢ − f(xᵢ; p))²} by Levenberg–Marquardt steps
 * {@code (JᵀWJ + λ·diag(JᵀWJ)) δ = JᵀW r}, each step clamped into {@code [lo, hi]} and kept only when
 * χ² drops (then λ ÷ 3, else λ × 4). It stops when a step lowers χ² by less than 10⁻⁴ (with weights
 * 1/σ², a change far below one standard deviation of any parameter) or 10⁻¹⁰ relative, when λ
 * exceeds 10¹⁰, or after {@code maxIterations}.
 *
 * <p>Standard errors are {@code √(χ²/ν · (JᵀWJ)⁻¹ⱼⱼ)} with ν = points − free parameters, over the
 * parameters that are free at the solution (not on a bound, not without influence); the others get NaN.
 */
final class LevenbergMarquardt {

    /** A model f(x; p) on fixed abscissae. */
    interface Model {
        /** f at every point, into {@code out}. */
        void eval(double[] p, double[] out);

        /** ∂f/∂pⱼ at every point, into {@code jac[j]}. */
        void jacobian(double[] p, double[][] jac);
    }

    /** The solution: parameters, χ², degrees of freedom, standard errors (NaN for a parameter that is not free). */
    record Fit(double[] params, double chi2, int dof, double[] stdErr, int iterations) {
        double reducedChi2() {
            return dof > 0 ? chi2 / dof : Double.NaN;
        }
    }

    private LevenbergMarquardt() {
    }

    static Fit fit(Model model, double[] y, double[] w, double[] p0, double[] lo, double[] hi, int maxIterations) {
        int n = y.length;
        int m = p0.length;
        double[] p = p0.clone();
        clamp(p, lo, hi);
        double[] f = new double[n];
        double[][] jac = new double[m][n];
        double[][] a = new double[m][m];
        double[] g = new double[m];
        double[] trial = new double[m];
        double[] ft = new double[n];
        model.eval(p, f);
        double chi2 = chi2(y, w, f);
        double lambda = 1e-3;
        int it = 0;
        while (it < maxIterations) {
            it++;
            model.jacobian(p, jac);
            normal(jac, w, y, f, a, g);
            boolean improved = false;
            double newChi2 = chi2;
            while (lambda < 1e10) {
                double[] delta = solveDamped(a, g, lambda);
                for (int j = 0; j < m; j++) {
                    trial[j] = p[j] + delta[j];
                }
                clamp(trial, lo, hi);
                model.eval(trial, ft);
                newChi2 = chi2(y, w, ft);
                if (newChi2 < chi2) {
                    improved = true;
                    lambda = Math.max(lambda / 3, 1e-12);
                    break;
                }
                lambda *= 4;
            }
            if (!improved) {
                break;
            }
            double drop = chi2 - newChi2;
            System.arraycopy(trial, 0, p, 0, m);
            System.arraycopy(ft, 0, f, 0, n);
            chi2 = newChi2;
            if (drop < 1e-4 || drop < 1e-10 * chi2) {
                break;
            }
        }
        model.jacobian(p, jac);
        normal(jac, w, y, f, a, g);
        double maxDiag = 0;
        for (int j = 0; j < m; j++) {
            maxDiag = Math.max(maxDiag, a[j][j]);
        }
        boolean[] free = new boolean[m];
        int nFree = 0;
        for (int j = 0; j < m; j++) {
            boolean onBound = (p[j] <= lo[j] || p[j] >= hi[j]) && lo[j] < hi[j];
            free[j] = !onBound && a[j][j] > 1e-14 * maxDiag && a[j][j] > 0;
            nFree += free[j] ? 1 : 0;
        }
        int dof = Math.max(n - nFree, 1);
        double[] err = new double[m];
        Arrays.fill(err, Double.NaN);
        double[][] inv = invert(a, free);
        if (inv != null) {
            for (int j = 0, k = 0; j < m; j++) {
                if (free[j]) {
                    double v = inv[k][k] * chi2 / dof;
                    err[j] = v >= 0 ? Math.sqrt(v) : Double.NaN;
                    k++;
                }
            }
        }
        return new Fit(p, chi2, dof, err, it);
    }

    static double chi2(double[] y, double[] w, double[] f) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double r = y[i] - f[i];
            s += w[i] * r * r;
        }
        return s;
    }

    private static void normal(double[][] jac, double[] w, double[] y, double[] f, double[][] a, double[] g) {
        int m = jac.length;
        int n = y.length;
        for (int j = 0; j < m; j++) {
            double[] jj = jac[j];
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += jj[i] * w[i] * (y[i] - f[i]);
            }
            g[j] = s;
            for (int k = 0; k <= j; k++) {
                double[] jk = jac[k];
                double t = 0;
                for (int i = 0; i < n; i++) {
                    t += jj[i] * w[i] * jk[i];
                }
                a[j][k] = t;
                a[k][j] = t;
            }
        }
    }

    private static double[] solveDamped(double[][] a, double[] g, double lambda) {
        int m = g.length;
        double maxDiag = 0;
        for (int j = 0; j < m; j++) {
            maxDiag = Math.max(maxDiag, a[j][j]);
        }
        double[][] b = new double[m][m + 1];
        for (int j = 0; j < m; j++) {
            System.arraycopy(a[j], 0, b[j], 0, m);
            b[j][j] += lambda * Math.max(a[j][j], 1e-12 * maxDiag + Double.MIN_NORMAL);
            b[j][m] = g[j];
        }
        return gauss(b, m);
    }

    /** Gaussian elimination with partial pivoting on the augmented matrix; a vanishing pivot gives 0 for that unknown. */
    private static double[] gauss(double[][] b, int m) {
        for (int c = 0; c < m; c++) {
            int piv = c;
            for (int r = c + 1; r < m; r++) {
                if (Math.abs(b[r][c]) > Math.abs(b[piv][c])) {
                    piv = r;
                }
            }
            double[] tmp = b[c];
            b[c] = b[piv];
            b[piv] = tmp;
            if (Math.abs(b[c][c]) < 1e-300) {
                continue;
            }
            for (int r = c + 1; r < m; r++) {
                double fct = b[r][c] / b[c][c];
                if (fct != 0) {
                    for (int k = c; k <= m; k++) {
                        b[r][k] -= fct * b[c][k];
                    }
                }
            }
        }
        double[] x = new double[m];
        for (int r = m - 1; r >= 0; r--) {
            if (Math.abs(b[r][r]) < 1e-300) {
                x[r] = 0;
                continue;
            }
            double s = b[r][m];
            for (int k = r + 1; k < m; k++) {
                s -= b[r][k] * x[k];
            }
            x[r] = s / b[r][r];
        }
        return x;
    }

    /** Inverse of the sub-matrix of {@code a} over the {@code free} rows and columns (Gauss–Jordan), or null when singular. */
    private static double[][] invert(double[][] a, boolean[] free) {
        int[] idx = new int[a.length];
        int k = 0;
        for (int j = 0; j < a.length; j++) {
            if (free[j]) {
                idx[k++] = j;
            }
        }
        double[][] b = new double[k][2 * k];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                b[r][c] = a[idx[r]][idx[c]];
            }
            b[r][k + r] = 1;
        }
        for (int c = 0; c < k; c++) {
            int piv = c;
            for (int r = c + 1; r < k; r++) {
                if (Math.abs(b[r][c]) > Math.abs(b[piv][c])) {
                    piv = r;
                }
            }
            double[] tmp = b[c];
            b[c] = b[piv];
            b[piv] = tmp;
            if (Math.abs(b[c][c]) < 1e-300) {
                return null;
            }
            double d = b[c][c];
            for (int x = 0; x < 2 * k; x++) {
                b[c][x] /= d;
            }
            for (int r = 0; r < k; r++) {
                if (r != c && b[r][c] != 0) {
                    double fct = b[r][c];
                    for (int x = 0; x < 2 * k; x++) {
                        b[r][x] -= fct * b[c][x];
                    }
                }
            }
        }
        double[][] inv = new double[k][k];
        for (int r = 0; r < k; r++) {
            System.arraycopy(b[r], k, inv[r], 0, k);
        }
        return inv;
    }

    private static void clamp(double[] p, double[] lo, double[] hi) {
        for (int j = 0; j < p.length; j++) {
            p[j] = Math.min(hi[j], Math.max(lo[j], p[j]));
        }
    }
}
