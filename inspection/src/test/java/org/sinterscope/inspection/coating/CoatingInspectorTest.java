package org.sinterscope.inspection.coating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sinterscope.camera.Frame;
import org.sinterscope.inspection.CoatingUniformity;
import org.sinterscope.inspection.FrameInspection;

/**
 * Coating edges, width and CD uniformity on synthetic frames of known geometry (2048 × 512 px at
 * 50 µm): edges within half a pixel (0.025 mm), width within one pixel, the CV of a known linear
 * coat-weight ramp within 0.3 percentage points, and no defect on clean web.
 */
class CoatingInspectorTest {

    private final CoatingInspector inspector = new CoatingInspector(CoatingInspectorConfig.defaults());

    static Stream<Arguments> bands() {
        // coat0, coat1 (columns), noise sigma, ramp half-amplitude (grey), seed
        return Stream.of(
                Arguments.of(224, 1824, 0.0, 0.0, 1L),
                Arguments.of(224, 1824, 3.0, 0.0, 2L),
                Arguments.of(300, 1700, 5.0, 0.0, 3L),
                Arguments.of(257, 1791, 3.0, 4.0, 4L),
                Arguments.of(240, 1600, 3.0, 8.0, 5L));
    }

    @ParameterizedTest(name = "coating [{0}, {1}) px, noise {2}, ramp ±{3}")
    @MethodSource("bands")
    void edges_width_and_cv_match_the_drawn_coating(int coat0, int coat1, double sigma, double ramp, long seed) {
        SyntheticWeb web = new SyntheticWeb(2048, 512, 64, 1984, coat0, coat1);
        // linear coat-weight ramp from -ramp to +ramp grey across the band
        for (int c = coat0; c < coat1; c++) {
            web.band(0, 512, c, c + 1, -ramp + 2 * ramp * (c + 0.5 - coat0) / (coat1 - coat0));
        }
        try (Frame f = web.frame(sigma, seed)) {
            FrameInspection fi = inspector.inspect(f);
            CoatingUniformity u = fi.coating();
            assertThat(u.found()).isTrue();
            assertThat(u.leftEdgeMm()).isCloseTo(SyntheticWeb.mm(coat0), within(0.025));
            assertThat(u.rightEdgeMm()).isCloseTo(SyntheticWeb.mm(coat1), within(0.025));
            assertThat(u.widthMm()).isCloseTo(SyntheticWeb.mm(coat1 - coat0), within(0.05));
            assertThat(u.meanGrey()).isCloseTo(SyntheticWeb.COATING, within(1.0));
            // the CV is taken over the band without 1 mm (20 px) at each side: a ramp of ±ramp over
            // the band has sd = slope · n / √12 over those n columns
            int n = coat1 - coat0 - 40;
            double sd = 2 * ramp / (coat1 - coat0) * n / Math.sqrt(12);
            double cv = 100 * Math.sqrt(sd * sd + sigma * sigma / (512.0 * 0.9)) / SyntheticWeb.COATING;
            assertThat(u.cvPercent()).as("CV %% of the CD profile").isCloseTo(cv, within(0.3));
            assertThat(u.streaks()).isEmpty();
            assertThat(fi.defects()).as("defects on clean synthetic web").isEmpty();
        }
    }

    @ParameterizedTest(name = "frame of {0} x {1}")
    @MethodSource("sizes")
    void a_frame_without_a_coated_band_gives_no_coating_and_no_defects(int w, int h) {
        // bare copper over the whole foil: no dark run between bright margins
        SyntheticWeb web = new SyntheticWeb(w, h, 32, w - 32, 0, 0);
        try (Frame f = web.frame(3, 9)) {
            FrameInspection fi = inspector.inspect(f);
            assertThat(fi.coating().found()).isFalse();
            assertThat(fi.defects()).isEmpty();
        }
    }

    static Stream<Arguments> sizes() {
        return Stream.of(Arguments.of(512, 64), Arguments.of(2048, 512));
    }
}
