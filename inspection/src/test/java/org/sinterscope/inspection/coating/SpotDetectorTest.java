package org.sinterscope.inspection.coating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.Frame;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.FrameInspection;

/**
 * {@link SpotDetector} through the coating inspection: discs and lines of known size and grey on
 * a synthetic frame (coating [224, 1824) px, noise σ 3). Area-equivalent diameter within 1 px
 * (0.05 mm), centre within 1 px, the class from the drawn kind; scratches: centre column within 1 px,
 * width within 2 px, length within the along-web averaging window (1.25 mm) of the drawn length.
 */
class SpotDetectorTest {

    private final CoatingInspector inspector = new CoatingInspector(CoatingInspectorConfig.defaults());

    static Stream<Arguments> discs() {
        // centre x, centre y, diameter px, grey, expected class
        return Stream.of(
                Arguments.of(1000.0, 256.0, 14.0, 180.0, DefectClass.PINHOLE),
                Arguments.of(600.5, 100.5, 6.0, 160.0, DefectClass.PINHOLE),
                Arguments.of(1400.0, 300.0, 40.0, 200.0, DefectClass.UNCOATED),
                Arguments.of(800.0, 400.0, 16.0, 20.0, DefectClass.AGGLOMERATE),
                Arguments.of(1700.0, 60.0, 10.0, 25.0, DefectClass.AGGLOMERATE));
    }

    @ParameterizedTest(name = "{4}: {2} px disc at ({0}, {1}), grey {3}")
    @MethodSource("discs")
    void a_disc_of_known_diameter_is_found_where_it_is(double cx, double cy, double diameterPx, double grey,
                                                       DefectClass expected) {
        SyntheticWeb web = new SyntheticWeb(2048, 512, 64, 1984, 224, 1824).disc(cx, cy, diameterPx, grey);
        try (Frame f = web.frame(3, (long) cx)) {
            FrameInspection fi = inspector.inspect(f);
            assertThat(fi.defects()).as("defects: %s", fi.defects()).hasSize(1);
            Defect d = fi.defects().get(0);
            assertThat(d.detector()).isEqualTo("spot");
            assertThat(d.defectClass()).isEqualTo(expected);
            assertThat(d.measurement("diameterMm")).isCloseTo(SyntheticWeb.mm(diameterPx), within(0.05));
            assertThat(d.boundsPx().x() + d.boundsPx().width() / 2.0).isCloseTo(cx, within(1.0));
            assertThat(d.boundsPx().y() + d.boundsPx().height() / 2.0).isCloseTo(cy, within(1.0));
            assertThat(Math.signum(d.measurement("contrastGrey"))).isEqualTo(Math.signum(grey - SyntheticWeb.COATING));
        }
    }

    static Stream<Arguments> scratches() {
        // column, width px, first row, rows, contrast grey
        return Stream.of(
                Arguments.of(900, 3, 100, 300, 40.0),
                Arguments.of(1300, 2, 20, 400, 16.0),
                Arguments.of(500, 4, 0, 200, 60.0));
    }

    @ParameterizedTest(name = "{1} px wide at column {0}, rows [{2}, +{3}), {4} grey")
    @MethodSource("scratches")
    void a_scratch_of_known_length_is_found_where_it_is(int c, int width, int r0, int rows, double contrast) {
        SyntheticWeb web = new SyntheticWeb(2048, 512, 64, 1984, 224, 1824).band(r0, r0 + rows, c, c + width, contrast);
        try (Frame f = web.frame(3, c)) {
            FrameInspection fi = inspector.inspect(f);
            List<Defect> found = fi.defects().stream().filter(d -> d.defectClass() == DefectClass.SCRATCH).toList();
            assertThat(found).as("defects: %s", fi.defects()).hasSize(1);
            assertThat(fi.defects()).hasSize(1);
            Defect d = found.get(0);
            // scratches are found after the along-web averaging over scratchWindowMm (1.25 mm), which
            // moves each end by up to half that window: out for a strong scratch, in for a faint one
            assertThat(d.measurement("lengthMm")).as("%s", d).isCloseTo(SyntheticWeb.mm(rows), within(1.25));
            assertThat(d.measurement("widthMm")).isCloseTo(SyntheticWeb.mm(width), within(0.1));
            assertThat(d.boundsPx().x() + d.boundsPx().width() / 2.0).isCloseTo(c + width / 2.0, within(1.0));
        }
    }

    @Test
    void mean_absolute_residual_is_what_core_mean_gives_of_bright_plus_dark() {
        SyntheticWeb web = new SyntheticWeb(700, 300, 0, 700, 100, 600);
        try (org.sinterscope.camera.Mats m = new org.sinterscope.camera.Mats()) {
            org.opencv.core.Mat a = m.add(web.image(9, 1));
            org.opencv.core.Mat b = m.add(web.image(9, 2));
            org.opencv.core.Mat bright = m.mat();
            org.opencv.core.Mat dark = m.mat();
            org.opencv.core.Mat abs = m.mat();
            org.opencv.core.Core.subtract(a, b, bright);
            org.opencv.core.Core.subtract(b, a, dark);
            org.opencv.core.Core.add(bright, dark, abs);
            assertThat(SpotDetector.meanAbsResidual(bright, dark)).isEqualTo(org.opencv.core.Core.mean(abs).val[0]);
        }
    }

    @Test
    void clean_noisy_coating_gives_no_spot() {
        SyntheticWeb web = new SyntheticWeb(2048, 512, 64, 1984, 224, 1824);
        for (long seed = 1; seed <= 3; seed++) {
            try (Frame f = web.frame(4, seed)) {
                assertThat(inspector.inspect(f).defects()).isEmpty();
            }
        }
    }
}
