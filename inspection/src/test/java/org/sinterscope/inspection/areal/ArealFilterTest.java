package org.sinterscope.inspection.areal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sinterscope.camera.profile.ArealSurface;

/**
 * The areal Gaussian S- and L-filters (ISO 16610-61) against their transmission
 * a(Λ) = exp(−π(αλ/Λ)²) for sines of wavelength Λ along x and along a diagonal, with and without
 * missing points. A sine's Sq is A/√2 times the transmission, so Sq / (A/√2) measures it.
 */
class ArealFilterTest {

    static final double D = 1e-3; // mm per sample (1 µm)
    static final double ALPHA = Math.sqrt(Math.log(2) / Math.PI);

    static double meanTransmission(double wavelengthMm, double cutoffMm) {
        double r = ALPHA * cutoffMm / wavelengthMm;
        return Math.exp(-Math.PI * r * r);
    }

    static ArealSurface sine(int nx, int ny, double kxPerSample, double kyPerSample, double a, double missing, long seed) {
        Random rnd = new Random(seed);
        double[] z = new double[nx * ny];
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                z[iy * nx + ix] = rnd.nextDouble() < missing ? Double.NaN : a * Math.sin(kxPerSample * ix + kyPerSample * iy);
            }
        }
        return new ArealSurface("sine", nx, ny, 0, 0, D, D, z);
    }

    @Test
    void l_filter_passes_half_of_a_sine_at_its_nesting_index() {
        double a = 1;
        ArealSurface s = sine(600, 240, 2 * Math.PI / 100, 0, a, 0, 1); // Λ = 0.1 mm
        ArealResult r = ArealAnalyzer.analyze(s, ArealSettings.defaults().withFormDegree(0).withLFilterMm(0.1));
        assertThat(r.parameters().sqUm() / (a / Math.sqrt(2))).isCloseTo(1 - 0.5, offset(0.01));
        // λL/2 = 50 samples left out on every side
        assertThat(r.areaXMm()).isCloseTo((600 - 100 - 1) * D, offset(1e-9));
        assertThat(r.evaluatedPoints()).isEqualTo(500 * 140);
    }

    @Test
    void l_filter_transmission_is_isotropic_for_a_diagonal_sine() {
        double a = 1;
        double kx = 2 * Math.PI / 120;
        double ky = 2 * Math.PI / 90;
        double wavelengthMm = 2 * Math.PI / Math.hypot(kx, ky) * D; // 72 µm across the crests
        for (double cutoff : new double[] {0.05, 0.08, 0.15}) {
            ArealSurface s = sine(500, 400, kx, ky, a, 0, 2);
            ArealResult r = ArealAnalyzer.analyze(s, ArealSettings.defaults().withFormDegree(0).withLFilterMm(cutoff));
            double expected = 1 - meanTransmission(wavelengthMm, cutoff);
            assertThat(r.parameters().sqUm() / (a / Math.sqrt(2))).as("λL %s mm", cutoff).isCloseTo(expected, offset(0.01));
        }
    }

    @Test
    void s_filter_attenuates_a_short_sine_by_its_transmission() {
        double a = 0.3;
        for (double lambdaUm : new double[] {8, 16, 40}) {
            ArealSurface s = sine(400, 100, 2 * Math.PI / lambdaUm, 0, a, 0, 3);
            ArealResult r = ArealAnalyzer.analyze(s, ArealSettings.defaults().withFormDegree(0).withSFilterUm(8));
            double expected = meanTransmission(lambdaUm * 1e-3, 8e-3);
            assertThat(r.parameters().sqUm() / (a / Math.sqrt(2))).as("Λ %s µm", lambdaUm).isCloseTo(expected, offset(0.01));
        }
    }

    @Test
    void missing_points_neither_bias_the_filter_nor_count_as_heights() {
        double a = 1;
        ArealSurface s = sine(600, 240, 2 * Math.PI / 100, 0, a, 0.3, 4);
        ArealResult r = ArealAnalyzer.analyze(s, ArealSettings.defaults().withFormDegree(0).withLFilterMm(0.1));
        assertThat(r.invalidShare()).isCloseTo(0.3, offset(0.01));
        assertThat(r.parameters().sqUm() / (a / Math.sqrt(2))).isCloseTo(0.5, offset(0.02));
        assertThat(r.notes()).anyMatch(n -> n.contains("points invalid"));
    }

    @Test
    void an_area_too_small_for_the_l_filter_border_is_refused_with_sizes() {
        ArealSurface s = sine(100, 100, 0.1, 0, 1, 0, 5);
        assertThatThrownBy(() -> ArealAnalyzer.analyze(s, ArealSettings.defaults().withLFilterMm(0.08)))
                .hasMessageStartingWith("sine: area 0.09900 x 0.09900 mm is smaller than twice the L-filter nesting index 0.08000 mm");
    }

    @Test
    void a_1000_by_1000_scan_with_missing_points_is_evaluated_with_both_filters() {
        Random rnd = new Random(6);
        int n = 1000;
        double[] z = new double[n * n];
        for (int i = 0; i < z.length; i++) {
            z[i] = i % 7 == 3 ? Double.NaN : 0.1 * rnd.nextGaussian() + 0.4 * Math.sin(i % n / 12.7) + 1e-3 * (i / n);
        }
        ArealSurface s = new ArealSurface("scan", n, n, 0, 0, D, D, z);
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = mx.getCurrentThreadCpuTime();
        ArealResult r = ArealAnalyzer.analyze(s, ArealSettings.defaults().withSFilterUm(2.5).withLFilterMm(0.25));
        long ms = (mx.getCurrentThreadCpuTime() - t0) / 1_000_000;
        org.slf4j.LoggerFactory.getLogger(ArealFilterTest.class).info("1000 x 1000, S 2.5 µm, L 0.25 mm: {} ms CPU", ms);
        assertThat(r.invalidShare()).isCloseTo(1.0 / 7, offset(1e-3));
        assertThat(r.parameters().sqUm()).isBetween(0.05, 0.5);
        // every 7th point missing leaves no complete 7-point stencil: the 3-point difference keeps Sdq
        assertThat(r.parameters().sdq()).isPositive();
        assertThat(r.notes()).anyMatch(t -> t.startsWith("Sdq, Sdr: ") && t.contains("three-point difference"));
        assertThat(ms).isLessThan(60_000);
    }
}
