package org.sinterscope.simulator.crack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.sinterscope.inspection.SplitWork;
import org.sinterscope.inspection.crack.CrackDetector;
import org.sinterscope.inspection.crack.CrackDetectorConfig;
import org.sinterscope.inspection.crack.CrackResult;
import org.sinterscope.simulator.line.SinteredFrame;
import org.sinterscope.simulator.line.SinteredLayerConfig;
import org.sinterscope.simulator.line.SinteredLayerSimulator;

/**
 * A crack detector that splits each frame over a helper thread (the station's sintered stage) finds
 * exactly what one that does all the work on its caller finds: the same mask, pixel for pixel, and
 * the same measurements and cracks, on full-size sintered-layer frames with cracks, networks, dust
 * and scratches.
 */
class SplitCrackDetectionTest {

    private final ExecutorService helper = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        helper.shutdownNow();
    }

    @Test
    void aSplitFrameGivesTheSameCracksAsOneThread() {
        CrackDetector inline = new CrackDetector(CrackDetectorConfig.line());
        CrackDetector split = new CrackDetector(CrackDetectorConfig.line(), SplitWork.on(helper));
        int cracks = 0;
        for (long seed : new long[] {3, 4}) {
            try (SinteredLayerSimulator sim = new SinteredLayerSimulator(SinteredLayerConfig.defaults().withSeed(seed).withFrames(3))) {
                while (sim.hasNext()) {
                    try (SinteredFrame f = sim.nextWithTruth();
                         CrackResult a = inline.detect(f.frame().image(), f.frame().grid());
                         CrackResult b = split.detect(f.frame().image(), f.frame().grid())) {
                        Mat diff = new Mat();
                        Core.absdiff(a.mask(), b.mask(), diff);
                        assertThat(Core.countNonZero(diff)).as("seed %d frame %d: mask pixels that differ", seed, f.frame().sequence())
                                .isZero();
                        diff.release();
                        assertThat(b.measurements()).isEqualTo(a.measurements());
                        assertThat(b.defects()).isEqualTo(a.defects());
                        cracks += a.defects().size();
                    }
                }
            }
        }
        assertThat(cracks).as("cracks found on the frames compared").isGreaterThan(5);
    }
}
