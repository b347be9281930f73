package org.sinterscope.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.actuator.Actuation;
import org.sinterscope.routes.journal.Journal;
import org.sinterscope.routes.journal.Outcome;
import org.sinterscope.routes.reject.RejectCommand;
import org.sinterscope.routes.reject.RejectTracker;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedLineConfig;

/**
 * A demo run starts its own journal: an earlier run's journal with a command still in flight is moved
 * aside whole (nothing recovered, no alarm for it in the new run), while a production station opening
 * the same kind of journal recovers and alarms that command.
 */
class DemoJournalTest {

    @TempDir
    Path dir;

    /** A journal in {@code journalDir} whose one command was decided and sent, never fired. */
    private static byte[] journalWithOneInFlight(Path journalDir) throws Exception {
        try (Journal j = Journal.open(journalDir, "station-1")) {
            RejectCommand c = new RejectCommand("earlier-run/1", "station-1", "marker-1", 0, 50, List.of("pinhole"),
                    List.of("cam/1/0"), 1000, Instant.now(), Instant.now(), 0);
            j.append(c.id(), c.actuatorId(), Outcome.DECIDED, 0, "", c);
            j.append(c.id(), c.actuatorId(), Outcome.SENT, 1, "attempt 1", null);
        }
        return Files.readAllBytes(journalDir.resolve("station-1.jsonl"));
    }

    @Test
    void aDemoRunMovesTheEarlierJournalAsideAndRecoversNothing() throws Exception {
        Path journal = dir.resolve("journal");
        byte[] earlier = journalWithOneInFlight(journal);
        SimulatedLineConfig line = SimulatedLineConfig.defaults().withLengthM(1).withSeed(5).withDefectRatePerM(2)
                .withLookalikeRatePerM(0);
        DemoSummary s = DemoRun.run(new DemoOptions(line, true, null, null, Map.of("sinterscope.journal.dir", journal.toString(),
                "sinterscope.foil.inbox", dir.resolve("inbox").toString(), "sinterscope.foil.done-dir", dir.resolve("done").toString(),
                "sinterscope.foil.quarantine-dir", dir.resolve("quarantine").toString()), Duration.ofMinutes(3)));

        assertThat(s.actuation().recoveredAtStart()).as("the earlier run's open command is not this run's").isZero();
        assertThat(s.actuation().commands()).as("this run decided commands of its own").isPositive();
        assertThat(Journal.inFlight(Journal.readAll(journal)).stream().map(e -> e.commandId()).toList())
                .doesNotContain("earlier-run/1");
        List<Path> moved;
        try (var files = Files.list(journal.resolve(DemoJournal.PREVIOUS))) {
            moved = files.toList();
        }
        assertThat(moved).hasSize(1);
        assertThat(Files.readAllBytes(moved.get(0))).as("the earlier journal, kept whole").isEqualTo(earlier);
    }

    @Test
    void onlyTheNewestEarlierJournalsAreKept() throws Exception {
        Path journal = dir.resolve("keep");
        StationSettings settings = StationSettings.load(null, Map.of("sinterscope.journal.dir", journal.toString()));
        Path previous = journal.resolve(DemoJournal.PREVIOUS);
        Files.createDirectories(previous);
        String station = settings.stationId();
        for (int i = 0; i < DemoJournal.KEEP + 5; i++) {
            Files.writeString(previous.resolve(String.format("%s-20260101T0000%02d.000Z.jsonl", station, i)), "{}\n");
        }
        Files.writeString(previous.resolve("other-station-20250101T000000.000Z.jsonl"), "{}\n");
        Files.writeString(journal.resolve(station + ".jsonl"), "{}\n");
        Path moved = DemoJournal.startFresh(settings);
        try (var files = Files.list(previous)) {
            List<String> left = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertThat(left).hasSize(DemoJournal.KEEP + 1)
                    .contains(moved.getFileName().toString(), String.format("%s-20260101T0000%02d.000Z.jsonl", station, 6))
                    .as("another station's journals are left alone").contains("other-station-20250101T000000.000Z.jsonl")
                    .as("the oldest are gone").doesNotContain(String.format("%s-20260101T0000%02d.000Z.jsonl", station, 5));
        }
    }

    @Test
    void aProductionStationOnTheSameKindOfJournalRecoversAndAlarms() throws Exception {
        Path journal = dir.resolve("plant-journal");
        journalWithOneInFlight(journal);
        StationSettings settings = StationSettings.load(null, Map.of("sinterscope.journal.dir", journal.toString()));
        SimulatedEncoder encoder = SimulatedEncoder.freeRunning();
        Actuation actuation = Actuation.create(settings, RejectTracker.fromSettings(settings, encoder));
        try (var gateway = actuation.gateway()) {
            assertThat(gateway.counts().recoveredAtStart()).isEqualTo(1);
            assertThat(gateway.drainNotices()).anySatisfy(n -> assertThat(n.text()).contains("earlier-run/1").contains("in flight"));
        }
        assertThat(Files.exists(journal.resolve(DemoJournal.PREVIOUS))).as("nothing moved aside").isFalse();
    }
}
