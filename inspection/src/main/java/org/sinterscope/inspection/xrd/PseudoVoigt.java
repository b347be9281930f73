package org.sinterscope.inspection.xrd;

/**
 * The area-normalised pseudo-Voigt profile and its integral.
 *
 * <pre>
 * pV(x; c, w, η) = η·L(x) + (1 − η)·G(x)
 * G(x) = (2/w)·√(ln2/π)·exp(−4 ln2 (x − c)²/w²)          Gaussian, FWHM w, area 1
 * L(x) = (2/(π w)) / (1 + 4 (x − c)²/w²)                  Lorentzian, FWHM w, area 1
 * </pre>
 * {@code w} is the full width at half maximum of both parts, so it is the profile's FWHM for every
 * η in [0, 1]. Integrals use the closed forms (erf and atan), not sums over samples.
 */
final class PseudoVoigt {

    private static final double LN2 = Math.log(2);
    private static final double G_NORM = 2 * Math.sqrt(LN2 / Math.PI);

    private PseudoVoigt() {
    }

    static double gauss(double x, double c, double w) {
        double u = (x - c) / w;
        return G_NORM / w * Math.exp(-4 * LN2 * u * u);
    }

    static double lorentz(double x, double c, double w) {
        double u = (x - c) / w;
        return 2 / (Math.PI * w) / (1 + 4 * u * u);
    }

    /** pV(x) with area 1. */
    static double value(double x, double c, double w, double eta) {
        return eta * lorentz(x, c, w) + (1 - eta) * gauss(x, c, w);
    }

    /** ∫ pV over [a, b], in [0, 1]. */
    static double integral(double a, double b, double c, double w, double eta) {
        double k = 2 * Math.sqrt(LN2) / w;
        double g = 0.5 * (erf(k * (b - c)) - erf(k * (a - c)));
        double l = (Math.atan(2 * (b - c) / w) - Math.atan(2 * (a - c) / w)) / Math.PI;
        return eta * l + (1 - eta) * g;
    }

    /** Peak height of pV with area 1. */
    static double height(double w, double eta) {
        return eta * 2 / (Math.PI * w) + (1 - eta) * G_NORM / w;
    }

    /**
     * The error function, |error| < 1.2·10⁻⁷ (Numerical Recipes' erfc by Chebyshev fitting,
     * W. H. Press et al., 2nd ed., §6.2).
     */
    static double erf(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - erfc : erfc - 1;
    }
}
