package org.sinterscope.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sinterscope.camera.PixelPitch;
import org.sinterscope.simulator.line.SimulatedLineConfig;
import org.sinterscope.simulator.line.SinteredFrame;
import org.sinterscope.simulator.line.SinteredLayerConfig;
import org.sinterscope.simulator.line.SinteredLayerSimulator;
import org.sinterscope.inspection.crack.CrackDetector;
import org.sinterscope.inspection.crack.CrackEvaluator;
import org.sinterscope.inspection.crack.EvaluationSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's sintered-layer stage end to end (camera → crack inspection → recipe crack limits →
 * encoder-timed actuator), unpaced, on small frames (1024 × 1024 px at 10 µm/px, the demo's pitch: a 10.24 mm
 * strip, 10.24 mm per frame) so that metres of web run in seconds.
 */
class SinteredStageTest {

    private static final Logger LOG = LoggerFactory.getLogger(SinteredStageTest.class);

    private static SimulatedLineConfig line(double meters, double defectsPerM, long seed) {
        return SimulatedLineConfig.defaults().withLengthM(meters).withSeed(seed).withDefectRatePerM(defectsPerM);
    }

    private static SinteredLayerConfig camera(SimulatedLineConfig line) {
        return SinteredDemo.configFor(line, 1024, 1024, PixelPitch.square(10));
    }

    private static DemoSummary run(double meters, double defectsPerM, long seed) throws Exception {
        SimulatedLineConfig line = line(meters, defectsPerM, seed);
        Path journal = Files.createTempDirectory("sinterscope-journal");
        DemoOptions o = new DemoOptions(line, true, null, null, Map.of("sinterscope.journal.dir", journal.toString()),
                Duration.ofMinutes(3), DemoOptions.Stage.SINTERED);
        DemoSummary s = SinteredDemo.run(o, camera(line));
        LOG.info("sintered stage {} m at {} defects/m (seed {}): {} false rejects, {}", meters, defectsPerM, seed,
                s.falseRejects(), s.cracks());
        return s;
    }

    @Test
    void injected_cracks_are_detected_measured_and_rejected_in_time() throws Exception {
        DemoSummary s = run(0.5, 40, 21);
        DemoSummary.CrackSummary c = s.cracks();
        assertThat(c.injectedCracks()).as("the run has cracks to find").isGreaterThanOrEqualTo(10);
        // 25 of 27 detected, 26 of 27 rejected for this seed: the two misses are faint, thin, densely branched
        // cracks whose seed pixels are scattered and whose branches make the component too wide for the faint-crack
        // path of the seed test that keeps clean web free of false rejects; the 0.95 recall aim is not met yet
        // (docs/cracks.md "On the line"); rejects (by y range) reach it
        assertThat(c.recall()).as("recall of injected cracks: %s", c).isGreaterThanOrEqualTo(0.9);
        assertThat(c.rejectedCracks()).as("injected cracks inside an in-time reject")
                .isGreaterThanOrEqualTo((int) Math.ceil(0.95 * c.injectedCracks()));
        assertThat(c.measuredLengthMm() / c.trueLengthMm()).as("crack length measured by the station / true: %s", c)
                .isBetween(0.9, 1.1);
        assertThat(s.falseRejects()).as("rejects that meet no true crack").isZero();
        assertThat(s.lateCommands()).isZero();
        assertThat(s.failedFrames()).isZero();
    }

    /** The stage's detector settings on the stage's own frames, scored pixel-wise against the simulator's masks. */
    @Test
    void stage_detector_reaches_tolerant_f1_of_0_9_on_the_stage_frames() {
        SinteredLayerConfig cfg = camera(line(0.5, 40, 21));
        CrackEvaluator ev = new CrackEvaluator(new CrackDetector(SinteredDemo.detectorConfig()), 2);
        List<CrackEvaluator.ImageEvaluation> evals = new ArrayList<>();
        try (SinteredLayerSimulator sim = new SinteredLayerSimulator(cfg)) {
            while (sim.hasNext()) {
                try (SinteredFrame f = sim.nextWithTruth()) {
                    evals.add(ev.evaluate(f.frame().image(), f.crackMask()));
                }
            }
        }
        EvaluationSummary s = EvaluationSummary.of(evals, 2);
        LOG.info("stage detector on {} stage frames: {}", evals.size(), s);
        assertThat(s.tolerantF1()).as("tolerant F1 (2 px): %s", s).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void clean_sintered_web_gives_no_false_rejects() throws Exception {
        DemoSummary s = run(2.0, 0, 22);
        assertThat(s.frames()).isEqualTo(196);
        assertThat(s.cracks().injectedCracks()).isZero();
        assertThat(s.falseRejects()).as("false rejects on 2 m of clean web").isZero();
        assertThat(s.cracks().framesWithDetections()).as("frames with any crack reported on clean web").isZero();
        assertThat(s.failedFrames()).isZero();
        assertThat(s.lateCommands()).isZero();
    }
}
