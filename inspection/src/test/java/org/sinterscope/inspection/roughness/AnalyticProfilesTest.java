package org.sinterscope.inspection.roughness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sinterscope.camera.profile.Profile;

/** Parameters of profiles whose values are known in closed form. */
class AnalyticProfilesTest {

    static final double A = 0.5;         // sine amplitude, µm
    static final double WAVE_MM = 0.1;   // sine wavelength, mm
    static final double DX_MM = 0.0005;  // spacing 0.5 µm

    static double[] sine(int n, double dxMm, double waveMm, double ampUm, double phase) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = ampUm * Math.sin(2 * Math.PI * i * dxMm / waveMm + phase);
        }
        return z;
    }

    static double[] xs(int n, double dxMm) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * dxMm;
        }
        return x;
    }

    @Test
    void sine_parameters_match_their_closed_forms() {
        int n = 8000; // 40 whole periods
        double[] z = sine(n, DX_MM, WAVE_MM, A, 0.3);
        // 200 samples per period: the sampled mean of |sin| is within 0.005 % of 2/π, the sampled mean square exact
        assertThat(ProfileParameters.ra(z, 0, n)).isCloseTo(2 * A / Math.PI, withPercentage(0.01));
        assertThat(ProfileParameters.rq(z, 0, n)).isCloseTo(A / Math.sqrt(2), withPercentage(1e-6));
        assertThat(ProfileParameters.rsk(z, 0, n)).isCloseTo(0, offset(1e-9));
        assertThat(ProfileParameters.rku(z, 0, n)).isCloseTo(1.5, offset(1e-9));
        assertThat(ProfileParameters.rsmUm(xs(n, DX_MM), z, 0, n, 0.1 * 2 * A, 0.01 * 0.8))
                .isCloseTo(WAVE_MM * 1e3, withPercentage(0.01));
        double slopeRms = 2 * Math.PI * A / (WAVE_MM * 1e3) / Math.sqrt(2);
        // the slope is evaluated on n - 6 points, not whole periods: 0.03 % off the closed form
        assertThat(ProfileParameters.rdq(z, 0, n, DX_MM * 1e3)).isCloseTo(slopeRms, withPercentage(0.1));
        assertThat(ProfileParameters.rt(z, 0, n)).isCloseTo(2 * A, withPercentage(0.05)); // samples miss the crest by < 1.3e-4
    }

    @Test
    void sine_material_ratio_follows_the_arccos_law() {
        int n = 20000;
        double[] z = sine(n, DX_MM, WAVE_MM, A, 0.1);
        MaterialRatioCurve c = new MaterialRatioCurve(z, 0, n);
        for (double p : new double[] {0, 10, 25, 50, 75, 90, 100}) {
            // a sine spends the fraction arccos(c/A)/π of its length above level c
            double expectedDepth = A - A * Math.cos(Math.PI * p / 100);
            assertThat(c.depthBelowTopUm(p)).as("depth at %s %%", p).isCloseTo(expectedDepth, offset(5e-3 * A)); // 200 samples per period
        }
        assertThat(c.depthBelowTopUm(0)).isZero();
        assertThat(c.ratioPercentAt(0)).isCloseTo(50, offset(0.05));
        assertThat(c.rdcUm(2, 98)).isCloseTo(A * (Math.cos(Math.PI * 0.02) - Math.cos(Math.PI * 0.98)), offset(2e-3));
    }

    @Test
    void linear_material_ratio_curve_is_all_core() {
        int n = 10001; // a sawtooth ramp: heights uniformly distributed in [-1, 1] µm
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = -1 + 2.0 * ((i * 7919L) % n) / (n - 1);
        }
        MaterialRatioCurve.RkParameters rk = new MaterialRatioCurve(z, 0, n).rk();
        assertThat(rk.rkUm()).isCloseTo(2.0, offset(1e-9));
        assertThat(rk.rpkUm()).isCloseTo(0, offset(1e-9));
        assertThat(rk.rvkUm()).isCloseTo(0, offset(1e-9));
        assertThat(rk.mr1Percent()).isCloseTo(0, offset(1e-6));
        assertThat(rk.mr2Percent()).isCloseTo(100, offset(1e-6));
    }

    @Test
    void peaks_above_a_linear_core_give_rpk_from_the_equal_area_triangle() {
        // curve: 10 % of points rise linearly from the core top 1 µm to 3 µm; 90 % fall linearly 1 → -1 µm
        int n = 100_001;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double t = 100.0 * i / (n - 1);
            z[i] = t < 10 ? 3 - 0.2 * t : 1 - 2 * (t - 10) / 90;
        }
        MaterialRatioCurve.RkParameters rk = new MaterialRatioCurve(z, 0, n).rk();
        // the core line through 10..100 % hits 0 % at 1 + 2·10/90 and 100 % at -1
        double upper = 1 + 2.0 * 10 / 90;
        assertThat(rk.rkUm()).isCloseTo(upper + 1, offset(1e-3));
        assertThat(rk.mr2Percent()).isCloseTo(100, offset(1e-3));
        // area above the upper line: region where 3 - 0.2t > upper → t < (3-upper)/0.2
        double mr1 = (3 - upper) / 0.2;
        assertThat(rk.mr1Percent()).isCloseTo(mr1, offset(1e-3));
        double area = 0.5 * mr1 * (3 - upper);
        assertThat(rk.rpkUm()).isCloseTo(2 * area / mr1, offset(1e-3));
    }

    @Test
    void filtered_sine_well_below_the_cutoff_keeps_its_parameters() {
        int n = 9601; // 4.8 mm: λc/2 run-in + 5·λc + λc/2 run-out
        double[] z = sine(n, DX_MM, WAVE_MM, A, 0.7);
        double[] x = xs(n, DX_MM);
        for (int i = 0; i < n; i++) {
            z[i] += 3.0 + 2.0 * x[i]; // tilt and offset: removed by the form removal
        }
        RoughnessResult r = RoughnessAnalyzer.analyze(new Profile("sine", x, z),
                RoughnessSettings.defaults().withMaterialRatioPercents(List.of(0.0, 50.0)));
        RoughnessParameters p = r.parameters();
        // λs = 2.5 µm passes a 100 µm wave with exp(-π(α·2.5/100)²) = 0.99957; λc = 0.8 mm passes it fully
        assertThat(p.raUm()).isCloseTo(2 * A / Math.PI, withPercentage(0.2));
        assertThat(p.rqUm()).isCloseTo(A / Math.sqrt(2), withPercentage(0.2));
        assertThat(p.rsk()).isCloseTo(0, offset(0.01));
        assertThat(p.rsmUm()).isCloseTo(100, withPercentage(0.2));
        assertThat(p.rzUm()).isCloseTo(2 * A, withPercentage(0.5));
        assertThat(r.evaluationLengthMm()).isCloseTo(4.0, offset(1e-9));
        assertThat(r.sectionLengthMm()).isCloseTo(0.8, offset(1e-9));
        assertThat(p.materialRatioHeightsUm().get(0)).isZero();
        assertThat(p.materialRatioHeightsUm().get(1)).isCloseTo(A, offset(0.01));
    }

    @Test
    void unfiltered_rz_is_the_mean_of_section_peak_to_valley_heights() {
        // five sections of 4 points each with known peak-to-valley heights 1..5 µm
        double[] z = {0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 5, 0, 0};
        RoughnessResult r = RoughnessAnalyzer.analyze(Profile.uniform("steps", 0, 0.001, z),
                RoughnessSettings.defaults().withoutFilter().withSections(5).withMaterialRatioPercents(List.of(0.0, 100.0)));
        assertThat(r.parameters().rzUm()).isCloseTo(3.0, offset(1e-12));
        assertThat(r.parameters().rtUm()).isCloseTo(5.0, offset(1e-12));
        assertThat(r.parameters().materialRatioHeightsUm()).containsExactly(0.0, 5.0);
    }

    @Test
    void unfiltered_evaluation_drops_invalid_points() {
        double[] z = {1, 2, Double.NaN, 4, 5, 6};
        RoughnessResult r = RoughnessAnalyzer.analyze(Profile.uniform("gap", 0, 0.001, z),
                RoughnessSettings.defaults().withoutFilter().withSections(2));
        assertThat(r.evaluatedPoints()).isEqualTo(5);
        assertThat(r.parameters().raUm()).isCloseTo(1.68, offset(1e-12)); // mean 3.6, |dev| 2.6 1.6 .4 1.4 2.4
        assertThat(r.notes()).anyMatch(s -> s.contains("1 invalid points left out"));
    }

    @Test
    void form_removal_removes_a_polynomial_exactly() {
        int n = 1000;
        double[] x = xs(n, 0.01);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = 5 - 3 * x[i] + 0.7 * x[i] * x[i];
        }
        double[] r = FormRemoval.residual(x, z, 2);
        for (double v : r) {
            assertThat(v).isCloseTo(0, offset(1e-9));
        }
    }

    @Test
    void a_profile_shorter_than_two_cutoffs_is_refused_with_its_name() {
        double[] z = sine(1000, DX_MM, WAVE_MM, A, 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RoughnessAnalyzer.analyze(
                        Profile.uniform("short.csv", 0, DX_MM, z), RoughnessSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("short.csv: ")
                .hasMessageContaining("shorter than 2·λc");
    }
}
