package org.sinterscope.camera.profile;

import java.util.Arrays;

/**
 * One measured surface profile: heights {@code zUm[i]} (µm) at positions {@code xMm[i]} (mm) along
 * the trace.
 *
 * <p>Contract: at least 2 points; every x finite and strictly increasing; every z finite or NaN.
 * NaN marks an invalid point (missing in the file, masked by an X3P validity mask, or a NaN in a
 * floating-point X3P data set); infinite heights are refused. The arrays are copied on the way in
 * and on the way out, so a {@code Profile} is immutable.
 *
 * @param name   where the profile came from, e.g. {@code "foil-17.x3p row 3 (y = 0.042 mm)"}
 * @param xMm    positions along the trace, mm
 * @param zUm    heights, µm; NaN for an invalid point
 */
public record Profile(String name, double[] xMm, double[] zUm) {

    public Profile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("profile name must not be blank");
        }
        if (xMm == null || zUm == null || xMm.length != zUm.length) {
            throw new IllegalArgumentException(name + ": x and z must have the same length, got "
                    + (xMm == null ? "null" : xMm.length) + " and " + (zUm == null ? "null" : zUm.length));
        }
        if (xMm.length < 2) {
            throw new IllegalArgumentException(name + ": a profile needs at least 2 points, got " + xMm.length);
        }
        xMm = xMm.clone();
        zUm = zUm.clone();
        for (int i = 0; i < xMm.length; i++) {
            if (!Double.isFinite(xMm[i])) {
                throw new IllegalArgumentException(name + ": x[" + i + "] = " + xMm[i] + " mm is not finite");
            }
            if (i > 0 && !(xMm[i] > xMm[i - 1])) {
                throw new IllegalArgumentException(name + ": x must increase, but x[" + i + "] = " + xMm[i]
                        + " mm follows x[" + (i - 1) + "] = " + xMm[i - 1] + " mm");
            }
            if (Double.isInfinite(zUm[i])) {
                throw new IllegalArgumentException(name + ": z[" + i + "] = " + zUm[i] + " µm is infinite");
            }
        }
    }

    /** A profile sampled every {@code spacingMm} starting at {@code x0Mm}. */
    public static Profile uniform(String name, double x0Mm, double spacingMm, double[] zUm) {
        if (!(spacingMm > 0) || !Double.isFinite(spacingMm) || !Double.isFinite(x0Mm)) {
            throw new IllegalArgumentException(name + ": spacing must be finite and > 0 and start finite, got spacing "
                    + spacingMm + " mm, start " + x0Mm + " mm");
        }
        double[] x = new double[zUm.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = x0Mm + i * spacingMm;
        }
        return new Profile(name, x, zUm);
    }

    @Override
    public double[] xMm() {
        return xMm.clone();
    }

    @Override
    public double[] zUm() {
        return zUm.clone();
    }

    public int size() {
        return xMm.length;
    }

    /** Trace length from the first to the last point, mm. */
    public double lengthMm() {
        return xMm[xMm.length - 1] - xMm[0];
    }

    /** Mean sample spacing, mm: length / (points - 1). */
    public double spacingMm() {
        return lengthMm() / (xMm.length - 1);
    }

    /** Number of points with a valid (non-NaN) height. */
    public int validCount() {
        int n = 0;
        for (double z : zUm) {
            if (!Double.isNaN(z)) {
                n++;
            }
        }
        return n;
    }

    /**
     * True when every step differs from the mean spacing by at most {@code relativeTolerance} of it
     * (e.g. 0.01 for 1 %).
     */
    public boolean isUniform(double relativeTolerance) {
        double d = spacingMm();
        for (int i = 1; i < xMm.length; i++) {
            if (Math.abs((xMm[i] - xMm[i - 1]) - d) > relativeTolerance * d) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Profile p && name.equals(p.name) && Arrays.equals(xMm, p.xMm) && Arrays.equals(zUm, p.zUm);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(xMm)) + Arrays.hashCode(zUm);
    }

    @Override
    public String toString() {
        return "Profile[" + name + ", " + xMm.length + " points, " + lengthMm() + " mm]";
    }
}
