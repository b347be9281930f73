package org.sinterscope.launcher;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.LongSupplier;

import org.opencv.core.Core;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.inspection.crack.CrackDetector;
import org.sinterscope.inspection.crack.CrackResult;
import org.sinterscope.routes.assembly.FrameSplitPool;
import org.sinterscope.simulator.demo.SinteredDemo;
import org.sinterscope.simulator.line.SinteredFrame;
import org.sinterscope.simulator.line.SinteredLayerConfig;
import org.sinterscope.simulator.line.SinteredLayerSimulator;

/**
 * Times the sintered-layer crack stage (the station's classical detector, {@link SinteredDemo#detectorConfig()})
 * on seeded simulated sintered frames of the demo's size (2048 × 1024 px at 10 µm/px): {@code frames}
 * crack-free ones and {@code frames} crack-rich ones (the simulator's default rates, 3 isolated
 * cracks and 1 network per Mpx — far denser than a production web). Per frame, the fastest of
 * {@code rounds} runs in the calling thread's CPU time with OpenCV on that one thread; then the
 * median over the frames. Mpx/s = frame Mpx / ms · 1000: one core's rate; the station runs frames
 * on every core in parallel. Then the crack-rich frames once more with each frame split over the
 * calling thread and one helper thread (a {@link FrameSplitPool} of one, as the station's sintered stage
 * has with {@code sinterscope.inspection.split-threads = 1}): the fastest of {@code rounds} runs in wall time,
 * the median over the frames, i.e. the frame's latency when a second core is free.
 */
final class CrackStageBench {

    /**
     * @param frameWidthPx       frame size
     * @param frameHeightPx      frame size
     * @param cleanMs            median over crack-free frames of the fastest run, thread CPU ms
     * @param crackedMs          the same on crack-rich frames
     * @param cleanMpxPerSecond  frame Mpx / cleanMs
     * @param crackedMpxPerSecond frame Mpx / crackedMs
     * @param crackedSplitWallMs median over crack-rich frames of the fastest run split over two threads, wall ms
     * @param detector           the detector's settings
     */
    record Result(int frameWidthPx, int frameHeightPx, double cleanMs, double crackedMs, double cleanMpxPerSecond,
                  double crackedMpxPerSecond, double crackedSplitWallMs, String detector) {

        /** The figures as a JSON object. */
        java.util.Map<String, Object> json() {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("frameWidthPx", frameWidthPx);
            m.put("frameHeightPx", frameHeightPx);
            m.put("cleanMs", cleanMs);
            m.put("crackedMs", crackedMs);
            m.put("cleanMpxPerSecond", cleanMpxPerSecond);
            m.put("crackedMpxPerSecond", crackedMpxPerSecond);
            m.put("crackedSplitWallMs", crackedSplitWallMs);
            m.put("detector", detector);
            return m;
        }
    }

    private CrackStageBench() {
    }

    static Result run(int frames, int rounds, long seed) {
        if (frames < 1 || rounds < 1) {
            throw new IllegalArgumentException("need frames >= 1 and rounds >= 1, got " + frames + ", " + rounds);
        }
        OpenCvNative.load();
        int threads = Core.getNumThreads();
        Core.setNumThreads(1);
        try {
            CrackDetector det = new CrackDetector(SinteredDemo.detectorConfig());
            SinteredLayerConfig base = SinteredLayerConfig.defaults().withSeed(seed).withFrames(frames);
            double clean = medianMs(det, base.withRates(0, 0), frames, rounds);
            double cracked = medianMs(det, base, frames, rounds);
            double split;
            try (FrameSplitPool helper = FrameSplitPool.start(1)) {
                split = medianMs(new CrackDetector(SinteredDemo.detectorConfig(), helper.work()), base, frames, rounds, System::nanoTime);
            }
            double mpx = (double) base.widthPx() * base.heightPx() / 1e6;
            return new Result(base.widthPx(), base.heightPx(), clean, cracked, mpx / clean * 1000, mpx / cracked * 1000, split,
                    SinteredDemo.detectorConfig().toString());
        } finally {
            Core.setNumThreads(threads);
        }
    }

    private static double medianMs(CrackDetector det, SinteredLayerConfig cfg, int frames, int rounds) {
        ThreadMXBean tb = ManagementFactory.getThreadMXBean();
        return medianMs(det, cfg, frames, rounds, tb::getCurrentThreadCpuTime);
    }

    /** Per frame the fastest of {@code rounds} detections on {@code clockNs}, then the median over the frames, ms. */
    private static double medianMs(CrackDetector det, SinteredLayerConfig cfg, int frames, int rounds, LongSupplier clockNs) {
        SinteredLayerSimulator sim = new SinteredLayerSimulator(cfg);
        double[] best = new double[frames];
        for (int i = 0; i < frames; i++) {
            try (SinteredFrame f = sim.render(i)) {
                best[i] = Double.POSITIVE_INFINITY;
                for (int r = 0; r < rounds; r++) {
                    long c0 = clockNs.getAsLong();
                    try (CrackResult res = det.detect(f.frame().image(), f.frame().grid())) {
                        best[i] = Math.min(best[i], (clockNs.getAsLong() - c0) / 1e6);
                    }
                }
            }
        }
        Arrays.sort(best);
        return best[frames / 2];
    }
}
