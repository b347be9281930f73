package org.sinterscope.inspection.xrd;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.sinterscope.camera.lab.XrdPattern;

/**
 * Synthetic scans of known make-up for the tests: quadratic background, pseudo-Voigt halos and
 * peaks, Poisson counting noise; the true crystallinity index is integrated numerically here, apart
 * from the analyser's closed forms.
 */
final class SyntheticScan {

    /** One component: centre and FWHM (degrees), area (counts × degrees), Lorentzian fraction. */
    record Component(double c, double w, double area, double eta) {
        double at(double x) {
            double u = (x - c) / w;
            double g = 2 * Math.sqrt(Math.log(2) / Math.PI) / w * Math.exp(-4 * Math.log(2) * u * u);
            double l = 2 / (Math.PI * w) / (1 + 4 * u * u);
            return area * (eta * l + (1 - eta) * g);
        }
    }

    final double from;
    final double to;
    final double step;
    final List<Component> halos = new ArrayList<>();
    final List<Component> peaks = new ArrayList<>();
    final List<Component> substrate = new ArrayList<>();
    double b0 = 220;
    double b1 = -1.0;
    double b2 = 0.008;
    /** Off-model: each peak also has its Cu Kα2 twin (λ 1.54439 Å, half the Kα1 area). */
    boolean kAlpha2;
    /** Off-model: background 150 + 250 exp(−(2θ − from)/12) instead of the quadratic. */
    boolean exponentialBackground;

    SyntheticScan(double from, double to, double step) {
        this.from = from;
        this.to = to;
        this.step = step;
    }

    /** The usual lab scan: 10–80° in 0.02° steps. */
    static SyntheticScan lab() {
        return new SyntheticScan(10, 80, 0.02);
    }

    /** The two a-Si halos (28° and 52°). */
    SyntheticScan aSiHalos() {
        halos.add(new Component(28.2, 9.0, 4000, 0.3));
        halos.add(new Component(51.8, 11.0, 2000, 0.2));
        return this;
    }

    SyntheticScan peak(double c, double w, double area, double eta) {
        peaks.add(new Component(c, w, area, eta));
        return this;
    }

    SyntheticScan substratePeak(double c, double w, double area, double eta) {
        substrate.add(new Component(c, w, area, eta));
        return this;
    }

    double expected(double x) {
        double t = x - from;
        double v = exponentialBackground ? 150 + 250 * Math.exp(-t / 12) : b0 + b1 * t + b2 * t * t;
        for (List<Component> l : List.of(halos, peaks, substrate)) {
            for (Component c : l) {
                v += c.at(x);
                if (kAlpha2 && l != halos) {
                    v += twin(c).at(x);
                }
            }
        }
        return v;
    }

    /** The Kα2 twin of a Kα1 peak: 2θ₂ = 2 asin((λ₂/λ₁) sin θ₁), half the area, same width. */
    static Component twin(Component c) {
        double s = 1.54439 / 1.54056 * Math.sin(Math.toRadians(c.c() / 2));
        return new Component(2 * Math.toDegrees(Math.asin(s)), c.w(), 0.5 * c.area(), c.eta());
    }

    /** True CI: in-range peak area / (peak + halo area), trapezoid on a 0.0005° grid. */
    double trueCrystallinity() {
        double p = 0;
        double h = 0;
        for (Component c : peaks) {
            p += inRange(c) + (kAlpha2 ? inRange(twin(c)) : 0);
        }
        for (Component c : halos) {
            h += inRange(c);
        }
        return p / (p + h);
    }

    double inRange(Component c) {
        int n = (int) Math.round((to - from) / 0.0005);
        double s = 0;
        for (int i = 0; i <= n; i++) {
            double x = from + i * 0.0005;
            s += (i == 0 || i == n ? 0.5 : 1) * c.at(x);
        }
        return s * 0.0005;
    }

    XrdPattern scan(String name, long seed) {
        Random rnd = new Random(seed);
        int n = (int) Math.round((to - from) / step) + 1;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = from + i * step;
            y[i] = poisson(rnd, expected(x[i]));
        }
        return new XrdPattern(name, x, y, Double.NaN, new XrdPattern.SampleTag("R-1", 1000, null));
    }

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
