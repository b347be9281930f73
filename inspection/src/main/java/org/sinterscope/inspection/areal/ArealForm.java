package org.sinterscope.inspection.areal;

import org.sinterscope.inspection.roughness.FormRemoval;
import org.sinterscope.inspection.roughness.NeumaierSum;

/**
 * F-operator: the least-squares polynomial of total degree d in x and y,
 * {@code p(u, v) = Σ_{i+j ≤ d} c_ij u^i v^j}, fitted to the valid points and subtracted
 * ({@code min Σ_valid (z − p)²}). Degree 0 subtracts the mean, 1 a plane, 2 a quadric.
 *
 * <p>Numerics: x and y are mapped to u, v in [−1, 1] over the grid, the normal equations are formed
 * with compensated sums ({@link NeumaierSum}) and solved by Gaussian elimination with partial
 * pivoting. Invalid points (NaN) take no part and stay NaN. The input is not modified.
 */
public final class ArealForm {

    private ArealForm() {
    }

    /**
     * The residual {@code z − p} on a sizeX × sizeY row-major grid.
     *
     * @throws IllegalArgumentException when fewer valid points than coefficients, or they do not
     *                                  determine the polynomial (e.g. all on one row for a plane)
     */
    public static double[] residual(double[] z, int sizeX, int sizeY, int degree) {
        int terms = (degree + 1) * (degree + 2) / 2;
        int[] pi = new int[terms];
        int[] pj = new int[terms];
        int t = 0;
        for (int d = 0; d <= degree; d++) {
            for (int j = 0; j <= d; j++) {
                pi[t] = d - j;
                pj[t] = j;
                t++;
            }
        }
        double su = sizeX > 1 ? 2.0 / (sizeX - 1) : 0;
        double sv = sizeY > 1 ? 2.0 / (sizeY - 1) : 0;
        NeumaierSum[][] a = new NeumaierSum[terms][terms + 1];
        for (NeumaierSum[] row : a) {
            for (int c = 0; c < row.length; c++) {
                row[c] = new NeumaierSum();
            }
        }
        double[] basis = new double[terms];
        int valid = 0;
        for (int iy = 0; iy < sizeY; iy++) {
            double v = sizeY > 1 ? iy * sv - 1 : 0;
            for (int ix = 0; ix < sizeX; ix++) {
                double zi = z[iy * sizeX + ix];
                if (Double.isNaN(zi)) {
                    continue;
                }
                valid++;
                double u = sizeX > 1 ? ix * su - 1 : 0;
                basis(u, v, pi, pj, basis);
                for (int r = 0; r < terms; r++) {
                    for (int c = r; c < terms; c++) {
                        a[r][c].add(basis[r] * basis[c]);
                    }
                    a[r][terms].add(basis[r] * zi);
                }
            }
        }
        if (valid < terms) {
            throw new IllegalArgumentException("form removal of degree " + degree + " needs at least " + terms
                    + " valid points, got " + valid);
        }
        double[][] m = new double[terms][terms + 1];
        for (int r = 0; r < terms; r++) {
            for (int c = r; c < terms; c++) {
                m[r][c] = a[r][c].value();
                m[c][r] = m[r][c];
            }
            m[r][terms] = a[r][terms].value();
        }
        double[] coef = FormRemoval.solve(m, 1e-12, () -> "form removal of degree " + degree
                + ": the valid points do not determine the polynomial (too few distinct rows or columns)");
        double[] out = new double[z.length];
        for (int iy = 0; iy < sizeY; iy++) {
            double v = sizeY > 1 ? iy * sv - 1 : 0;
            for (int ix = 0; ix < sizeX; ix++) {
                int i = iy * sizeX + ix;
                if (Double.isNaN(z[i])) {
                    out[i] = Double.NaN;
                    continue;
                }
                basis(ix * su - (sizeX > 1 ? 1 : 0), v, pi, pj, basis);
                double p = 0;
                for (int k = 0; k < terms; k++) {
                    p += coef[k] * basis[k];
                }
                out[i] = z[i] - p;
            }
        }
        return out;
    }

    private static void basis(double u, double v, int[] pi, int[] pj, double[] out) {
        for (int k = 0; k < out.length; k++) {
            out[k] = pow(u, pi[k]) * pow(v, pj[k]);
        }
    }

    private static double pow(double b, int e) {
        double r = 1;
        for (int k = 0; k < e; k++) {
            r *= b;
        }
        return r;
    }
}
