package org.sinterscope.inspection.xrd;

/**
 * A Bragg reflection to look for, named and placed by its 2θ for Cu Kα1 (λ = 1.5406 Å).
 *
 * <p>Its lattice spacing is {@code d = λCu / (2 sin(2θCu / 2))}; at another wavelength λ it sits at
 * {@code 2θ = 2 asin(λ / 2d)} (Bragg's law), so the recipe lists every reflection once, for Cu.
 *
 * @param name          e.g. {@code "Si(111)"}
 * @param twoThetaCuDeg position for Cu Kα1, degrees 2θ, in (0°, 180°)
 */
public record Reflection(String name, double twoThetaCuDeg) {

    /** Cu Kα1 wavelength the positions are given for, Å. */
    public static final double CU_K_ALPHA1_A = 1.5406;

    public Reflection {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a reflection needs a name");
        }
        if (!(twoThetaCuDeg > 0 && twoThetaCuDeg < 180)) {
            throw new IllegalArgumentException("reflection " + name + ": 2θ must be within (0°, 180°), got " + twoThetaCuDeg);
        }
    }

    /** Lattice spacing d, Å. */
    public double dSpacingA() {
        return CU_K_ALPHA1_A / (2 * Math.sin(Math.toRadians(twoThetaCuDeg / 2)));
    }

    /** Position at wavelength {@code wavelengthA}, degrees 2θ; NaN when that wavelength cannot reach it (λ > 2d). */
    public double twoThetaDeg(double wavelengthA) {
        double s = wavelengthA / (2 * dSpacingA());
        return s >= 1 ? Double.NaN : 2 * Math.toDegrees(Math.asin(s));
    }
}
