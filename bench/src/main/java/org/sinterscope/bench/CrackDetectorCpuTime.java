package org.sinterscope.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import org.opencv.core.Core;
import org.sinterscope.simulator.line.SinteredFrame;
import org.sinterscope.simulator.line.SinteredLayerConfig;
import org.sinterscope.simulator.line.SinteredLayerSimulator;
import org.sinterscope.inspection.crack.CrackDetector;
import org.sinterscope.inspection.crack.CrackDetectorConfig;
import org.sinterscope.inspection.crack.CrackResult;

/**
 * Thread CPU time of the {@code line} crack detector on the {@link CrackDetectorBenchmark} frame
 * (8192 × 2048, default simulator seed), OpenCV on one thread: a figure that a loaded shared
 * machine disturbs much less than wall time. Prints the median, min and max of N runs after 3
 * warm-up runs. Run: {@code java -cp bench/target/benchmarks.jar org.sinterscope.bench.CrackDetectorCpuTime [N]}.
 */
public final class CrackDetectorCpuTime {

    private CrackDetectorCpuTime() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        if (n < 1) {
            throw new IllegalArgumentException("N must be >= 1, got " + n);
        }
        CrackDetector det = new CrackDetector(CrackDetectorConfig.line());
        Core.setNumThreads(1);
        ThreadMXBean tb = ManagementFactory.getThreadMXBean();
        double[] ms = new double[n];
        SinteredLayerConfig cfg = SinteredLayerConfig.defaults().withFrameSize(8192, 2048).withFrames(1);
        try (SinteredFrame f = new SinteredLayerSimulator(cfg).nextWithTruth()) {
            for (int i = -3; i < n; i++) {
                long c0 = tb.getCurrentThreadCpuTime();
                try (CrackResult r = det.detect(f.frame().image(), f.frame().grid())) {
                    if (i >= 0) {
                        ms[i] = (tb.getCurrentThreadCpuTime() - c0) / 1e6;
                    }
                }
            }
        }
        Arrays.sort(ms);
        double mpx = 8192.0 * 2048 / 1e6;
        System.out.printf("line preset, thread CPU per 8192x2048 frame: median %.0f ms (min %.0f, max %.0f, n=%d) = %.1f Mpx/s%n",
                ms[n / 2], ms[0], ms[n - 1], n, mpx / (ms[n / 2] / 1000));
    }
}
