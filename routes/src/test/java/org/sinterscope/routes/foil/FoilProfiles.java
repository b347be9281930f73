package org.sinterscope.routes.foil;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Foil-like test profiles with a known Ra: a sine of amplitude A and wavelength 40 µm (well inside
 * the λs = 2.5 µm … λc = 0.8 mm band, so the filter passes it whole: Ra = 2A/π) on a tilt, plus
 * seeded white noise of 1 % of A (which the λs filter mostly removes).
 */
final class FoilProfiles {

    static final double SPACING_MM = 0.0005;
    static final int POINTS = 9601;
    static final double WAVELENGTH_MM = 0.040;

    private FoilProfiles() {
    }

    /** Amplitude that gives {@code raUm} for the sine: A = π·Ra/2. */
    static double amplitudeForRa(double raUm) {
        return Math.PI * raUm / 2;
    }

    static double[] heightsUm(double raUm, long seed) {
        double a = amplitudeForRa(raUm);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] z = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            double x = i * SPACING_MM;
            z[i] = a * Math.sin(2 * Math.PI * x / WAVELENGTH_MM) + 0.3 * x + 0.01 * a * (2 * rnd.nextDouble() - 1);
        }
        return z;
    }

    /** Two-column CSV, x in mm and z in µm. */
    static String csv(double raUm, long seed) {
        double[] z = heightsUm(raUm, seed);
        StringBuilder sb = new StringBuilder("x_mm,z_um\n");
        for (int i = 0; i < z.length; i++) {
            sb.append(String.format(Locale.ROOT, "%.6f,%.6f%n", i * SPACING_MM, z[i]));
        }
        return sb.toString();
    }

    /** A JSON reading with x given by the spacing in µm and z in nm. */
    static String json(String lot, double yMm, double raUm, long seed) {
        double[] z = heightsUm(raUm, seed);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "{\"lot\":\"%s\",\"yMm\":%s,\"units\":{\"x\":\"um\",\"z\":\"nm\"},\"spacing\":%s,\"z\":[",
                lot, yMm, SPACING_MM * 1000));
        for (int i = 0; i < z.length; i++) {
            sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", z[i] * 1000));
        }
        return sb.append("]}").toString();
    }
}
