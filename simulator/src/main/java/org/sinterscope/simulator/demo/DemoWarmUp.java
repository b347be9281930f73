package org.sinterscope.simulator.demo;

import java.util.ArrayList;
import java.util.List;

import org.sinterscope.camera.Frame;
import org.sinterscope.routes.assembly.AssembledStation;
import org.sinterscope.routes.assembly.CameraSpec;
import org.sinterscope.simulator.line.SinteredLayerConfig;
import org.sinterscope.simulator.line.SinteredLayerSimulator;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedLine;
import org.sinterscope.simulator.line.SimulatedLineConfig;

/**
 * The demo station's warm-up before the line starts ({@link AssembledStation#warmUp}): {@value #FRAMES}
 * frames of the run's line with another seed ({@code seed + }{@value #SEED_OFFSET}: none of them is a
 * frame of the run), half of them clean (no defect, no look-alike) and half defect-dense
 * ({@value #DEFECTS_PER_M} defects and {@value #LOOKALIKES_PER_M} look-alikes per metre), so that the
 * branches of both kinds of frame are compiled, the spot, scratch and classifier paths included; with a
 * sintered-layer camera also {@value #SINTERED_FRAMES} sintered-layer frames (cracks, networks, dust and
 * scratches) for its crack inspection. They are inspected in rounds on the station's inspection threads until the JIT has settled or
 * {@value #MAX_SECONDS} s have passed; the frames are closed afterwards.
 */
final class DemoWarmUp {

    static final int FRAMES = 6;
    static final int SINTERED_FRAMES = 2;
    static final double MAX_SECONDS = 10;
    static final double DEFECTS_PER_M = 40;
    static final double LOOKALIKES_PER_M = 5;
    static final long SEED_OFFSET = 1_000_003;

    private DemoWarmUp() {
    }

    /**
     * Warms {@code station} up on frames like those of {@code run}, and its sintered-layer inspection (if it has
     * one) on {@value #SINTERED_FRAMES} frames of the sintered-layer simulator with another seed and the default
     * crack rates; returns the rounds run.
     */
    static int run(AssembledStation station, SimulatedLineConfig run, int threads) {
        SimulatedLineConfig base = run.withSeed(run.seed() + SEED_OFFSET);
        List<Frame> frames = new ArrayList<>();
        List<Frame> sintered = new ArrayList<>();
        try {
            render(base.withDefectRatePerM(0).withLookalikeRatePerM(0), FRAMES / 2, frames);
            render(base.withDefectRatePerM(DEFECTS_PER_M).withLookalikeRatePerM(LOOKALIKES_PER_M), FRAMES - FRAMES / 2, frames);
            if (station.cameras().stream().anyMatch(c -> c.stage() == CameraSpec.Stage.SINTERED)) {
                try (SinteredLayerSimulator sim = new SinteredLayerSimulator(SinteredLayerConfig.defaults()
                        .withSeed(run.seed() + SEED_OFFSET).withFrames(SINTERED_FRAMES))) {
                    while (sim.hasNext()) {
                        sintered.add(sim.next());
                    }
                }
            }
            return station.warmUp(frames, sintered, MAX_SECONDS, threads);
        } finally {
            frames.forEach(Frame::close);
            sintered.forEach(Frame::close);
        }
    }

    private static void render(SimulatedLineConfig cfg, int n, List<Frame> into) {
        SimulatedLineConfig c = cfg.withLengthM(Math.max(1, (n + 1) * cfg.frameLengthMm() / 1000));
        try (SimulatedLine line = new SimulatedLine(c, SimulatedEncoder.freeRunning())) {
            for (int i = 0; i < n && i < line.frameCount(); i++) {
                var sf = line.render(i, false);
                sf.releaseLabels();
                into.add(sf.frame());
            }
        }
    }
}
