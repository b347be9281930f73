package org.sinterscope.inspection.areal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.List;
import java.util.function.DoubleBinaryOperator;

import org.junit.jupiter.api.Test;
import org.sinterscope.camera.profile.ArealSurface;

/**
 * Areal parameters of analytic surfaces against values computed independently here: closed forms
 * (sine grids, triangle waves, paraboloids: exact discrete sums), or quadrature with the analytic
 * gradient (Sdr). Tolerances are stated per assertion; every surface is in µm on a grid in mm.
 */
class ArealAnalyticSurfacesTest {

    static final double D = 1e-3; // 1 µm spacing, mm

    static ArealSurface grid(int nx, int ny, DoubleBinaryOperator zOfXyUm) {
        double[] z = new double[nx * ny];
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                z[iy * nx + ix] = zOfXyUm.applyAsDouble(ix, iy); // spacing 1 µm: index = µm, exactly
            }
        }
        return new ArealSurface("analytic", nx, ny, 0, 0, D, D, z);
    }

    /** Mean of |sin(2πi/n)| over i = 0..n−1, n even: 2·cot(π/n)/n (the sampled 2/π). */
    static double meanAbsSin(int n) {
        return 2 / Math.tan(Math.PI / n) / n;
    }

    static ArealSettings meanOnly() {
        return ArealSettings.defaults().withFormDegree(0);
    }

    @Test
    void product_sine_grid_gives_closed_form_heights_and_gradients() {
        double a = 0.5;
        double lx = 100; // µm: 4 periods over 400 points
        double ly = 80;  // µm: 4 periods over 320 points
        double kx = 2 * Math.PI / lx;
        double ky = 2 * Math.PI / ly;
        ArealSurface s = grid(400, 320, (x, y) -> a * Math.sin(kx * x) * Math.sin(ky * y));
        ArealParameters p = ArealAnalyzer.analyze(s, meanOnly()).parameters();
        // over whole periods the discrete means of sin² and sin⁴ are exactly 1/2 and 3/8
        assertThat(p.sqUm()).isCloseTo(a / 2, offset(1e-12));
        assertThat(p.sku()).isCloseTo(9.0 / 64 / (1.0 / 16), offset(1e-9)); // (3/8)² / (1/2)⁴ = 2.25
        assertThat(p.ssk()).isCloseTo(0, offset(1e-9));
        // mean |sin(2πi/N)| over a period of N (even) samples is exactly 2·cot(π/N)/N (→ 2/π)
        assertThat(p.saUm()).isCloseTo(a * meanAbsSin(100) * meanAbsSin(80), withPercentage(1e-9));
        assertThat(p.spUm()).isCloseTo(a, offset(1e-12)); // the grid hits the crests (λ/4 on a sample)
        assertThat(p.svUm()).isCloseTo(a, offset(1e-12));
        assertThat(p.szUm()).isCloseTo(2 * a, offset(1e-12));
        // Sdq² = A²(kx² + ky²)/4 over whole periods; the 3-point border left out of the gradient changes it by < 0.5 %
        assertThat(p.sdq()).isCloseTo(a * Math.hypot(kx, ky) / 2, withPercentage(0.5));
        double sdr = 0;
        double g2 = 0;
        int n = 0;
        for (int iy = 3; iy < 320 - 3; iy++) {
            for (int ix = 3; ix < 400 - 3; ix++) {
                double gx = a * kx * Math.cos(kx * ix) * Math.sin(ky * iy);
                double gy = a * ky * Math.sin(kx * ix) * Math.cos(ky * iy);
                sdr += Math.sqrt(1 + gx * gx + gy * gy) - 1;
                g2 += gx * gx + gy * gy;
                n++;
            }
        }
        // analytic gradient at the same points vs the 7-point stencil (error ~(kΔ)⁶/140)
        assertThat(p.sdrPercent()).isCloseTo(100 * sdr / n, withPercentage(1e-4));
        assertThat(p.sdq()).isCloseTo(Math.sqrt(g2 / n), withPercentage(1e-4));
    }

    @Test
    void one_dimensional_sine_gives_the_sine_material_ratio_curve() {
        double a = 0.8;
        double l = 500; // 4 periods over 2000 points: the sampled curve's steps are 0.2 % of material ratio
        double k = 2 * Math.PI / l;
        ArealSurface s = grid(2000, 20, (x, y) -> a * Math.sin(k * x));
        ArealParameters p = ArealAnalyzer.analyze(s, meanOnly().withMaterialRatioPercents(List.of(10.0, 50.0, 90.0))
                .withSmrLevelsUm(List.of(0.0, 0.4, -0.4))).parameters();
        assertThat(p.sqUm()).isCloseTo(a / Math.sqrt(2), offset(1e-12));
        assertThat(p.sku()).isCloseTo(1.5, offset(1e-9));
        assertThat(p.saUm()).isCloseTo(a * meanAbsSin(500), withPercentage(1e-9));
        // the analytic slope A·k·cos(kx) over the points whose 7-point stencil is complete (3 from each edge)
        double g2 = 0;
        for (int ix = 3; ix < 2000 - 3; ix++) {
            g2 += Math.pow(a * k * Math.cos(k * ix), 2);
        }
        assertThat(p.sdq()).isCloseTo(Math.sqrt(g2 / 1994), withPercentage(1e-4));
        assertThat(p.sdq()).isCloseTo(a * k / Math.sqrt(2), withPercentage(0.5)); // whole periods: A·k/√2
        // height at material ratio p of a sine: A cos(π p / 100); ratio at height c: arccos(c/A)/π
        for (int i = 0; i < 3; i++) {
            double pc = p.materialRatioPercents().get(i);
            assertThat(p.smcUm().get(i)).as("Smc(%s)", pc).isCloseTo(a * Math.cos(Math.PI * pc / 100), offset(0.01 * a));
        }
        for (int i = 0; i < 3; i++) {
            double c = p.smrLevelsUm().get(i);
            assertThat(p.smrPercents().get(i)).as("Smr(%s)", c).isCloseTo(100 * Math.acos(c / a) / Math.PI, offset(0.5));
        }
    }

    @Test
    void triangle_wave_has_uniform_heights_so_its_material_ratio_curve_is_all_core() {
        double a = 1.0;
        int period = 100; // samples; the wave hits ±A
        ArealSurface s = grid(1000, 20, (x, y) -> {
            double t = (x % period) / period;
            return a * (t < 0.5 ? 4 * t - 1 : 3 - 4 * t);
        });
        ArealParameters p = ArealAnalyzer.analyze(s, meanOnly()).parameters();
        // heights uniform on [−A, A]: Sa = A/2, Sq = A/√3, Sku = 9/5 (discrete levels: within 0.1 %)
        assertThat(p.saUm()).isCloseTo(a / 2, withPercentage(0.1));
        assertThat(p.sqUm()).isCloseTo(a / Math.sqrt(3), withPercentage(0.1));
        assertThat(p.sku()).isCloseTo(1.8, withPercentage(0.2));
        // a straight material ratio curve: the core is everything. Sampled, the heights take 50
        // levels, so the curve is a staircase of 2 %-wide steps: ratios within one step (2 %),
        // heights within one level (A/25)
        assertThat(p.skUm()).isCloseTo(2 * a, offset(a / 25));
        assertThat(p.spkUm()).isCloseTo(0, offset(a / 25));
        assertThat(p.svkUm()).isCloseTo(0, offset(a / 25));
        assertThat(p.smr1Percent()).isCloseTo(0, offset(2.0));
        assertThat(p.smr2Percent()).isCloseTo(100, offset(2.0));
    }

    @Test
    void paraboloid_with_plane_removal_matches_exact_discrete_sums() {
        int m = 200; // grid −m..m in both directions
        double c = 1e-4; // µm per µm²
        int n = 2 * m + 1;
        ArealSurface s = grid(n, n, (x, y) -> c * ((x - m) * (x - m) + (y - m) * (y - m)) + 0.3 * x - 0.1 * y + 7);
        ArealResult r = ArealAnalyzer.analyze(s, ArealSettings.defaults());
        ArealParameters p = r.parameters();
        double mx2 = m * (m + 1) / 3.0;                                       // mean i² over −m..m
        double mx4 = m * (m + 1) * (3.0 * m * m + 3 * m - 1) / 15.0;          // mean i⁴
        double varX2 = mx4 - mx2 * mx2;
        assertThat(p.sqUm()).isCloseTo(c * Math.sqrt(2 * varX2), withPercentage(1e-6));
        assertThat(p.spUm()).isCloseTo(c * (2.0 * m * m - 2 * mx2), withPercentage(1e-6));
        assertThat(p.svUm()).isCloseTo(c * 2 * mx2, withPercentage(1e-6));
        // gradient 2c(x, y) is exact for the 7-point stencil; mean over the interior −(m−3)..(m−3)
        int k = m - 3;
        double mInner2 = k * (k + 1) / 3.0;
        assertThat(p.sdq()).isCloseTo(2 * c * Math.sqrt(2 * mInner2), withPercentage(1e-6));
        assertThat(r.notes()).noneMatch(t -> t.contains("flat"));
    }

    @Test
    void paraboloid_with_quadric_removal_is_flat_and_its_skewness_undefined() {
        ArealSurface s = grid(201, 151, (x, y) -> 3e-4 * (x * x + 2 * y * y) - 0.01 * x * y + 0.2 * y + 40);
        ArealResult r = ArealAnalyzer.analyze(s, ArealSettings.defaults().withFormDegree(2));
        assertThat(r.parameters().sqUm()).isLessThan(1e-9);
        assertThat(r.parameters().ssk()).isNaN();
        assertThat(r.parameters().sku()).isNaN();
        assertThat(r.notes()).anyMatch(t -> t.contains("flat") && t.contains("Ssk and Sku undefined"));
    }

    @Test
    void a_tilted_plane_with_plane_removal_is_flat_even_with_half_its_points_missing() {
        ArealSurface s = grid(300, 200, (x, y) -> (x + y) % 2 == 0 ? Double.NaN : 0.02 * x - 0.01 * y + 100);
        ArealResult r = ArealAnalyzer.analyze(s, ArealSettings.defaults());
        assertThat(r.invalidShare()).isEqualTo(0.5);
        assertThat(r.invalidPoints()).isEqualTo(30_000);
        assertThat(r.parameters().sqUm()).isLessThan(1e-9);
        assertThat(r.parameters().ssk()).isNaN();
        assertThat(r.notes()).anyMatch(t -> t.startsWith("30000 of 60000 points invalid (50.00 %)"));
    }

    @Test
    void sphere_cap_sdr_and_sdq_match_the_analytic_gradient() {
        double radius = 2000; // µm
        int n = 301;
        double c0 = 150;
        ArealSurface s = grid(n, n, (x, y) -> Math.sqrt(radius * radius - (x - c0) * (x - c0) - (y - c0) * (y - c0)));
        ArealParameters p = ArealAnalyzer.analyze(s, meanOnly()).parameters();
        double dev = 0;
        double g2 = 0;
        int count = 0;
        for (int iy = 3; iy < n - 3; iy++) {
            for (int ix = 3; ix < n - 3; ix++) {
                double r2 = (ix - c0) * (ix - c0) + (iy - c0) * (iy - c0);
                double z = Math.sqrt(radius * radius - r2);
                dev += radius / z - 1; // √(1 + |∇z|²) = R / z on a sphere
                g2 += r2 / (z * z);
                count++;
            }
        }
        assertThat(p.sdrPercent()).isCloseTo(100 * dev / count, withPercentage(1e-4));
        assertThat(p.sdq()).isCloseTo(Math.sqrt(g2 / count), withPercentage(1e-4));
    }

    @Test
    void too_few_points_for_the_form_are_refused_with_the_reason() {
        ArealSurface s = new ArealSurface("tiny", 2, 1, 0, 0, D, D, new double[] {1, Double.NaN});
        assertThatThrownBy(() -> ArealAnalyzer.analyze(s, ArealSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tiny: form removal of degree 1 needs at least 3 valid points, got 1");
        ArealSurface none = new ArealSurface("none", 2, 1, 0, 0, D, D, new double[] {Double.NaN, Double.NaN});
        assertThatThrownBy(() -> ArealAnalyzer.analyze(none, ArealSettings.defaults()))
                .hasMessageContaining("no valid point");
    }

    @Test
    void settings_refuse_bad_values_with_the_value() {
        assertThatThrownBy(() -> ArealSettings.defaults().withFormDegree(7)).hasMessageContaining("got 7");
        assertThatThrownBy(() -> ArealSettings.defaults().withSFilterUm(-1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> ArealSettings.defaults().withSFilterUm(2.5).withLFilterMm(0.004))
                .hasMessageContaining("0.004 mm");
        assertThatThrownBy(() -> ArealSettings.defaults().withMaterialRatioPercents(List.of(101.0)))
                .hasMessageContaining("101");
    }
}
