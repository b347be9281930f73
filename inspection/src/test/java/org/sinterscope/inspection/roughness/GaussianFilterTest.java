package org.sinterscope.inspection.roughness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The ISO 16610-21 filter's transmission, and the fast paths against brute-force references. */
class GaussianFilterTest {

    /** Amplitude of {@code y} at the given wavelength by projection on sin/cos over [from, to). */
    static double amplitude(double[] y, int from, int to, double dxMm, double waveMm) {
        double s = 0;
        double c = 0;
        for (int i = from; i < to; i++) {
            double ph = 2 * Math.PI * i * dxMm / waveMm;
            s += y[i] * Math.sin(ph);
            c += y[i] * Math.cos(ph);
        }
        return 2 * Math.hypot(s, c) / (to - from);
    }

    /** Mean-line amplitude ratio of a sine, measured on whole periods in the middle of a long profile. */
    static double measuredTransmission(double waveMm, double cutoffMm, double dxMm) {
        int perWave = (int) Math.round(waveMm / dxMm);
        int n = perWave * 40;
        double[] z = AnalyticProfilesTest.sine(n, dxMm, waveMm, 1.0, 0);
        double[] m = new GaussianProfileFilter(cutoffMm, dxMm).meanLine(z);
        return amplitude(m, perWave * 15, perWave * 25, dxMm, waveMm);
    }

    @Test
    void transmission_at_the_cutoff_is_fifty_percent() {
        assertThat(measuredTransmission(0.8, 0.8, 0.001)).isCloseTo(0.5, offset(0.005));
        assertThat(measuredTransmission(0.25, 0.25, 0.0005)).isCloseTo(0.5, offset(0.005));
        assertThat(GaussianProfileFilter.meanLineTransmission(0.8, 0.8)).isCloseTo(0.5, offset(1e-15));
    }

    @Test
    void short_waves_go_to_roughness_and_long_waves_to_the_mean_line() {
        double lc = 0.8;
        double shortWave = measuredTransmission(lc / 3, lc, 0.001);
        assertThat(shortWave).as("mean line at λc/3").isLessThan(0.01);
        assertThat(1 - shortWave).as("roughness at λc/3").isGreaterThan(0.99);
        assertThat(measuredTransmission(10 * lc, lc, 0.004)).as("mean line at 10·λc").isGreaterThan(0.99);
        // and both agree with the closed form within 0.1 %
        assertThat(shortWave).isCloseTo(GaussianProfileFilter.meanLineTransmission(lc / 3, lc), offset(0.001));
    }

    @Test
    void mean_line_matches_a_brute_force_untruncated_gaussian_on_seeded_profiles() {
        SplittableRandom rnd = new SplittableRandom(20261125L);
        for (int trial = 0; trial < 3; trial++) {
            int n = 1500 + trial * 700;
            double dx = 0.001;
            double lc = 0.25;
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = rnd.nextGaussian() + 0.002 * i;
            }
            double[] fast = new GaussianProfileFilter(lc, dx).meanLine(z);
            double ac = GaussianProfileFilter.ALPHA * lc;
            for (int i = 0; i < n; i++) {
                double num = 0;
                double den = 0;
                for (int j = 0; j < n; j++) { // O(n²): every point, no truncation
                    double u = (j - i) * dx / ac;
                    double w = Math.exp(-Math.PI * u * u);
                    num += w * z[j];
                    den += w;
                }
                assertThat(fast[i]).as("trial %d, point %d", trial, i).isCloseTo(num / den, offset(2e-6));
            }
        }
    }

    @Test
    void fft_convolution_equals_direct_convolution() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int n : new int[] {1, 50, 999, 4096}) {
            double[] z = rnd.doubles(n, -1, 1).toArray();
            double[] w = new double[2 * 37 + 1]; // symmetric, as the filter's kernels are
            for (int k = 0; k <= 37; k++) {
                w[k] = w[w.length - 1 - k] = rnd.nextDouble();
            }
            double[] a = Convolution.direct(z, w);
            double[] b = Convolution.fft(z, w);
            for (int i = 0; i < n; i++) {
                assertThat(b[i]).as("n %d, i %d", n, i).isCloseTo(a[i], offset(1e-11));
            }
        }
    }

    @Test
    void compensated_sums_match_exact_sums_where_naive_sums_drift() {
        // 1 followed by 10^6 terms of 1e-16: a naive sum never moves off 1.0
        double[] a = new double[1_000_001];
        a[0] = 1;
        java.util.Arrays.fill(a, 1, a.length, 1e-16);
        double naive = 0;
        for (double v : a) {
            naive += v;
        }
        assertThat(naive).isEqualTo(1.0);
        assertThat(NeumaierSum.sum(a, 0, a.length)).isCloseTo(1 + 1e-10, offset(1e-15));

        // seeded heights on a large offset, as a long profile before form removal: compare with BigDecimal
        SplittableRandom rnd = new SplittableRandom(99);
        double[] z = new double[200_000];
        BigDecimal exact = BigDecimal.ZERO;
        double naiveZ = 0;
        for (int i = 0; i < z.length; i++) {
            z[i] = 1e6 + rnd.nextGaussian() * 1e-3;
            exact = exact.add(new BigDecimal(z[i]));
            naiveZ += z[i];
        }
        double truth = exact.doubleValue();
        double compensated = NeumaierSum.sum(z, 0, z.length);
        assertThat(Math.abs(compensated - truth)).isLessThanOrEqualTo(Math.ulp(truth));
        assertThat(Math.abs(naiveZ - truth)).as("the naive sum really drifts here").isGreaterThan(10 * Math.ulp(truth));
    }

    @Test
    void kernel_is_normalised_and_symmetric() {
        GaussianProfileFilter f = new GaussianProfileFilter(0.8, 0.0005);
        double[] w = f.weights();
        assertThat(w).hasSize(2 * 1600 + 1);
        assertThat(NeumaierSum.sum(w, 0, w.length)).isCloseTo(1.0, offset(1e-15));
        for (int k = 0; k < w.length / 2; k++) {
            assertThat(w[k]).isEqualTo(w[w.length - 1 - k]);
        }
    }
}
