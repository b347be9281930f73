package org.sinterscope.simulator.lab;

import java.util.List;
import java.util.Random;

import org.sinterscope.camera.lab.XrdPattern;

/**
 * Two simulated lab XRD scans (Cu Kα1, 10–80° in 0.02° steps) of samples cut from one roll, of known
 * make-up: intensity(2θ) = quadratic background 220 − 1.0 t + 0.008 t² (t = 2θ − 10°) + the two a-Si
 * halos (pseudo-Voigt, 28.2° FWHM 9° area 4000; 51.8° FWHM 11° area 2000) [+ a sharp Si(111) peak at
 * 28.44°, FWHM 0.25°, area {@value #SI111_AREA}], with Poisson counting noise from the seed. The first
 * sample is the amorphous halo alone, the second has the crystalline Si(111) peak; its true
 * crystallinity index is peak area / (peak + halo area), integrated over the scan range.
 */
public final class SimulatedXrdSamples {

    /** Area of the crystalline sample's Si(111) peak, counts × degrees. */
    public static final double SI111_AREA = 1200;
    private static final double FROM = 10;
    private static final double TO = 80;
    private static final double STEP = 0.02;
    private static final Component[] HALOS = {new Component(28.2, 9.0, 4000, 0.3), new Component(51.8, 11.0, 2000, 0.2)};
    private static final Component SI111 = new Component(28.44, 0.25, SI111_AREA, 0.5);

    /** One simulated sample: its scan (tagged with roll and web position) and its truth. */
    public record Sample(XrdPattern pattern, boolean crystalline, double trueCrystallinity) {
    }

    /** One pseudo-Voigt component: centre and FWHM (degrees), area (counts × degrees), Lorentzian fraction. */
    record Component(double c, double w, double area, double eta) {
        double at(double x) {
            double u = (x - c) / w;
            double g = 2 * Math.sqrt(Math.log(2) / Math.PI) / w * Math.exp(-4 * Math.log(2) * u * u);
            double l = 2 / (Math.PI * w) / (1 + 4 * u * u);
            return area * (eta * l + (1 - eta) * g);
        }

        /** Area within the scan range, trapezoid on a 0.0005° grid. */
        double inRange() {
            int n = (int) Math.round((TO - FROM) / 0.0005);
            double s = 0;
            for (int i = 0; i <= n; i++) {
                s += (i == 0 || i == n ? 0.5 : 1) * at(FROM + i * 0.0005);
            }
            return s * 0.0005;
        }
    }

    private SimulatedXrdSamples() {
    }

    /**
     * The two samples of roll {@code rollId}, cut at 1/3 and 2/3 of {@code rollLengthMm}: amorphous first,
     * crystalline second; seeds {@code seed} and {@code seed + 1} for their noise.
     */
    public static List<Sample> forRoll(String rollId, double rollLengthMm, long seed) {
        if (!(rollLengthMm > 0) || Double.isInfinite(rollLengthMm)) {
            throw new IllegalArgumentException("roll length must be finite and > 0 mm, got " + rollLengthMm);
        }
        return List.of(sample(rollId, rollLengthMm / 3, "xrd-a", false, seed),
                sample(rollId, 2 * rollLengthMm / 3, "xrd-c", true, seed + 1));
    }

    static Sample sample(String rollId, double yMm, String sampleId, boolean crystalline, long seed) {
        Random rnd = new Random(seed);
        int n = (int) Math.round((TO - FROM) / STEP) + 1;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = FROM + i * STEP;
            double t = x[i] - FROM;
            double v = 220 - 1.0 * t + 0.008 * t * t;
            for (Component h : HALOS) {
                v += h.at(x[i]);
            }
            if (crystalline) {
                v += SI111.at(x[i]);
            }
            y[i] = poisson(rnd, v);
        }
        double halo = 0;
        for (Component h : HALOS) {
            halo += h.inRange();
        }
        double peak = crystalline ? SI111.inRange() : 0;
        String source = String.format(java.util.Locale.ROOT, "simulated-%s-s%d.xy", sampleId, seed);
        return new Sample(new XrdPattern(source, x, y, Double.NaN, new XrdPattern.SampleTag(rollId, yMm, sampleId)),
                crystalline, peak / (peak + halo));
    }

    /** Poisson draw: normal approximation above a mean of 50, Knuth's product method below. */
    static double poisson(Random rnd, double mean) {
        if (mean > 50) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * rnd.nextGaussian()));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double prod = rnd.nextDouble();
        while (prod > l) {
            k++;
            prod *= rnd.nextDouble();
        }
        return k;
    }
}
