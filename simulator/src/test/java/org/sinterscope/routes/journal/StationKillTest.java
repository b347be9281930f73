package org.sinterscope.routes.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinterscope.routes.actuator.ActuationGateway;
import org.sinterscope.routes.reject.ActuatorSpec;
import org.sinterscope.simulator.line.SimulatedEncoder;

/**
 * kill -9 of a station process in the middle of a run, then a restart on the same journal: every
 * command decided before the kill was fired, or is recovered and alarmed at the restart — none is
 * silently gone.
 */
class StationKillTest {

    @TempDir
    Path dir;

    @Test
    void every_command_decided_before_a_kill_9_is_fired_or_recovered_with_an_alarm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                KilledStationMain.class.getName(), dir.toString())
                .redirectError(dir.resolve("child.log").toFile()).start();
        Set<String> decided = ConcurrentHashMap.newKeySet();
        Set<String> firedSeen = ConcurrentHashMap.newKeySet();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("DECIDED ")) {
                        decided.add(line.substring(8));
                    } else if (line.startsWith("FIRED ")) {
                        firedSeen.add(line.substring(6));
                    }
                }
            } catch (java.io.IOException e) {
                // the child was killed: its stdout ends
            }
        }, "child-stdout");
        reader.start();
        try {
            // mid-run: some commands fired, others still waiting for their stretch
            await().atMost(Duration.ofSeconds(120)).until(() -> firedSeen.size() >= 3 && decided.size() >= firedSeen.size() + 10);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
        }
        assertThat(child.exitValue()).isEqualTo(137); // 128 + SIGKILL

        // the restarted station: the same journal, a new gateway
        List<Notice> alarms;
        try (ActuationGateway restarted = new ActuationGateway(List.of(ActuatorSpec.simulated("marker-1", 300)),
                Map.of("marker-1", "direct:plc-sim"), SimulatedEncoder.freeRunning(),
                Journal.open(dir, KilledStationMain.STATION), Duration.ofMillis(200), Duration.ofSeconds(2))) {
            alarms = restarted.drainNotices().stream().map(n -> new Notice(n.text())).toList();
        }
        List<JournalEntry> journal = Journal.readAll(dir);
        Map<String, List<Outcome>> byId = journal.stream().collect(Collectors.groupingBy(JournalEntry::commandId,
                Collectors.mapping(JournalEntry::outcome, Collectors.toList())));
        int fired = 0;
        int recovered = 0;
        for (String id : decided) {
            String end = id;
            while (byId.getOrDefault(end, List.of()).contains(Outcome.WIDENED)) {
                end = end + "/w"; // a late command lives on as its widened replacement
            }
            List<Outcome> outcomes = byId.get(end);
            assertThat(outcomes).as("journal of %s", end).isNotNull().startsWith(Outcome.DECIDED);
            Outcome last = outcomes.get(outcomes.size() - 1);
            assertThat(last).as("last outcome of %s", end).isIn(Outcome.FIRED, Outcome.RECOVERED, Outcome.FAILED);
            if (last == Outcome.FIRED) {
                fired++;
            } else {
                String alarmed = end;
                assertThat(alarms).as("an alarm for %s", end).anyMatch(a -> a.text().contains(alarmed) || last == Outcome.FAILED);
                recovered++;
            }
        }
        org.slf4j.LoggerFactory.getLogger(StationKillTest.class).info("killed mid-run: {} commands decided, {} fired, {} recovered or failed"
                + " with an alarm", decided.size(), fired, recovered);
        assertThat(firedSeen).allMatch(id -> byId.getOrDefault(id, List.of()).contains(Outcome.FIRED));
        assertThat(fired).isGreaterThanOrEqualTo(3);
        assertThat(recovered).as("commands in flight at the kill").isPositive();
        assertThat(Journal.inFlight(Journal.readAll(dir))).isEmpty();
    }

    private record Notice(String text) {
    }
}
