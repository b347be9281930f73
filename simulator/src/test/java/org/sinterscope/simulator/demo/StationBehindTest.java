package org.sinterscope.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinterscope.simulator.line.SimulatedLineConfig;
import org.sinterscope.routes.journal.Journal;
import org.sinterscope.routes.journal.Outcome;

/** Frames arrive faster than the station inspects them: nothing passes uninspected without being counted and handled. */
class StationBehindTest {

    @TempDir
    Path dir;

    @Test
    void frames_the_station_cannot_inspect_in_time_are_counted_rejected_and_handled_by_policy() throws Exception {
        // unpaced, 2 inspection threads behind a 6-deep queue, and a frame may wait at most 1 ms: most are skipped
        SimulatedLineConfig line = SimulatedLineConfig.defaults().withLengthM(1).withSeed(3).withDefectRatePerM(0);
        DemoSummary s = DemoRun.run(new DemoOptions(line, true, null, null, Map.of("sinterscope.inspection.max-frame-age-ms", "1",
                "sinterscope.actuator.policy", "alarm", "sinterscope.journal.dir", dir.toString()), Duration.ofMinutes(3)));

        assertThat(s.framesSkipped()).isPositive();
        assertThat(s.frames()).as("every frame has a verdict, inspected or not").isEqualTo(line.frameCount());
        assertThat(s.failedFrames()).isGreaterThanOrEqualTo(s.framesSkipped());
        var a = s.actuation();
        assertThat(a.uninspected()).as("each skipped segment becomes a reject command").isGreaterThanOrEqualTo(1);
        assertThat(a.alarms()).as("alarm policy: one alarm per uninspected segment command").isEqualTo(a.uninspected());
        assertThat(a.fired()).as("every command fired").isEqualTo(a.commands());
        assertThat(a.failed()).isZero();
        assertThat(a.inFlight()).isZero();
        assertThat(Journal.readAll(dir)).filteredOn(e -> e.outcome() == Outcome.ALARM).hasSize((int) a.alarms());
    }
}
