package org.sinterscope.simulator.demo;

import java.util.ArrayList;
import java.util.List;

import org.sinterscope.camera.Frame;
import org.sinterscope.routes.assembly.AssembledStation;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedLine;
import org.sinterscope.simulator.line.SimulatedLineConfig;

/**
 * The demo station's warm-up before the line starts ({@link AssembledStation#warmUp}): {@value #FRAMES}
 * defect-dense frames ({@value #DEFECTS_PER_M} defects and {@value #LOOKALIKES_PER_M} look-alikes per
 * metre, so that the spot, scratch and classifier paths run too) of the run's line with another seed
 * ({@code seed + }{@value #SEED_OFFSET}: none of them is a frame of the run), each inspected
 * in rounds on the station's inspection threads until the JIT has settled or {@value #MAX_SECONDS} s
 * have passed; the frames are closed afterwards.
 */
final class DemoWarmUp {

    static final int FRAMES = 4;
    static final double MAX_SECONDS = 15;
    static final double DEFECTS_PER_M = 40;
    static final double LOOKALIKES_PER_M = 5;
    static final long SEED_OFFSET = 1_000_003;

    private DemoWarmUp() {
    }

    /** Warms {@code station} up on frames like those of {@code run}; returns the rounds run. */
    static int run(AssembledStation station, SimulatedLineConfig run, int threads) {
        SimulatedLineConfig cfg = run.withSeed(run.seed() + SEED_OFFSET).withDefectRatePerM(DEFECTS_PER_M)
                .withLookalikeRatePerM(LOOKALIKES_PER_M);
        cfg = cfg.withLengthM(Math.max(1, (FRAMES + 1) * cfg.frameLengthMm() / 1000));
        List<Frame> frames = new ArrayList<>();
        try (SimulatedLine line = new SimulatedLine(cfg, SimulatedEncoder.freeRunning())) {
            for (int i = 0; i < FRAMES && i < line.frameCount(); i++) {
                var sf = line.render(i, false);
                sf.releaseLabels();
                frames.add(sf.frame());
            }
            return station.warmUp(frames, MAX_SECONDS, threads);
        } finally {
            frames.forEach(Frame::close);
        }
    }
}
