package org.sinterscope.routes.reject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.PixelRect;
import org.sinterscope.camera.WebRect;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.SegmentVerdict;

class RejectTrackerTest {

    private final AtomicReference<Double> encoder = new AtomicReference<>(250.0);

    private static ActuatorSpec actuator(String id, double distanceMm, Set<String> causes) {
        return new ActuatorSpec(id, distanceMm, ActuatorSpec.Link.PLC_SIM, FailSafePolicy.WIDEN, 50, causes, "");
    }

    private static Defect defectAt(double y0, double y1) {
        return new Defect(DefectClass.PINHOLE, 0.9, new WebRect(10, y0, 11, y1), new PixelRect(0, 0, 1, 1), Map.of(), "spot");
    }

    private static SegmentVerdict verdict(List<SegmentVerdict.RejectSpan> spans, List<Defect> defects) {
        return new SegmentVerdict("cam-1", 42, 100, 151.2, spans, List.of(), defects);
    }

    @Test
    void a_passing_verdict_gives_no_command() {
        RejectTracker t = new RejectTracker("st", List.of(actuator("m", 2000, Set.of())), encoder::get);
        assertThat(t.commands(verdict(List.of(), List.of()), Instant.EPOCH)).isEmpty();
    }

    /** actuator distance, stretch start, expected deadline = start + distance; late when the encoder (250) is past it. */
    @ParameterizedTest(name = "distance {0} mm, y0 {1} mm → deadline {2} mm, late {3}")
    @CsvSource({"2000, 110, 2110, false", "100, 140, 240, true", "140, 110, 250, false", "139, 110, 249, true"})
    void the_deadline_is_the_stretch_start_plus_the_actuator_distance(double distance, double y0, double deadline, boolean late) {
        RejectTracker t = new RejectTracker("st", List.of(actuator("m", distance, Set.of())), encoder::get);
        List<RejectCommand> cs = t.commands(verdict(List.of(new SegmentVerdict.RejectSpan(y0, y0 + 10, List.of("pinhole"))), List.of()),
                Instant.EPOCH);
        assertThat(cs).singleElement().satisfies(c -> {
            assertThat(c.deadlineMm()).isEqualTo(deadline);
            assertThat(c.endAtActuatorMm()).isEqualTo(deadline + 10);
            assertThat(c.lateAtDecision()).isEqualTo(late);
            assertThat(c.encoderAtDecisionMm()).isEqualTo(250.0);
        });
    }

    @Test
    void each_stretch_goes_to_every_actuator_that_acts_on_its_causes_with_its_own_deadline() {
        RejectTracker t = new RejectTracker("st", List.of(actuator("marker", 2000, Set.of()),
                actuator("cutter", 3500, Set.of("uncoated", "uninspected"))), encoder::get);
        SegmentVerdict v = verdict(List.of(new SegmentVerdict.RejectSpan(105, 125, List.of("pinhole")),
                new SegmentVerdict.RejectSpan(130, 150, List.of("uncoated"))), List.of(defectAt(110, 111), defectAt(140, 141)));
        List<RejectCommand> cs = t.commands(v, Instant.EPOCH);
        assertThat(cs).extracting(c -> c.actuatorId() + " " + c.y0Mm() + " " + c.deadlineMm())
                .containsExactly("marker 105.0 2105.0", "marker 130.0 2130.0", "cutter 130.0 3630.0");
        assertThat(cs.get(0).defectIds()).containsExactly("cam-1/42/0");
        assertThat(cs.get(2).defectIds()).containsExactly("cam-1/42/1");
        assertThat(cs.get(0).id()).startsWith("st/").endsWith("/cam-1/42/0/marker");
        assertThat(cs.get(2).id()).endsWith("/cam-1/42/1/cutter");
        assertThat(t.farthestActuatorMm()).isEqualTo(3500.0);
    }

    @Test
    void ids_are_deterministic_within_a_run_so_a_resend_is_harmless() {
        RejectTracker t = new RejectTracker("st", List.of(actuator("m", 2000, Set.of())), encoder::get);
        SegmentVerdict v = verdict(List.of(new SegmentVerdict.RejectSpan(105, 125, List.of("pinhole"))), List.of());
        assertThat(t.commands(v, Instant.EPOCH).get(0).id()).isEqualTo(t.commands(v, Instant.EPOCH).get(0).id());
    }

    @Test
    void a_tracker_needs_an_actuator() {
        assertThatThrownBy(() -> new RejectTracker("st", List.of(), encoder::get)).hasMessageContaining("at least one actuator");
    }
}
