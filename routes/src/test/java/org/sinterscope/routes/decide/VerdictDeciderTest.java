package org.sinterscope.routes.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.PixelRect;
import org.sinterscope.camera.WebRect;
import org.sinterscope.inspection.CoatingUniformity;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.SegmentVerdict;

/** The decider on hand-made inspections against the default recipe (si-anode-160, margin 5 mm). */
class VerdictDeciderTest {

    private final VerdictDecider decider = new VerdictDecider(RecipeLoader.defaults());

    /** A coating inside every limit: width 160 mm, operator-side edge at 15 mm, CV 2 %. */
    private static CoatingUniformity goodCoating() {
        return coating(15, 175, 2);
    }

    private static CoatingUniformity coating(double left, double right, double cv) {
        return new CoatingUniformity(left, right, 120, cv, 1, left, new float[] {120f}, List.of());
    }

    private static FrameInspection frame(CoatingUniformity c, List<Defect> defects) {
        return new FrameInspection("cam-1", 3, Instant.EPOCH, 100, 151.2, 4.2, c, defects, 0, "");
    }

    private static Defect defect(DefectClass c, String sizeName, double size, double y0, double y1, String detector) {
        return new Defect(c, 0.9, new WebRect(50, y0, 51, y1), new PixelRect(0, 0, 1, 1), Map.of(sizeName, size), detector);
    }

    @Test
    void a_clean_frame_with_a_good_coating_passes() {
        SegmentVerdict v = decider.decide(frame(goodCoating(), List.of()));
        assertThat(v.reject()).isFalse();
        assertThat(v.rejects()).isEmpty();
    }

    /** class, size measurement, size, rejects? (default recipe minimums: pinhole 0.10, agglomerate 0.30, scratch 3.0, streak 0.5, edge 0.4) */
    @ParameterizedTest(name = "{0} {1} {2} mm → reject {3}")
    @CsvSource({
            "PINHOLE, diameterMm, 0.09, false",
            "PINHOLE, diameterMm, 0.10, true",
            "AGGLOMERATE, diameterMm, 0.29, false",
            "AGGLOMERATE, diameterMm, 0.31, true",
            "SCRATCH, lengthMm, 2.9, false",
            "SCRATCH, lengthMm, 3.0, true",
            "STREAK, widthMm, 0.4, false",
            "STREAK, widthMm, 0.6, true",
            "EDGE, depthMm, 0.3, false",
            "EDGE, depthMm, 0.5, true",
            "UNCOATED, diameterMm, 0.01, true",
    })
    void a_defect_rejects_from_its_class_minimum_size_with_the_margin(DefectClass c, String sizeName, double size, boolean rejects) {
        SegmentVerdict v = decider.decide(frame(goodCoating(), List.of(defect(c, sizeName, size, 120, 121, "spot"))));
        assertThat(v.reject()).isEqualTo(rejects);
        if (rejects) {
            assertThat(v.rejects()).singleElement().satisfies(s -> {
                assertThat(s.y0Mm()).isEqualTo(115.0); // 120 − 5 mm margin
                assertThat(s.y1Mm()).isEqualTo(126.0); // 121 + 5 mm margin
                assertThat(s.causes()).containsExactly(c.label());
            });
        }
    }

    /** A streak that may continue across the frame edges: its stretch grows by what the detector says, past the margin. */
    @ParameterizedTest(name = "may continue {0} mm before, {1} mm after → [{2}, {3}]")
    @CsvSource({
            "NaN, NaN, 95.0, 156.2",
            "19.2, NaN, 75.8, 156.2",
            "NaN, 19.2, 95.0, 175.4",
            "19.2, 19.2, 75.8, 175.4",
            "-3, Infinity, 95.0, 156.2",
    })
    void a_streak_touching_the_frame_edge_rejects_as_far_as_it_may_continue(double before, double after, double y0, double y1) {
        Map<String, Double> m = new HashMap<>(Map.of("widthMm", 1.0));
        if (!Double.isNaN(before)) {
            m.put(Defect.MAY_CONTINUE_BEFORE_MM, before);
        }
        if (!Double.isNaN(after)) {
            m.put(Defect.MAY_CONTINUE_AFTER_MM, after);
        }
        Defect streak = new Defect(DefectClass.STREAK, 0.9, new WebRect(50, 100, 51, 151.2), new PixelRect(0, 0, 1, 1), m, "streak");
        SegmentVerdict v = decider.decide(frame(goodCoating(), List.of(streak)));
        assertThat(v.rejects()).singleElement().satisfies(s -> {
            assertThat(s.y0Mm()).isCloseTo(y0, within(1e-9));
            assertThat(s.y1Mm()).isCloseTo(y1, within(1e-9));
        });
    }

