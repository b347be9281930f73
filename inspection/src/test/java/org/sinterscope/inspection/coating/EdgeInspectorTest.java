package org.sinterscope.inspection.coating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.Frame;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.FrameInspection;

/**
 * {@link EdgeInspector} through the coating inspection: notches and bulges of known depth and
 * length drawn on either coating edge of a synthetic frame (coating [224, 1824) px, noise σ 3).
 * Depth within 1 px (0.05 mm), length within 4 lines (0.2 mm), start line within 3 lines.
 */
class EdgeInspectorTest {

    private static final int COAT0 = 224;
    private static final int COAT1 = 1824;

    private final CoatingInspector inspector = new CoatingInspector(CoatingInspectorConfig.defaults());

    static Stream<Arguments> edges() {
        // left edge?, notch?, depth px, first row, rows
        return Stream.of(
                Arguments.of(true, true, 12, 100, 40),
                Arguments.of(true, false, 10, 300, 60),
                Arguments.of(false, true, 20, 50, 30),
                Arguments.of(false, false, 16, 380, 100),
                Arguments.of(true, true, 30, 200, 16));
    }

    @ParameterizedTest(name = "left {0}, notch {1}: {2} px deep over rows [{3}, +{4})")
    @MethodSource("edges")
    void a_notch_or_bulge_of_known_depth_and_length_is_found_where_it_is(boolean left, boolean notch, int depth, int r0,
                                                                          int rows) {
        SyntheticWeb web = new SyntheticWeb(2048, 512, 64, 1984, COAT0, COAT1);
        // a notch moves the edge into the coating, a bulge out over the copper
        if (left) {
            web.edgeShift(r0, r0 + rows, notch ? COAT0 : COAT0 - depth, notch ? COAT0 + depth : COAT0, !notch);
        } else {
            web.edgeShift(r0, r0 + rows, notch ? COAT1 - depth : COAT1, notch ? COAT1 : COAT1 + depth, !notch);
        }
        try (Frame f = web.frame(3, r0)) {
            FrameInspection fi = inspector.inspect(f);
            List<Defect> found = fi.defects().stream().filter(d -> d.detector().equals("edge")).toList();
            assertThat(found).as("edge defects: %s", fi.defects()).hasSize(1);
            Defect d = found.get(0);
            assertThat(d.defectClass()).isEqualTo(DefectClass.EDGE);
            assertThat(d.measurement("side")).isEqualTo(left ? 0.0 : 1.0);
            assertThat(d.measurement("notch")).isEqualTo(notch ? 1.0 : 0.0);
            assertThat(d.measurement("depthMm")).isCloseTo(SyntheticWeb.mm(depth), within(0.05));
            assertThat(d.measurement("lengthMm")).isCloseTo(SyntheticWeb.mm(rows), within(0.2));
            assertThat(d.boundsPx().y()).isCloseTo(r0, within(3));
            // the rest of the edge stays where it was drawn
            assertThat(left ? fi.coating().leftEdgeMm() : fi.coating().rightEdgeMm())
                    .isCloseTo(SyntheticWeb.mm(left ? COAT0 : COAT1), within(0.025));
            assertThat(fi.defects()).as("nothing but the edge defect").hasSize(1);
        }
    }

    static Stream<Arguments> shallow() {
        // a deviation below edgeMinDepthMm (0.4 mm = 8 px) or shorter than edgeMinLengthMm (0.5 mm = 10 lines)
        return Stream.of(Arguments.of(6, 80), Arguments.of(12, 6));
    }

    @ParameterizedTest(name = "{0} px deep over {1} rows")
    @MethodSource("shallow")
    void a_deviation_below_the_minimum_depth_or_length_is_not_a_defect(int depth, int rows) {
        SyntheticWeb web = new SyntheticWeb(2048, 512, 64, 1984, COAT0, COAT1);
        web.edgeShift(200, 200 + rows, COAT0, COAT0 + depth, false);
        try (Frame f = web.frame(3, 17)) {
            assertThat(inspector.inspect(f).defects()).isEmpty();
        }
    }
}
