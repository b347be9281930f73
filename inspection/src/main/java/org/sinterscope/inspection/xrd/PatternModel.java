package org.sinterscope.inspection.xrd;

/**
 * The scan model: a Chebyshev background plus pseudo-Voigt components (amorphous halos and sharp
 * peaks, which differ only in their width bounds):
 *
 * <pre>
 * f(x) = Σₖ bₖ Tₖ(t) + Σⱼ Aⱼ · pV(x; cⱼ, wⱼ, ηⱼ),     t = 2 (x − x₀)/(x₁ − x₀) − 1 ∈ [−1, 1]
 * </pre>
 * Parameters, in order: b₀ … b_d, then four per component {@code c, w, A, η} (centre and FWHM in
 * degrees 2θ, area in intensity × degrees, mixing in [0, 1]). ∂f/∂bₖ, ∂f/∂A and ∂f/∂η are exact;
 * ∂f/∂c and ∂f/∂w are central differences with a step of 10⁻⁴ w.
 */
final class PatternModel implements LevenbergMarquardt.Model {

    static final int C = 0;
    static final int W = 1;
    static final int A = 2;
    static final int ETA = 3;

    private final double[] x;
    private final double[][] cheb;
    private final int components;

    PatternModel(double[] x, int backgroundDegree, int components) {
        this.x = x;
        this.components = components;
        int n = x.length;
        double x0 = x[0];
        double x1 = x[n - 1];
        cheb = new double[backgroundDegree + 1][n];
        for (int i = 0; i < n; i++) {
            double t = 2 * (x[i] - x0) / (x1 - x0) - 1;
            cheb[0][i] = 1;
            if (backgroundDegree >= 1) {
                cheb[1][i] = t;
            }
            for (int k = 2; k <= backgroundDegree; k++) {
                cheb[k][i] = 2 * t * cheb[k - 1][i] - cheb[k - 2][i];
            }
        }
    }

    int backgroundTerms() {
        return cheb.length;
    }

    int size() {
        return cheb.length + 4 * components;
    }

    /** Index of parameter {@code which} (C, W, A, ETA) of component {@code j}. */
    int index(int j, int which) {
        return cheb.length + 4 * j + which;
    }

    @Override
    public void eval(double[] p, double[] out) {
        background(p, out);
        for (int j = 0; j < components; j++) {
            addComponent(p, j, out);
        }
    }

    /** The background alone. */
    void background(double[] p, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int k = 0; k < cheb.length; k++) {
            double b = p[k];
            double[] tk = cheb[k];
            for (int i = 0; i < out.length; i++) {
                out[i] += b * tk[i];
            }
        }
    }

    /** Adds component {@code j} to {@code out}. */
    void addComponent(double[] p, int j, double[] out) {
        int o = index(j, 0);
        double c = p[o + C];
        double w = p[o + W];
        double a = p[o + A];
        double eta = p[o + ETA];
        for (int i = 0; i < x.length; i++) {
            out[i] += a * PseudoVoigt.value(x[i], c, w, eta);
        }
    }

    @Override
    public void jacobian(double[] p, double[][] jac) {
        for (int k = 0; k < cheb.length; k++) {
            System.arraycopy(cheb[k], 0, jac[k], 0, x.length);
        }
        for (int j = 0; j < components; j++) {
            int o = index(j, 0);
            double c = p[o + C];
            double w = p[o + W];
            double a = p[o + A];
            double eta = p[o + ETA];
            double h = 1e-4 * w;
            double[] dc = jac[o + C];
            double[] dw = jac[o + W];
            double[] da = jac[o + A];
            double[] de = jac[o + ETA];
            for (int i = 0; i < x.length; i++) {
                double xi = x[i];
                double g = PseudoVoigt.gauss(xi, c, w);
                double l = PseudoVoigt.lorentz(xi, c, w);
                da[i] = eta * l + (1 - eta) * g;
                de[i] = a * (l - g);
                dc[i] = a * (PseudoVoigt.value(xi, c + h, w, eta) - PseudoVoigt.value(xi, c - h, w, eta)) / (2 * h);
                dw[i] = a * (PseudoVoigt.value(xi, c, w + h, eta) - PseudoVoigt.value(xi, c, w - h, eta)) / (2 * h);
            }
        }
    }
}
