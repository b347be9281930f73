package org.sinterscope.routes.actuator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sinterscope.routes.journal.Journal;
import org.sinterscope.routes.journal.JournalEntry;
import org.sinterscope.routes.journal.Outcome;
import org.sinterscope.routes.reject.ActuatorEvent;
import org.sinterscope.routes.reject.ActuatorSpec;
import org.sinterscope.routes.reject.FailSafePolicy;
import org.sinterscope.routes.reject.RejectCommand;

/**
 * The gateway alone, without Camel: a hand-moved encoder, a journal in a temporary folder, and the
 * PLC's events given by the test. Periods are either 1 ns (due at once) or an hour (never due), so
 * no test waits on the clock.
 */
class ActuationGatewayTest {

    private static final Duration NOW = Duration.ofNanos(1);
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path dir;

    private final AtomicReference<Double> encoder = new AtomicReference<>(0.0);
    private ActuationGateway gw;

    @AfterEach
    void close() {
        if (gw != null) {
            gw.close();
        }
    }

    private static ActuatorSpec spec(String id, FailSafePolicy policy) {
        return new ActuatorSpec(id, 1000, ActuatorSpec.Link.MQTT, policy, 50, Set.of(), "");
    }

    private ActuationGateway gateway(List<ActuatorSpec> specs, Duration resend, Duration ackTimeout, Duration firedTimeout) {
        Map<String, String> uris = new java.util.LinkedHashMap<>();
        specs.forEach(s -> uris.put(s.id(), "mock:" + s.id()));
        gw = new ActuationGateway(specs, uris, encoder::get, Journal.open(dir, "station-1"), resend, ackTimeout, firedTimeout);
        return gw;
    }

    private RejectCommand command(String id, String actuator, double y0, double y1) {
        return new RejectCommand(id, "station-1", actuator, y0, y1, List.of("pinhole"), List.of("cam/1/0"), y0 + 1000, Instant.now(),
                Instant.now(), encoder.get());
    }

    private static ActuatorEvent event(ActuatorEvent.Kind kind, String id, double enc, String detail) {
        return new ActuatorEvent(kind, id, enc, Instant.now(), detail);
    }

    private List<Outcome> journal(String id) {
        return Journal.readAll(dir).stream().filter(e -> e.commandId().equals(id)).map(JournalEntry::outcome).toList();
    }

