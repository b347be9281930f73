package org.sinterscope.inspection.xrd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sinterscope.camera.lab.XrdPattern;

class XrdAnalyzerTest {

    private static final long[] SEEDS = {1, 2, 3, 4, 5};
    private static final XrdSettings S = XrdSettings.defaults();

    private static String describe(XrdResult r) {
        StringBuilder b = new StringBuilder(String.format("CI %.4f ± %.4f, P %.1f, H %.1f, chi2 %.2f, peaks:", r.crystallinityIndex(),
                r.crystallinityStdErr(), r.sharpArea(), r.haloArea(), r.reducedChi2()));
        for (XrdPeak p : r.peaks()) {
            b.append(String.format(" [%.3f w%.3f A%.1f %s]", p.twoThetaDeg(), p.fwhmDeg(), p.area(), p.reflection()));
        }
        for (XrdHalo h : r.halos()) {
            b.append(String.format(" halo[%.2f w%.2f A%.1f]", h.twoThetaDeg(), h.fwhmDeg(), h.area()));
        }
        return b + " " + r.notes();
    }

    @Test
    void a_halo_with_noise_is_amorphous_with_an_index_near_zero() {
        SyntheticScan gen = SyntheticScan.lab().aSiHalos();
        for (long seed : SEEDS) {
            XrdResult r = XrdAnalyzer.analyze(gen.scan("halo-" + seed, seed), S);
            assertThat(r.crystallinityIndex()).as(describe(r)).isCloseTo(0.0, offset(0.02));
            assertThat(r.verdict()).as(describe(r)).isEqualTo(XrdResult.Verdict.AMORPHOUS);
            assertThat(r.peaks()).as(describe(r)).noneMatch(p -> "Si(111)".equals(p.reflection()));
            assertThat(r.tag().rollId()).isEqualTo("R-1");
        }
    }

    @Test
    void a_si111_peak_of_known_area_on_the_halo_gives_the_true_index() {
        SyntheticScan gen = SyntheticScan.lab().aSiHalos().peak(28.44, 0.30, 900, 0.4);
        double truth = gen.trueCrystallinity();
        assertThat(truth).isBetween(0.10, 0.20);
        double expectedSizeNm = XrdAnalyzer.scherrerNm(28.44, 0.30, Reflection.CU_K_ALPHA1_A, S);
        for (long seed : SEEDS) {
            XrdResult r = XrdAnalyzer.analyze(gen.scan("si111-" + seed, seed), S);
            assertThat(r.crystallinityIndex()).as(describe(r)).isCloseTo(truth, offset(0.02));
            assertThat(r.verdict()).isEqualTo(XrdResult.Verdict.CRYSTALLINE);
            XrdPeak si = r.peaks().stream().filter(p -> "Si(111)".equals(p.reflection())).findFirst().orElseThrow();
            assertThat(si.twoThetaDeg()).isCloseTo(28.44, offset(0.02));
            assertThat(si.fwhmDeg()).isCloseTo(0.30, offset(0.03));
            assertThat(si.crystalliteSizeNm()).isCloseTo(expectedSizeNm, offset(0.12 * expectedSizeNm));
        }
    }

    @Test
    void a_purely_crystalline_scan_has_an_index_near_one() {
        SyntheticScan gen = SyntheticScan.lab().peak(28.44, 0.20, 1000, 0.5).peak(47.30, 0.24, 550, 0.5)
                .peak(56.12, 0.26, 300, 0.5);
        for (long seed : SEEDS) {
            XrdResult r = XrdAnalyzer.analyze(gen.scan("xtal-" + seed, seed), S);
            assertThat(r.crystallinityIndex()).as(describe(r)).isCloseTo(1.0, offset(0.02));
            assertThat(r.verdict()).isEqualTo(XrdResult.Verdict.CRYSTALLINE);
            assertThat(r.peaks()).extracting(XrdPeak::reflection).contains("Si(111)", "Si(220)", "Si(311)");
        }
    }

    @Test
    void copper_foil_peaks_are_fitted_but_left_out_of_the_index() {
        SyntheticScan gen = SyntheticScan.lab().aSiHalos().substratePeak(43.30, 0.15, 1500, 0.5)
                .substratePeak(50.43, 0.17, 700, 0.5);
        for (long seed : new long[] {11, 12, 13}) {
            XrdResult r = XrdAnalyzer.analyze(gen.scan("foil-" + seed, seed), S);
            assertThat(r.crystallinityIndex()).as(describe(r)).isCloseTo(0.0, offset(0.02));
            assertThat(r.peaks()).as(describe(r)).filteredOn(XrdPeak::substrate).extracting(XrdPeak::reflection)
                    .contains("Cu(111)", "Cu(200)");
        }
    }

    @Test
    void scherrer_size_follows_the_formula_with_instrument_broadening_removed_in_quadrature() {
        // β = √(0.5² − 0.08²)° = 0.49356° = 8.6142e-3 rad; cos 14.22° = 0.96936; D = 0.9·1.5406/(β cos θ) Å
        assertThat(XrdAnalyzer.scherrerNm(28.44, 0.5, 1.5406, S)).isCloseTo(16.605, offset(0.01));
        assertThat(XrdAnalyzer.scherrerNm(28.44, 0.07, 1.5406, S)).isNaN();
    }

    @Test
    void reflections_move_with_the_wavelength_by_braggs_law() {
        Reflection si111 = new Reflection("Si(111)", 28.44);
        assertThat(si111.dSpacingA()).isCloseTo(3.1357, offset(0.001));
        assertThat(si111.twoThetaDeg(1.78897)).isCloseTo(33.15, offset(0.02)); // Co Kα1
        assertThat(si111.twoThetaDeg(7.0)).isNaN();
    }

    @Test
    void a_flat_scan_without_scattering_is_refused() {
        SyntheticScan gen = SyntheticScan.lab();
        gen.b1 = 0;
        gen.b2 = 0;
        XrdPattern p = gen.scan("flat", 3);
        XrdSettings noHalos = new XrdSettings(1.5406, 0.9, 0.08, 2, List.of(), 3, 20, 1.5, 5, 0.3, XrdSettings.SILICON,
                XrdSettings.COPPER, 0.05);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> XrdAnalyzer.analyze(p, noHalos))
                .hasMessageContaining("no scattered intensity above the fitted background");
    }
}
