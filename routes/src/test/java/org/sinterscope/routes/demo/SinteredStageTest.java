package org.sinterscope.routes.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sinterscope.camera.PixelPitch;
import org.sinterscope.camera.sim.SimulatedLineConfig;
import org.sinterscope.camera.sim.SinteredLayerConfig;

/**
 * The station's sintered-layer stage end to end (camera → crack inspection → recipe crack limits →
 * encoder-timed actuator), unpaced, on small frames (1024 × 1024 px at 10 µm/px, the demo's pitch: a 10.24 mm
 * strip, 10.24 mm per frame) so that metres of web run in seconds.
 */
class SinteredStageTest {

    private static DemoSummary run(double meters, double defectsPerM, long seed) throws Exception {
        SimulatedLineConfig line = SimulatedLineConfig.defaults().withLengthM(meters).withSeed(seed).withDefectRatePerM(defectsPerM);
        SinteredLayerConfig cfg = SinteredDemo.configFor(line, 1024, 1024, PixelPitch.square(10));
        Path journal = Files.createTempDirectory("sinterscope-journal");
        DemoOptions o = new DemoOptions(line, true, null, null, Map.of("sinterscope.journal.dir", journal.toString()),
                Duration.ofMinutes(3), DemoOptions.Stage.SINTERED);
        return SinteredDemo.run(o, cfg);
    }

    @Test
    void injected_cracks_are_detected_measured_and_rejected_in_time() throws Exception {
        DemoSummary s = run(0.5, 40, 21);
        DemoSummary.CrackSummary c = s.cracks();
        assertThat(c.injectedCracks()).as("the run has cracks to find").isGreaterThanOrEqualTo(10);
        assertThat(c.recall()).as("recall of injected cracks").isGreaterThanOrEqualTo(0.9);
        assertThat(c.rejectedCracks()).as("injected cracks inside an in-time reject")
                .isGreaterThanOrEqualTo((int) Math.ceil(0.9 * c.injectedCracks()));
        // Length is over-measured on the line (+49 % for this seed): look-alikes on crack-free texture add
        // length in most frames (see docs/cracks.md "On the line"). What holds: no true length is lost.
        assertThat(c.measuredLengthMm()).as("measured crack length covers the true length: %s", c)
                .isGreaterThanOrEqualTo(0.9 * c.trueLengthMm());
        assertThat(s.lateCommands()).isZero();
        assertThat(s.failedFrames()).isZero();
    }

    /**
     * The target is no false reject at all; it is NOT met yet: on clean simulated sintered texture
     * the detector finds look-alikes (dust specks chained along grain boundaries, 0.2–1.8 mm long,
     * 46–134 µm wide) and the default crack limits reject about one frame in eight (25 of 196 for
     * seed 22). This bound keeps it from getting worse; see docs/cracks.md "On the line".
     */
    @Test
    void clean_sintered_web_gives_few_false_rejects() throws Exception {
        DemoSummary s = run(2.0, 0, 22);
        assertThat(s.frames()).isEqualTo(196);
        assertThat(s.cracks().injectedCracks()).isZero();
        assertThat(s.falseRejects()).as("false rejects on 2 m of clean web").isLessThanOrEqualTo(30);
        assertThat(s.failedFrames()).isZero();
        assertThat(s.lateCommands()).isZero();
    }
}
