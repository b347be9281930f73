package org.sinterscope.simulator.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.PixelRect;
import org.sinterscope.camera.WebRect;
import org.sinterscope.inspection.CoatingUniformity;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.routes.reject.RejectCommand;
import org.sinterscope.simulator.line.DefectPlan;
import org.sinterscope.simulator.line.InjectedDefect;
import org.sinterscope.simulator.line.Lookalike;

class StrictScoreTest {

    /** Injected box [10, 100, 12, 102] mm (x0, y0, x1, y1); a detection box; matches? */
    @ParameterizedTest(name = "detection [{0}, {1}, {2}, {3}] → {4}")
    @CsvSource({
            "10, 100, 12, 102, true",    // the same box
            "10.5, 100.5, 11.5, 101.5, true", // inside
            "12, 102, 13, 103, true",   // beside it, within the 1 mm tolerance
            "14.5, 100, 15.5, 102, false", // centre 3 mm off in x
            "0, 90, 40, 130, false",     // a huge box around it: centre inside, but mostly elsewhere
            "11, 101, 31, 101.5, false", // touches, centre 10 mm away
    })
    void a_detection_matches_by_centre_and_overlap(double x0, double y0, double x1, double y1, boolean expected) {
        assertThat(StrictScore.matches(new WebRect(x0, y0, x1, y1), new WebRect(10, 100, 12, 102))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "spans {0} cover [100, 200]: {1}")
    @CsvSource(delimiter = ';', value = {
            "90 210; true",
            "90 150, 150 210; true",
            "90 150, 151 210; false",   // a 1 mm gap
            "100 199.9; false",         // short of the end
            "120 210; false",           // starts late
            "150 210, 90 160; true",    // order does not matter
    })
    void a_defect_is_rejected_only_when_in_time_stretches_cover_its_whole_extent(String spans, boolean expected) {
        List<double[]> s = java.util.Arrays.stream(spans.split(",")).map(String::trim)
                .map(p -> new double[] {Double.parseDouble(p.split(" ")[0]), Double.parseDouble(p.split(" ")[1])}).toList();
        assertThat(StrictScore.covers(s, 100, 200)).isEqualTo(expected);
    }

    private static Defect det(DefectClass c, double x0, double y0, double x1, double y1) {
        return new Defect(c, 0.9, new WebRect(x0, y0, x1, y1), new PixelRect(0, 0, 1, 1), Map.of(), "spot");
    }

    private static StrictScore.FiredStretch fired(double y0, double y1, boolean inTime, String cause) {
        return new StrictScore.FiredStretch(new RejectCommand("c" + y0, "s", "m", y0, y1, List.of(cause), List.of(), y0 + 1000,
                Instant.now(), Instant.now(), 0), inTime);
    }

    @Test
    void a_run_is_scored_per_class_with_confusions_precision_and_false_rejects_by_cause() {
        InjectedDefect pin = new InjectedDefect(1, DefectClass.PINHOLE, new WebRect(10, 100, 10.4, 100.4), 0.4, 100);
        InjectedDefect streak = new InjectedDefect(2, DefectClass.STREAK, new WebRect(50, 100, 51, 300), 1, 20);
        InjectedDefect agg = new InjectedDefect(3, DefectClass.AGGLOMERATE, new WebRect(80, 400, 80.6, 400.6), 0.6, 60);
        Lookalike dust = new Lookalike(1, Lookalike.Kind.DUST, 30, 500, 0.3, 40, 1);
        DefectPlan plan = new DefectPlan(List.of(pin, streak, agg), List.of(dust));
        FrameInspection f = new FrameInspection("cam", 1, Instant.now(), 0, 600, 1, CoatingUniformity.none(), List.of(
                det(DefectClass.PINHOLE, 10, 100, 10.4, 100.4),    // right class
                det(DefectClass.STREAK, 50, 100, 51, 200),         // part of the streak: matches
                det(DefectClass.PINHOLE, 80, 400, 80.6, 400.6),    // the agglomerate, as a pinhole: confusion
                det(DefectClass.PINHOLE, 30, 500, 30.3, 500.3)),   // the dust: a false detection
                0, "");
        List<StrictScore.FiredStretch> fired = List.of(
                fired(95, 105, true, "pinhole"),     // covers the pinhole
                fired(95, 250, true, "streak"),      // covers only part of the streak
                fired(395, 405, false, "pinhole"),   // late: the agglomerate is not rejected
                fired(495, 505, true, "pinhole"),    // the dust: a false reject from a look-alike
                fired(550, 560, true, "coating-width")); // a measurement false reject
        StrictScore.Result r = StrictScore.score(plan, List.of(f), fired, 0.6);

        assertThat(r.byClass().get("pinhole")).isEqualTo(new StrictScore.ClassRow(1, 1, 1, 3, 1, 1, 1));
        assertThat(r.byClass().get("streak")).isEqualTo(new StrictScore.ClassRow(1, 1, 0, 1, 1, 0, 0));
        assertThat(r.byClass().get("agglomerate")).isEqualTo(new StrictScore.ClassRow(1, 0, 0, 0, 0, 0, 0));
        assertThat(r.byClass().get("pinhole").precision()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(r.confusion()).containsEntry("agglomerate", Map.of("pinhole", 1)).containsEntry("pinhole", Map.of("pinhole", 1))
                .containsEntry(StrictScore.NONE, Map.of("pinhole", 1));
        assertThat(r.falseRejects()).isEqualTo(2);
        assertThat(r.falseRejectsByCause()).containsEntry("look-alike", 1).containsEntry("measurement", 1).containsEntry("nothing", 0);
        assertThat(r.falseRejectList()).extracting(StrictScore.FalseReject::cause).containsExactly("look-alike", "measurement");
        assertThat(r.falseRejectList().get(0).lookalikes()).containsExactly("dust 0.30 mm, +40 grey");
        assertThat(r.falseRejectList().get(1).causes()).containsExactly("coating-width");
        // the streak: 150 of its 200 mm covered in time; the agglomerate: covered only by a late stretch
        assertThat(r.missed()).extracting(StrictScore.Miss::id, StrictScore.Miss::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "partly covered"), org.assertj.core.groups.Tuple.tuple(3L, "late"));
        assertThat(r.missed().get(0).coveredFraction()).isCloseTo(0.75, within(1e-9));
        assertThat(r.missed().get(1).matchedAs()).isEqualTo("pinhole");
    }

    @Test
    void a_missed_defect_says_whether_it_was_detected() {
        InjectedDefect seen = new InjectedDefect(1, DefectClass.CRACK, new WebRect(10, 100, 11, 101), 1, 0);
        InjectedDefect unseen = new InjectedDefect(2, DefectClass.CRACK, new WebRect(10, 200, 11, 201), 1, 0);
        FrameInspection f = new FrameInspection("cam", 1, Instant.now(), 0, 300, 1, CoatingUniformity.none(),
                List.of(det(DefectClass.CRACK, 10, 100, 11, 101)), 0, "");
        StrictScore.Result r = StrictScore.score(new DefectPlan(List.of(seen, unseen)), List.of(f), List.of(), 0.3);
        assertThat(r.missed()).extracting(StrictScore.Miss::reason).containsExactly("detected, not rejected", "not detected");
        assertThat(r.missed()).extracting(StrictScore.Miss::matchedAs).containsExactly("crack", StrictScore.NONE);
    }

    @ParameterizedTest(name = "spans {0} cover {1} of [100, 200]")
    @CsvSource(delimiter = ';', value = {
            "90 210; 1.0",
            "90 150; 0.5",
            "90 150, 120 160; 0.6",     // overlapping spans counted once
            "120 130, 180 190; 0.2",
            "; 0.0",
    })
    void the_covered_fraction_counts_overlapping_spans_once(String spans, double expected) {
        List<double[]> s = spans == null ? List.of() : java.util.Arrays.stream(spans.split(",")).map(String::trim)
                .map(p -> new double[] {Double.parseDouble(p.split(" ")[0]), Double.parseDouble(p.split(" ")[1])}).toList();
        assertThat(StrictScore.coveredFraction(s, 100, 200)).isCloseTo(expected, within(1e-12));
    }

    /** Garwood's exact one-sided 95 % upper bounds: χ²(0.95; 2k + 2) / 2. */
    @ParameterizedTest(name = "Poisson 95 % upper bound after {0} events = {1}")
    @CsvSource({"0, 2.995732", "1, 4.743865", "2, 6.295794", "10, 16.962219", "100, 118.08"})
    void poisson_upper_bound_matches_the_chi_square_table(int k, double expected) {
        assertThat(SeedPool.poissonUpper95(k)).isCloseTo(expected, within(expected > 100 ? 0.01 : 1e-5));
    }

    @ParameterizedTest(name = "Wilson lower bound of {0}/{1} = {2}")
    @CsvSource({"60, 60, 0.93983", "5, 10, 0.23659", "0, 10, 0.0", "150, 150, 0.97503", "73, 75, 0.90789"})
    void wilson_lower_bound_matches_the_formula(int k, int n, double expected) {
        assertThat(SeedPool.wilsonLower(k, n)).isCloseTo(expected, within(1e-5));
    }

    @Test
    void seeds_pool_their_counts_and_false_rejects_per_100_m() {
        StrictScore.Result a = new StrictScore.Result(Map.of("pinhole", new StrictScore.ClassRow(10, 10, 9, 12, 10, 2, 1)), Map.of(), 1,
                Map.of("look-alike", 1), 30);
        StrictScore.Result b = new StrictScore.Result(Map.of("pinhole", new StrictScore.ClassRow(20, 19, 20, 20, 19, 1, 0)), Map.of(), 0,
                Map.of("look-alike", 0), 30);
        SeedPool pool = new SeedPool();
        pool.add(1, a);
        pool.add(2, b);
        SeedPool.Pooled p = pool.pooled();
        SeedPool.PooledRow row = p.byClass().get("pinhole");
        assertThat(row.injected()).isEqualTo(30);
        assertThat(row.rejected()).isEqualTo(29);
        assertThat(row.rejectRecallLower95()).isCloseTo(SeedPool.wilsonLower(29, 30), within(1e-12)).isLessThan(29 / 30.0);
        assertThat(row.precision()).isCloseTo(29 / 32.0, within(1e-12));
        assertThat(p.falseRejectsPer100m()).isCloseTo(100 / 60.0, within(1e-9));
        assertThat(p.falseRejectsPer100mUpper95()).isCloseTo(100 * 4.743865 / 60.0, within(1e-4));
        assertThat(p.seeds()).containsExactly(1L, 2L);
    }
}
