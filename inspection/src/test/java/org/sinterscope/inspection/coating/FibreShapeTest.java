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

/**
 * A thin bright line 66 px (3.3 mm) long, +65 grey on the synthetic coating (grey 70, noise σ 3):
 * straight or gently curved (radius ≥ 20 × its length) it is one scratch of about its length, in
 * every direction; bent like the simulator's fibres (an arc turning 0.5–1.0 rad, an S-curve) it is a
 * fibre lying on the coating and nothing is reported. Directions within ≈ 15° of the web's are left
 * out: the along-web scratch detector (averaging along the web, no shape check) finds those.
 */
class FibreShapeTest {

    private static final double LENGTH_PX = 66;

    private static List<Defect> inspect(double angleDeg, double turnRad, boolean sCurve, long seed) {
        SyntheticWeb web = new SyntheticWeb(2048, 512, 64, 1984, 224, 1824)
                .path(1000.5, 220.5, Math.toRadians(angleDeg), LENGTH_PX, turnRad, sCurve, 65);
        try (Frame f = web.frame(3, seed)) {
            return new CoatingInspector(CoatingInspectorConfig.defaults()).inspect(f).defects();
        }
    }

    static Stream<Arguments> scratches() {
        // angle deg, total turn rad (0 straight; 0.05 = radius 20 × length), noise seed
        return Stream.of(Arguments.of(10, 0.0, 1), Arguments.of(30, 0.0, 2), Arguments.of(45, 0.0, 3),
                Arguments.of(60, 0.0, 4), Arguments.of(70, 0.0, 5), Arguments.of(135, 0.0, 6),
                Arguments.of(20, 0.05, 7), Arguments.of(70, -0.05, 8));
    }

    @ParameterizedTest(name = "line at {0} deg turning {1} rad")
    @MethodSource("scratches")
    void a_straight_or_gently_curved_line_is_a_scratch_of_its_length(double angleDeg, double turnRad, long seed) {
        List<Defect> found = inspect(angleDeg, turnRad, false, seed);
        assertThat(found).as("defects: %s", found).hasSize(1);
        Defect d = found.get(0);
        assertThat(d.defectClass()).isEqualTo(DefectClass.SCRATCH);
        assertThat(d.measurement("lengthMm")).isCloseTo(SyntheticWeb.mm(LENGTH_PX), within(0.25));
        assertThat(d.measurement("bendRatio")).isLessThan(CoatingInspectorConfig.defaults().spotLineMaxBend());
    }

    static Stream<Arguments> fibres() {
        // angle deg, total turn rad, S-curve, noise seed
        return Stream.of(Arguments.of(10, 0.5, false, 11), Arguments.of(40, 0.7, false, 12), Arguments.of(75, -1.0, false, 13),
                Arguments.of(120, 0.6, false, 14), Arguments.of(25, 0.5, true, 15), Arguments.of(65, 0.8, true, 16));
    }

    @ParameterizedTest(name = "fibre at {0} deg turning {1} rad, S {2}")
    @MethodSource("fibres")
    void a_curved_thin_line_is_a_fibre_and_not_reported(double angleDeg, double turnRad, boolean sCurve, long seed) {
        List<Defect> found = inspect(angleDeg, turnRad, sCurve, seed);
        assertThat(found).as("defects: %s", found).isEmpty();
    }
}
