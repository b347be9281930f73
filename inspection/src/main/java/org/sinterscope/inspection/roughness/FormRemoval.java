package org.sinterscope.inspection.roughness;

/**
 * Removes the nominal form: the least-squares polynomial of degree d in x,
 * {@code min Σ (z_i − Σ_k c_k u_i^k)²}, is subtracted from the profile (ISO 21920-2 / ISO 3274: the
 * form is removed before the profile filters; degree 1 is a least-squares line, i.e. tilt removal).
 *
 * <p>Numerics: x is mapped to u in [−1, 1] before the normal equations are formed (with compensated
 * sums), which keeps them well conditioned up to the supported degree 5; they are solved by Gaussian
 * elimination with partial pivoting. Degree 0 subtracts the mean. Inputs are not modified.
 */
public final class FormRemoval {

    /** Highest supported polynomial degree. */
    public static final int MAX_DEGREE = 5;

    private FormRemoval() {
    }

    /** The residual {@code z − p(x)} of the least-squares polynomial p of the given degree. */
    public static double[] residual(double[] xMm, double[] z, int degree) {
        double[] fit = fit(xMm, z, degree);
        double[] r = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            r[i] = z[i] - fit[i];
        }
        return r;
    }

    /** The least-squares polynomial of the given degree, evaluated at every x. */
    public static double[] fit(double[] xMm, double[] z, int degree) {
        if (degree < 0 || degree > MAX_DEGREE) {
            throw new IllegalArgumentException("form degree must be 0.." + MAX_DEGREE + ", got " + degree);
        }
        int n = z.length;
        if (xMm.length != n || n <= degree) {
            throw new IllegalArgumentException("form removal of degree " + degree + " needs more than " + degree
                    + " points with matching x, got " + n + " z and " + xMm.length + " x");
        }
        double x0 = xMm[0];
        double half = (xMm[n - 1] - xMm[0]) / 2;
        double mid = x0 + half;
        double scale = half > 0 ? 1 / half : 1;
        int m = degree + 1;
        NeumaierSum[] pow = new NeumaierSum[2 * m - 1];
        NeumaierSum[] rhs = new NeumaierSum[m];
        for (int k = 0; k < pow.length; k++) {
            pow[k] = new NeumaierSum();
        }
        for (int k = 0; k < m; k++) {
            rhs[k] = new NeumaierSum();
        }
        for (int i = 0; i < n; i++) {
            double u = (xMm[i] - mid) * scale;
            double p = 1;
            for (int k = 0; k < pow.length; k++) {
                pow[k].add(p);
                if (k < m) {
                    rhs[k].add(p * z[i]);
                }
                p *= u;
            }
        }
        double[][] a = new double[m][m + 1];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                a[r][c] = pow[r + c].value();
            }
            a[r][m] = rhs[r].value();
        }
        double[] coef = solve(a, 0, () -> "form removal: singular normal equations (too few distinct x)");
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double u = (xMm[i] - mid) * scale;
            double v = 0;
            for (int k = m - 1; k >= 0; k--) {
                v = v * u + coef[k];
            }
            out[i] = v;
        }
        return out;
    }

    /**
     * Solves the augmented normal equations {@code a} ({@code m} rows of {@code m + 1} values, changed in
     * place) by Gaussian elimination with partial pivoting. A pivot of at most {@code relativePivotFloor}
     * times the largest coefficient means the system is singular: {@code singular} gives the message.
     */
    public static double[] solve(double[][] a, double relativePivotFloor, java.util.function.Supplier<String> singular) {
        int m = a.length;
        double scale = 0;
        for (double[] row : a) {
            for (int c = 0; c < m; c++) {
                scale = Math.max(scale, Math.abs(row[c]));
            }
        }
        for (int col = 0; col < m; col++) {
            int piv = col;
            for (int r = col + 1; r < m; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] t = a[col];
            a[col] = a[piv];
            a[piv] = t;
            if (Math.abs(a[col][col]) <= relativePivotFloor * scale) {
                throw new IllegalArgumentException(singular.get());
            }
            for (int r = col + 1; r < m; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c <= m; c++) {
                    a[r][c] -= f * a[col][c];
                }
            }
        }
        double[] x = new double[m];
        for (int r = m - 1; r >= 0; r--) {
            double s = a[r][m];
            for (int c = r + 1; c < m; c++) {
                s -= a[r][c] * x[c];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }
}
