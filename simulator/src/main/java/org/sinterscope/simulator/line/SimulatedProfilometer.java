package org.sinterscope.simulator.line;

import java.util.Locale;
import java.util.SplittableRandom;

import org.sinterscope.camera.profile.Profile;

/**
 * A seeded stand-in for the stylus profilometer that measures the copper foil before coating.
 *
 * <p>A trace is {@code lengthMm} long, sampled every {@code spacingUm}: Gaussian white noise
 * smoothed by a moving average of {@code correlationUm} (the roughness texture of electrolytic
 * foil: RSm of a few tens of µm), scaled so that its own Ra (about its mean) is the requested
 * value, plus a slow waviness (λ = 2.5 mm, 0.3 µm) and a small tilt, which the roughness filter
 * and form removal take out again. The Ra a metrology chain reports is therefore close to, not
 * exactly, the requested one.
 */
public final class SimulatedProfilometer {

    private final SplittableRandom rnd;
    private final double lengthMm;
    private final double spacingUm;
    private final double correlationUm;

    /**
     * @param seed          drives every trace
     * @param lengthMm      trace length (ISO 21920-3 asks 5 × λc = 4 mm at λc 0.8 mm)
     * @param spacingUm     sample spacing
     * @param correlationUm texture length
     */
    public SimulatedProfilometer(long seed, double lengthMm, double spacingUm, double correlationUm) {
        if (!(lengthMm > 0) || !(spacingUm > 0) || !(correlationUm >= spacingUm) || lengthMm * 1000 / spacingUm < 16) {
            throw new IllegalArgumentException("need length > 0, spacing > 0, correlation >= spacing and >= 16 points, got "
                    + lengthMm + " mm, " + spacingUm + " µm, " + correlationUm + " µm");
        }
        this.rnd = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        this.lengthMm = lengthMm;
        this.spacingUm = spacingUm;
        this.correlationUm = correlationUm;
    }

    /** 4.8 mm at 0.5 µm (9,600 points), 15 µm texture: a profilometer's default trace on rough foil. */
    public static SimulatedProfilometer defaults(long seed) {
        return new SimulatedProfilometer(seed, 4.8, 0.5, 15);
    }

    /** One trace of foil whose roughness is about {@code raUm}. */
    public Profile trace(String name, double raUm) {
        int n = (int) Math.round(lengthMm * 1000 / spacingUm);
        int w = Math.max(1, (int) Math.round(correlationUm / spacingUm));
        double[] white = new double[n + w];
        for (int i = 0; i < white.length; i++) {
            white[i] = rnd.nextGaussian();
        }
        double[] z = new double[n];
        double acc = 0;
        for (int i = 0; i < w; i++) {
            acc += white[i];
        }
        for (int i = 0; i < n; i++) {
            z[i] = acc / w;
            acc += white[i + w] - white[i];
        }
        double mean = 0;
        for (double v : z) {
            mean += v;
        }
        mean /= n;
        double ra = 0;
        for (double v : z) {
            ra += Math.abs(v - mean);
        }
        ra /= n;
        double scale = raUm / ra;
        double phase = 2 * Math.PI * rnd.nextDouble();
        double tilt = 0.2 * (rnd.nextDouble() - 0.5);
        for (int i = 0; i < n; i++) {
            double xMm = i * spacingUm / 1000;
            z[i] = (z[i] - mean) * scale + 0.3 * Math.sin(2 * Math.PI * xMm / 2.5 + phase) + tilt * xMm;
        }
        return Profile.uniform(name, 0, spacingUm / 1000, z);
    }

    /** The trace as the two-column CSV a profilometer exports ({@code x_mm,z_um}). */
    public static String toCsv(Profile p) {
        StringBuilder sb = new StringBuilder(p.xMm().length * 24).append("x_mm,z_um\n");
        double[] x = p.xMm();
        double[] z = p.zUm();
        for (int i = 0; i < x.length; i++) {
            sb.append(String.format(Locale.ROOT, "%.6f,%.5f%n", x[i], z[i]));
        }
        return sb.toString();
    }
}
