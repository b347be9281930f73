package org.sinterscope.simulator.crack;

import org.sinterscope.inspection.crack.CrackDetector;
import org.sinterscope.inspection.crack.CrackDetectorConfig;
import org.sinterscope.inspection.crack.CrackEvaluator;
import org.sinterscope.inspection.crack.CrackResult;
import org.sinterscope.inspection.crack.EvaluationSummary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sinterscope.camera.PixelPitch;
import org.sinterscope.simulator.line.SinteredFrame;
import org.sinterscope.simulator.line.SinteredLayerConfig;
import org.sinterscope.simulator.line.SinteredLayerSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The detector against the sintered-layer simulator's pixel ground truth. */
class SinteredCrackAccuracyTest {

    private static final Logger LOG = LoggerFactory.getLogger(SinteredCrackAccuracyTest.class);

    static SinteredLayerConfig testConfig() {
        return SinteredLayerConfig.defaults().withSeed(11).withFrameSize(1024, 768).withFrames(4)
                .withPitch(PixelPitch.square(10));
    }

    private static void check(CrackDetectorConfig cfg, String name) {
        CrackDetector d = new CrackDetector(cfg);
        CrackEvaluator ev = new CrackEvaluator(d, 2);
        List<CrackEvaluator.ImageEvaluation> evals = new ArrayList<>();
        double truthMm = 0;
        double foundMm = 0;
        try (SinteredLayerSimulator sim = new SinteredLayerSimulator(testConfig())) {
            while (sim.hasNext()) {
                try (SinteredFrame f = sim.nextWithTruth()) {
                    evals.add(ev.evaluate(f.frame().image(), f.crackMask()));
                    try (CrackResult r = d.detect(f.frame().image(), f.frame().grid())) {
                        truthMm += f.crackLengthMm();
                        foundMm += r.measurements().totalLengthMm();
                        LOG.info("{} frame {}: truth {} mm, found {} mm, {} cracks, width mean {} max {} µm", name,
                                f.frame().sequence(), f.crackLengthMm(), r.measurements().totalLengthMm(),
                                r.measurements().crackCount(), r.measurements().meanWidthUm(), r.measurements().maxWidthUm());
                    }
                }
            }
        }
        EvaluationSummary s = EvaluationSummary.of(evals, 2);
        LOG.info("{}: {}; length found/truth = {}", name, s, foundMm / truthMm);
        assertThat(s.tolerantF1()).as("tolerant F1 on the simulator").isGreaterThanOrEqualTo(0.9);
        assertThat(foundMm / truthMm).as("crack length found / true").isBetween(0.9, 1.1);
    }

    @Test
    void standard_preset_finds_simulated_cracks_and_their_length() {
        check(CrackDetectorConfig.standard(), "standard");
    }

    @Test
    void line_preset_finds_simulated_cracks_and_their_length() {
        check(CrackDetectorConfig.line(), "line");
    }
}
