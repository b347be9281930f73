package org.sinterscope.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinterscope.simulator.line.RenderAheadLine;
import org.sinterscope.simulator.line.SimulatedLineConfig;

/**
 * The station paced at line speed with the simulator rendering ahead of the camera: no frame
 * reaches the station late and no reject command reaches the actuator late. The same check fails
 * when the renderer is slower than the line (a renderer slowed down to three frame periods per frame).
 *
 * <p>6 m/min (a frame every 512 ms) with the actuator 500 mm after the camera (5 s of travel): the
 * station has room on a shared machine, so a late command here is the simulator's doing.
 */
class RenderAheadPacedTest {

    private static final SimulatedLineConfig LINE = SimulatedLineConfig.defaults().withLengthM(1).withSeed(5)
            .withDefectRatePerM(6).withLookalikeRatePerM(0).withLineSpeedMPerMin(6);

    @TempDir
    Path dir;

    private DemoSummary run(int capacity, long slowDownNanos) throws Exception {
        DemoOptions o = new DemoOptions(LINE, false, null, null, Map.of(
                "sinterscope.journal.dir", dir.resolve("journal").toString(),
                "sinterscope.actuator.distance-mm", "500",
                "sinterscope.foil.inbox", dir.resolve("inbox").toString(),
                "sinterscope.foil.done-dir", dir.resolve("done").toString(),
                "sinterscope.foil.quarantine-dir", dir.resolve("quarantine").toString()), Duration.ofMinutes(3));
        return DemoRun.run(o, null, line -> new RenderAheadLine(line, capacity, slowDownNanos));
    }

    private static void assertKeptPace(DemoSummary s) {
        assertThat(s.paced()).isTrue();
        assertThat(s.actuation().commands()).as("reject commands to check").isPositive();
        assertThat(s.headroom().simulatorLateFrames()).as("frames handed to the station late").isZero();
        assertThat(s.lateCommands()).as("commands late at the actuator").isZero();
        assertThat(s.rejectedInjected()).as("injected defects rejected in time").isEqualTo(s.injectedDefects());
    }

    @Test
    void with_the_renderer_ahead_of_the_line_no_command_is_late() throws Exception {
        DemoSummary s = run(RenderAheadLine.DEFAULT_CAPACITY, 0);

        assertKeptPace(s);
        assertThat(s.frames()).isEqualTo(LINE.frameCount());
    }

    @Test
    void a_renderer_slower_than_the_line_makes_the_same_check_fail() throws Exception {
        long framePeriodNanos = (long) (LINE.frameLengthMm() / (LINE.lineSpeedMPerMin() * 1000 / 60) * 1e9);
        DemoSummary s = run(2, 3 * framePeriodNanos);

        assertThat(s.headroom().simulatorWaitSeconds()).as("the camera waited for the renderer").isGreaterThan(5);
        assertThat(s.headroom().simulatorLateFrames()).isPositive();
        assertThat(s.lateCommands()).as("commands late at the actuator").isPositive();
        assertThatThrownBy(() -> assertKeptPace(s)).isInstanceOf(AssertionError.class);
    }
}
