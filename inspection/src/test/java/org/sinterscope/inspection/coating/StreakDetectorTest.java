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
import org.sinterscope.inspection.Streak;

/**
 * {@link StreakDetector} through the coating inspection: bands of known contrast and width along
 * the web on a synthetic frame (coating [224, 1824) px, 512 lines = 4 stripes of 6.4 mm, noise σ 5).
 * Sides within 1 px (0.05 mm), contrast within 1 grey level, start and end within one stripe
 * (the detector locates a streak stripe by stripe); bands outside the width limits are no streaks.
 */
class StreakDetectorTest {

    private final CoatingInspector inspector = new CoatingInspector(CoatingInspectorConfig.defaults());

    static Stream<Arguments> streaks() {
        // first column, width px, contrast grey, first row, end row
        return Stream.of(
                Arguments.of(700, 30, 8.0, 0, 512),
                Arguments.of(1200, 60, -6.0, 0, 512),
                Arguments.of(500, 20, 10.0, 128, 512),
                Arguments.of(1500, 80, -12.0, 0, 384),
                Arguments.of(900, 12, 7.0, 0, 512));
    }

    @ParameterizedTest(name = "{1} px at column {0}, {2} grey, rows [{3}, {4})")
    @MethodSource("streaks")
    void a_streak_of_known_contrast_and_width_is_found_where_it_is(int c0, int width, double contrast, int r0, int r1) {
        SyntheticWeb web = new SyntheticWeb(2048, 512, 64, 1984, 224, 1824).band(r0, r1, c0, c0 + width, contrast);
        try (Frame f = web.frame(5, c0)) {
            FrameInspection fi = inspector.inspect(f);
            List<Streak> streaks = fi.coating().streaks();
            assertThat(streaks).hasSize(1);
            Streak s = streaks.get(0);
            assertThat(s.x0Mm()).isCloseTo(SyntheticWeb.mm(c0), within(0.05));
            assertThat(s.x1Mm()).isCloseTo(SyntheticWeb.mm(c0 + width), within(0.05));
            assertThat(s.contrastGrey()).isCloseTo(contrast, within(1.0));
            List<Defect> defects = fi.defects();
            assertThat(defects).as("only the streak: %s", defects).hasSize(1);
            Defect d = defects.get(0);
            assertThat(d.defectClass()).isEqualTo(DefectClass.STREAK);
            assertThat(d.boundsPx().y()).isCloseTo(r0, within(128));
            assertThat(d.boundsPx().y1()).isCloseTo(r1, within(128));
            assertThat(d.measurement("widthMm")).isCloseTo(SyntheticWeb.mm(width), within(0.1));
        }
    }

    static Stream<Arguments> notStreaks() {
        // width px, contrast, first row, end row: too narrow, too wide, too faint, too short
        return Stream.of(
                Arguments.of(6, 10.0, 0, 512),
                Arguments.of(120, 10.0, 0, 512),
                Arguments.of(40, 2.0, 0, 512),
                Arguments.of(40, 10.0, 0, 200));
    }

    @ParameterizedTest(name = "{0} px, {1} grey, rows [{2}, {3})")
    @MethodSource("notStreaks")
    void bands_outside_the_streak_limits_are_no_streaks(int width, double contrast, int r0, int r1) {
        SyntheticWeb web = new SyntheticWeb(2048, 512, 64, 1984, 224, 1824).band(r0, r1, 1000, 1000 + width, contrast);
        try (Frame f = web.frame(5, width)) {
            FrameInspection fi = inspector.inspect(f);
            assertThat(fi.coating().streaks()).isEmpty();
            assertThat(fi.defects()).noneMatch(d -> d.detector().equals("streak"));
        }
    }
    static Stream<Arguments> midFrame() {
        // first row, end row of a 40 px, +10 grey band in a 512-line frame (stripes of 128 lines)
        return Stream.of(
                Arguments.of(60, 512),
                Arguments.of(150, 512),
                Arguments.of(0, 450),
                Arguments.of(0, 330),
                Arguments.of(100, 470),
                Arguments.of(20, 500));
    }

    /**
     * A streak that starts or ends inside the frame: the reported rows are within one stripe (128
     * lines, 6.4 mm) of the drawn ones, and the defect says it may continue across a frame edge
     * exactly when its reported extent touches that edge (always when the drawn one does), by
     * streakMinStripes × stripe length = 19.2 mm.
     */
    @ParameterizedTest(name = "rows [{0}, {1})")
    @MethodSource("midFrame")
    void a_streak_starting_or_ending_mid_frame_is_reported_within_one_stripe(int r0, int r1) {
        SyntheticWeb web = new SyntheticWeb(2048, 512, 64, 1984, 224, 1824).band(r0, r1, 1000, 1040, 10.0);
        try (Frame f = web.frame(5, r0 * 31 + r1)) {
            List<Defect> defects = inspector.inspect(f).defects();
            assertThat(defects).as("only the streak: %s", defects).hasSize(1);
            Defect d = defects.get(0);
            assertThat(d.defectClass()).isEqualTo(DefectClass.STREAK);
            assertThat(d.boundsPx().y()).as("first row").isBetween(r0 - 127, r0 + 127);
            assertThat(d.boundsPx().y1()).as("end row").isBetween(r1 - 127, r1 + 127);
            double before = d.measurement(Defect.MAY_CONTINUE_BEFORE_MM);
            double after = d.measurement(Defect.MAY_CONTINUE_AFTER_MM);
            if (d.boundsPx().y() == 0) {
                assertThat(before).isCloseTo(19.2, within(1e-9));
            } else {
                assertThat(before).isNaN();
            }
            if (d.boundsPx().y1() == 512) {
                assertThat(after).isCloseTo(19.2, within(1e-9));
            } else {
                assertThat(after).isNaN();
            }
            if (r0 == 0) {
                assertThat(before).isCloseTo(19.2, within(1e-9));
            }
            if (r1 == 512) {
                assertThat(after).isCloseTo(19.2, within(1e-9));
            }
        }
    }
}