    /** policy, what a command decided after its deadline becomes: sent id, journal of the original, alarms, line stops. */
    static Stream<Arguments> lateAtDecision() {
        return Stream.of(
                Arguments.of(FailSafePolicy.WIDEN, "c/w", List.of(Outcome.DECIDED, Outcome.LATE, Outcome.WIDENED), 0, 0),
                Arguments.of(FailSafePolicy.ALARM, "c", List.of(Outcome.DECIDED, Outcome.LATE, Outcome.ALARM), 1, 0),
                Arguments.of(FailSafePolicy.STOP_LINE, "c", List.of(Outcome.DECIDED, Outcome.LATE, Outcome.LINE_STOP), 1, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lateAtDecision")
    void a_command_decided_after_its_deadline_gets_its_actuators_policy(FailSafePolicy policy, String sentId, List<Outcome> journal,
                                                                        int alarms, int lineStops) {
        gateway(List.of(spec("m", policy)), NEVER, NEVER, NEVER);
        encoder.set(1150.0); // deadline 1100
        List<ActuationGateway.Outgoing> out = gw.submit(command("c", "m", 100, 300));

        assertThat(out).singleElement().satisfies(o -> {
            assertThat(o.command().id()).isEqualTo(sentId);
            assertThat(o.uri()).isEqualTo("mock:m");
        });
        assertThat(journal("c")).containsExactlyElementsOf(journal);
        assertThat(gw.counts().late()).isEqualTo(1);
        List<ActuationGateway.Notice> notices = gw.drainNotices();
        assertThat(notices).filteredOn(n -> n.kind() == ActuationGateway.Notice.Kind.ALARM).hasSize(alarms);
        assertThat(notices).filteredOn(n -> n.kind() == ActuationGateway.Notice.Kind.LINE_STOP).hasSize(lineStops);
        assertThat(gw.counts().lineStops()).isEqualTo(lineStops);
    }

    @Test
    void widening_grows_the_stretch_and_moves_the_deadline_by_the_margin() {
        gateway(List.of(spec("m", FailSafePolicy.WIDEN)), NEVER, NEVER, NEVER);
        encoder.set(1150.0);
        RejectCommand w = gw.submit(command("c", "m", 100, 300)).get(0).command();
        assertThat(w.y0Mm()).isEqualTo(50.0);
        assertThat(w.y1Mm()).isEqualTo(350.0);
        assertThat(w.deadlineMm()).isEqualTo(1050.0);
        assertThat(gw.openIds()).containsExactly("c/w");
        assertThat(gw.counts().widened()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lateAtDecision")
    void a_deadline_passed_without_acknowledgement_gets_the_policy_and_is_resent(FailSafePolicy policy, String sentId,
                                                                                  List<Outcome> journal, int alarms, int lineStops) {
        gateway(List.of(spec("m", policy)), NOW, NOW, NEVER);
        ActuationGateway.Outgoing o = gw.submit(command("c", "m", 100, 300)).get(0);
        gw.sent(o, null);
        assertThat(gw.due()).extracting(x -> x.command().id()).containsExactly("c"); // unanswered: resent
        encoder.set(1150.0); // past the deadline 1100, not acknowledged
        List<ActuationGateway.Outgoing> due = gw.due();
        assertThat(due).extracting(x -> x.command().id()).containsExactly(sentId);
        assertThat(journal("c")).contains(Outcome.LATE).contains(journal.get(2));
        assertThat(gw.drainNotices()).filteredOn(n -> n.kind() == ActuationGateway.Notice.Kind.LINE_STOP).hasSize(lineStops);
    }

    @Test
    void an_uninspected_segment_gets_the_policy_even_in_time() {
        gateway(List.of(spec("m", FailSafePolicy.STOP_LINE)), NEVER, NEVER, NEVER);
        RejectCommand c = new RejectCommand("u", "station-1", "m", 0, 500, List.of("uninspected"), List.of(), 1000, Instant.now(),
                Instant.now(), 0);
        assertThat(gw.submit(c)).singleElement().satisfies(o -> assertThat(o.command().id()).isEqualTo("u"));
        assertThat(gw.counts().uninspected()).isEqualTo(1);
        assertThat(gw.counts().late()).isZero();
        assertThat(gw.drainNotices()).extracting(ActuationGateway.Notice::kind)
                .containsExactlyInAnyOrder(ActuationGateway.Notice.Kind.LINE_STOP, ActuationGateway.Notice.Kind.ALARM);
    }

    @Test
    void a_refused_send_stays_open_and_is_tried_again_until_its_stretch_passed_then_fails_with_an_alarm() {
        gateway(List.of(spec("m", FailSafePolicy.ALARM)), NOW, NEVER, NEVER);
        ActuationGateway.Outgoing o = gw.submit(command("c", "m", 100, 300)).get(0);
        gw.sendFailed(o, "broker down");
        assertThat(gw.due()).extracting(x -> x.command().id()).containsExactly("c");
        gw.sendFailed(o, "broker down");
        encoder.set(1150.0); // past the deadline 1100
        assertThat(gw.due()).extracting(x -> x.command().id()).containsExactly("c");
        encoder.set(1400.0); // the whole stretch [1100, 1300] passed the actuator
        gw.due();
        assertThat(gw.openIds()).isEmpty();
        assertThat(journal("c")).containsExactly(Outcome.DECIDED, Outcome.SEND_FAILED, Outcome.LATE, Outcome.ALARM, Outcome.FAILED);
        assertThat(gw.counts().failed()).isEqualTo(1);
        assertThat(gw.drainNotices()).anyMatch(n -> n.text().contains("never had the command"));
    }

    @Test
    void the_plc_reporting_passed_not_fired_closes_the_command_as_failed_with_an_alarm() {
        gateway(List.of(spec("m", FailSafePolicy.WIDEN)), NEVER, NEVER, NEVER);
        ActuationGateway.Outgoing o = gw.submit(command("c", "m", 100, 300)).get(0);
        gw.sent(o, null);
        gw.onEvent(event(ActuatorEvent.Kind.LATE, "c", 1400, "300.0 mm past its deadline; the whole stretch had passed"));
        assertThat(gw.openIds()).containsExactly("c", "c/w"); // LATE: widened; the original waits for the PLC's outcome
        gw.onEvent(event(ActuatorEvent.Kind.PASSED, "c", 1400, "the whole stretch had passed"));
        gw.onEvent(event(ActuatorEvent.Kind.PASSED, "c/w", 1400, "the whole stretch had passed"));
        assertThat(gw.openIds()).isEmpty();
        assertThat(gw.counts().failed()).isEqualTo(2);
        assertThat(journal("c/w")).endsWith(Outcome.ACKNOWLEDGED, Outcome.FAILED);
        assertThat(gw.drainNotices()).anyMatch(n -> n.text().contains("passed, not fired"));
    }

    @Test
    void an_acknowledged_command_without_a_fired_report_is_asked_again_and_a_repeated_report_closes_it() {
        gateway(List.of(spec("m", FailSafePolicy.WIDEN)), NEVER, NOW, NEVER);
        ActuationGateway.Outgoing o = gw.submit(command("c", "m", 100, 300)).get(0);
        gw.sent(o, event(ActuatorEvent.Kind.RECEIVED, "c", 0, ""));
        assertThat(gw.due()).isEmpty(); // acknowledged, deadline ahead: nothing to do
        encoder.set(1200.0); // past the deadline; the FIRED report was lost
        assertThat(gw.due()).isEmpty(); // starts the fired wait
        List<ActuationGateway.Outgoing> question = gw.due();
        assertThat(question).extracting(x -> x.command().id()).containsExactly("c");
        gw.sent(question.get(0), null);
        gw.onEvent(event(ActuatorEvent.Kind.DUPLICATE, "c", 1200, ""));
        gw.onEvent(event(ActuatorEvent.Kind.FIRED, "c", 1100, "")); // the PLC repeats its report for a duplicate id
        assertThat(gw.openIds()).isEmpty();
        assertThat(gw.fired()).singleElement().satisfies(f -> assertThat(f.inTime()).isTrue());
        assertThat(gw.counts().failed()).isZero();
    }

    @Test
    void an_acknowledged_command_never_reported_fired_fails_after_two_questions_once_its_stretch_passed() {
        gateway(List.of(spec("m", FailSafePolicy.WIDEN)), NEVER, NOW, Duration.ZERO);
        ActuationGateway.Outgoing o = gw.submit(command("c", "m", 100, 300)).get(0);
        gw.sent(o, event(ActuatorEvent.Kind.RECEIVED, "c", 0, ""));
        encoder.set(1200.0); // past the deadline, stretch still at the actuator
        assertThat(gw.due()).isEmpty(); // starts the fired wait
        gw.sent(gw.due().get(0), null); // asked, no answer
        gw.sent(gw.due().get(0), null);
        assertThat(gw.openIds()).containsExactly("c"); // the stretch has not passed yet: it may still fire
        gw.close();
        gateway(List.of(spec("m", FailSafePolicy.WIDEN)), NOW, NOW, Duration.ZERO);
        encoder.set(0.0);
        o = gw.submit(command("d", "m", 100, 300)).get(0);
        gw.sent(o, event(ActuatorEvent.Kind.RECEIVED, "d", 0, ""));
        encoder.set(1301.0); // the whole stretch passed
        assertThat(gw.due()).isEmpty(); // starts the fired wait
        gw.sent(gw.due().get(0), null); // one question taken by the link
        gw.sendFailed(gw.due().get(0), "broker down"); // a refused question counts for nothing
        assertThat(gw.openIds()).containsExactly("d");
        gw.sent(gw.due().get(0), null); // the second question taken, no answer
        gw.due();
        assertThat(gw.openIds()).isEmpty();
        assertThat(journal("d")).endsWith(Outcome.FAILED);
        assertThat(gw.drainNotices()).anyMatch(n -> n.text().contains("reported no firing"));
    }

    @Test
    void several_actuators_keep_their_own_policies_and_endpoints() {
        gateway(List.of(spec("marker", FailSafePolicy.WIDEN), spec("cutter", FailSafePolicy.ALARM)), NEVER, NEVER, NEVER);
        encoder.set(1150.0);
        List<ActuationGateway.Outgoing> out = new ArrayList<>();
        out.addAll(gw.submit(command("a/marker", "marker", 100, 300)));
        out.addAll(gw.submit(command("a/cutter", "cutter", 100, 300)));
        assertThat(out).extracting(o -> o.command().id() + " " + o.uri())
                .containsExactly("a/marker/w mock:marker", "a/cutter mock:cutter");
        assertThat(gw.counts().widened()).isEqualTo(1);
        assertThat(gw.counts().alarms()).isEqualTo(1);
        assertThatThrownBy(() -> gw.submit(command("a/x", "punch", 0, 1))).hasMessageContaining("unknown actuator punch");
    }

    @Test
    void a_resubmitted_open_id_is_not_sent_twice_and_a_fired_report_closes_it_once() {
        gateway(List.of(spec("m", FailSafePolicy.WIDEN)), NEVER, NEVER, NEVER);
        RejectCommand c = command("c", "m", 100, 300);
        gw.sent(gw.submit(c).get(0), null);
        assertThat(gw.submit(c)).isEmpty();
        gw.onEvent(event(ActuatorEvent.Kind.FIRED, "c", 1100, ""));
        gw.onEvent(event(ActuatorEvent.Kind.FIRED, "c", 1100, ""));
        assertThat(gw.counts().fired()).isEqualTo(1);
        assertThat(journal("c")).containsExactly(Outcome.DECIDED, Outcome.SENT, Outcome.ACKNOWLEDGED, Outcome.FIRED);
    }
}