    /** left edge, right edge, CV %, the cause expected (none: passes). Limits: width 158..162, edge 13..17, CV ≤ 5. */
    @ParameterizedTest(name = "coating [{0}, {1}] mm, CV {2} % → {3}")
    @CsvSource({
            "15, 175, 4.9, none",
            "15, 172, 2, coating-width",
            "15, 178, 2, coating-width",
            "12, 171, 2, coating-edge",
            "18, 177, 2, coating-edge",
            "15, 175, 5.1, coating-cv",
    })
    void a_coating_out_of_its_limits_rejects_the_whole_segment(double left, double right, double cv, String cause) {
        SegmentVerdict v = decider.decide(frame(coating(left, right, cv), List.of()));
        if (cause.equals("none")) {
            assertThat(v.reject()).isFalse();
            return;
        }
        assertThat(v.rejects()).singleElement().satisfies(s -> {
            assertThat(s.y0Mm()).isEqualTo(95.0);
            assertThat(s.y1Mm()).isEqualTo(156.2);
            assertThat(s.causes()).containsExactly(cause);
        });
    }

    @Test
    void a_frame_without_coating_or_not_inspected_rejects_its_whole_segment() {
        assertThat(decider.decide(frame(CoatingUniformity.none(), List.of())).rejects()).singleElement()
                .satisfies(s -> assertThat(s.causes()).containsExactly("coating-missing"));
        SegmentVerdict failed = decider.decide(FrameInspection.failed("cam-1", 4, Instant.EPOCH, 100, 151.2, 4.2, "decode error"));
        assertThat(failed.rejects()).singleElement().satisfies(s -> {
            assertThat(s.causes()).containsExactly("uninspected");
            assertThat(s.y0Mm()).isEqualTo(95.0);
            assertThat(s.y1Mm()).isEqualTo(156.2);
        });
    }

    @Test
    void overlapping_stretches_merge_and_keep_every_cause() {
        SegmentVerdict v = decider.decide(frame(goodCoating(), List.of(
                defect(DefectClass.PINHOLE, "diameterMm", 0.4, 110, 111, "spot"),
                defect(DefectClass.SCRATCH, "lengthMm", 5, 114, 119, "scratch"),
                defect(DefectClass.AGGLOMERATE, "diameterMm", 0.5, 140, 141, "spot"))));
        assertThat(v.rejects()).hasSize(2);
        assertThat(v.rejects().get(0)).satisfies(s -> {
            assertThat(s.y0Mm()).isEqualTo(105.0);
            assertThat(s.y1Mm()).isEqualTo(124.0);
            assertThat(s.causes()).containsExactly("pinhole", "scratch");
        });
        assertThat(v.rejects().get(1).causes()).containsExactly("agglomerate");
    }

    @Test
    void an_uncertain_defect_follows_the_recipes_uncertain_policy() {
        Defect unsure = defect(DefectClass.PINHOLE, "diameterMm", 0.4, 120, 121, VerdictDecider.UNCERTAIN);
        assertThat(decider.decide(frame(goodCoating(), List.of(unsure))).reject()).isTrue(); // default recipe: reject
        Recipe r = RecipeLoader.defaults();
        VerdictDecider passing = new VerdictDecider(new Recipe(r.product(), r.rejectMarginMm(), r.defects(), r.coating(),
                Recipe.UncertainPolicy.PASS, r.foil(), r.crack()));
        assertThat(passing.decide(frame(goodCoating(), List.of(unsure))).reject()).isFalse();
    }
}
