package org.sinterscope.routes.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.routes.actuator.ActuationGateway;
import org.sinterscope.routes.reject.ActuatorEvent;
import org.sinterscope.routes.reject.ActuatorSpec;
import org.sinterscope.routes.reject.RejectCommand;

class JournalRestartTest {

    @TempDir
    Path dir;

    private final SimulatedEncoder encoder = SimulatedEncoder.freeRunning();

    private ActuationGateway gateway(Journal j) {
        return new ActuationGateway(List.of(ActuatorSpec.simulated("marker-1", 1000)), Map.of("marker-1", "direct:plc-sim"), encoder, j,
                Duration.ofMillis(100), Duration.ofMillis(1000));
    }

    private RejectCommand cmd(String id, double y0) {
        return new RejectCommand(id, "station-1", "marker-1", y0, y0 + 20, List.of("pinhole"), List.of(), y0 + 1000, Instant.now(),
                Instant.now(), encoder.positionMm());
    }

    @Test
    void a_station_killed_mid_run_finds_its_in_flight_commands_in_the_journal_at_restart() throws Exception {
        // first run: one command fired, one acknowledged, one decided but never sent — then the station dies
        // (nothing closed: every line was forced to disk when it was written)
        ActuationGateway first = gateway(Journal.open(dir, "station-1"));
        RejectCommand fired = cmd("s/cam/1/0/marker-1", 10);
        RejectCommand acked = cmd("s/cam/2/0/marker-1", 500);
        RejectCommand decided = cmd("s/cam/3/0/marker-1", 900);
        var o1 = first.submit(fired).get(0);
        first.sent(o1, new ActuatorEvent(ActuatorEvent.Kind.RECEIVED, fired.id(), 0, Instant.now(), ""));
        first.onEvent(new ActuatorEvent(ActuatorEvent.Kind.FIRED, fired.id(), 1010, Instant.now(), ""));
        var o2 = first.submit(acked).get(0);
        first.sent(o2, new ActuatorEvent(ActuatorEvent.Kind.RECEIVED, acked.id(), 0, Instant.now(), ""));
        first.submit(decided);
        // and it died in the middle of a line
        Files.writeString(dir.resolve("station-1.jsonl"), "{\"at\":\"2025-", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (Journal second = Journal.open(dir, "station-1")) {
            assertThat(second.inFlightAtStart()).extracting(JournalEntry::commandId).containsExactly(acked.id(), decided.id());
            assertThat(second.inFlightAtStart()).extracting(JournalEntry::outcome).containsExactly(Outcome.ACKNOWLEDGED, Outcome.DECIDED);
            ActuationGateway restarted = gateway(second);
            assertThat(restarted.drainNotices()).hasSize(2).allSatisfy(n -> assertThat(n.text()).contains("in flight"));
            assertThat(restarted.counts().recoveredAtStart()).isEqualTo(2);
        }
        List<JournalEntry> all = Journal.readAll(dir);
        assertThat(all).filteredOn(e -> e.outcome() == Outcome.RECOVERED).extracting(JournalEntry::commandId)
                .containsExactly(acked.id(), decided.id());
        try (Journal third = Journal.open(dir, "station-1")) {
            assertThat(third.inFlightAtStart()).as("reported once, then closed").isEmpty();
        }
    }

    @Test
    void the_decided_line_is_on_disk_before_the_command_goes_out() {
        ActuationGateway g = gateway(Journal.open(dir, "station-1"));
        RejectCommand c = cmd("s/cam/9/0/marker-1", 10);
        var out = g.submit(c);
        assertThat(out).singleElement().satisfies(o -> assertThat(o.command()).isEqualTo(c));
        List<JournalEntry> onDisk = Journal.readAll(dir);
        assertThat(onDisk).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(Outcome.DECIDED);
            assertThat(e.command()).isEqualTo(c);
        });
        g.close();
    }
}
