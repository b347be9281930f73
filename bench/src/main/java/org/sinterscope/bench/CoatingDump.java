package org.sinterscope.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.opencv.core.Core;
import org.sinterscope.camera.Frame;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedLine;
import org.sinterscope.simulator.line.SimulatedLineConfig;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.coating.CoatingInspector;
import org.sinterscope.inspection.coating.CoatingInspectorConfig;

/**
 * Prints the coating inspection of 320 seeded simulated frames (seeds 7, 8, 11, 12; 40 clean and 40
 * defect-dense frames each: 40 defects and 5 look-alikes per metre), every defect with its
 * measurements, sorted: run it on two builds and {@code diff} the outputs to show that a change to
 * the inspection leaves its results unchanged. With {@code time}, prints the inspection's CPU time
 * per frame instead (clean and dense frames of seed 7), which also runs against an older build's
 * inspection classes. With {@code demo}, prints the inspections of the frames DemoAccuracyTest runs.
 *
 * <p>Run: {@code mvn -q -o -pl bench -am install -DskipTests -DskipBenchJar=true}, then
 * {@code java -cp "bench/target/classes:$(mvn -q -o -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" org.sinterscope.bench.CoatingDump > dump.txt}
 */
public final class CoatingDump {

    private CoatingDump() {
    }

    public static void main(String[] args) {
        org.sinterscope.camera.OpenCvNative.load();
        Core.setNumThreads(1);
        CoatingInspector insp = new CoatingInspector(CoatingInspectorConfig.defaults());
        if (args.length > 0 && args[0].equals("time")) {
            time(insp);
        } else if (args.length > 0 && args[0].equals("demo")) {
            demo(insp);
        } else {
            dump(insp);
        }
    }

    /**
     * The frames of DemoAccuracyTest's two runs (30 m each, look-alikes off: seed 11 at 3 defects per
     * metre, seed 12 defect-free), rendered one at a time, each inspection printed as {@link #dump} does.
     */
    private static void demo(CoatingInspector insp) {
        for (long[] seedRate : new long[][] {{11, 3}, {12, 0}}) {
            SimulatedLineConfig cfg = SimulatedLineConfig.defaults().withLengthM(30).withDefectRatePerM(seedRate[1])
                    .withSeed(seedRate[0]).withLookalikeRatePerM(0);
            try (SimulatedLine line = new SimulatedLine(cfg, SimulatedEncoder.freeRunning())) {
                for (int i = 0; i < line.frameCount(); i++) {
                    try (Frame f = line.render(i, false).frame()) {
                        print("demo", seedRate[0], f, insp.inspect(f));
                    }
                }
            }
        }
    }

    /**
     * The classical inspection's CPU time (calling thread) per frame, fastest of 12 runs, median over
     * 12 clean and 12 dense frames of seed 7. Uses nothing but {@code inspect}, so it times any build.
     */
    private static void time(CoatingInspector insp) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (String kind : List.of("clean", "dense")) {
            List<Frame> frames = frames(kind, 7, 12);
            double[] best = new double[frames.size()];
            Arrays.fill(best, Double.POSITIVE_INFINITY);
            for (int r = -1; r < 12; r++) {
                for (int i = 0; i < frames.size(); i++) {
                    long c0 = mx.getCurrentThreadCpuTime();
                    insp.inspect(frames.get(i));
                    long c1 = mx.getCurrentThreadCpuTime();
                    if (r >= 0) {
                        best[i] = Math.min(best[i], (c1 - c0) / 1e6);
                    }
                }
            }
            Arrays.sort(best);
            System.out.printf("%s: classical coating inspection %.2f ms CPU per frame (median over %d frames of the fastest of 12 runs)%n",
                    kind, (best[5] + best[6]) / 2, frames.size());
            frames.forEach(Frame::close);
        }
    }

    private static void dump(CoatingInspector insp) {
        for (long seed : new long[] {7, 8, 11, 12}) {
            for (String kind : List.of("clean", "dense")) {
                List<Frame> frames = frames(kind, seed, 40);
                for (Frame f : frames) {
                    print(kind, seed, f, insp.inspect(f));
                    f.close();
                }
            }
        }
    }

    private static void print(String kind, long seed, Frame f, FrameInspection fi) {
        var c = fi.coating();
        System.out.printf("%s %d #%d edges %.6f %.6f mean %.6f cv %.6f bins %s streaks %s%n", kind, seed, f.sequence(),
                c.leftEdgeMm(), c.rightEdgeMm(), c.meanGrey(), c.cvPercent(), Arrays.hashCode(c.profileGrey()), c.streaks());
        List<String> lines = new ArrayList<>();
        for (Defect d : fi.defects()) {
            lines.add(String.format("  %s %.6f %s %s %s", d.defectClass(), d.confidence(), d.boundsPx(),
                    new java.util.TreeMap<>(d.measurements()), d.detector()));
        }
        lines.stream().sorted().forEach(System.out::println);
    }

    static List<Frame> frames(String kind, long seed, int n) {
        SimulatedLineConfig cfg = SimulatedLineConfig.defaults().withSeed(seed).withLengthM(3);
        cfg = kind.equals("clean") ? cfg.withDefectRatePerM(0).withLookalikeRatePerM(0)
                : cfg.withDefectRatePerM(40).withLookalikeRatePerM(5);
        List<Frame> out = new ArrayList<>();
        try (SimulatedLine line = new SimulatedLine(cfg, SimulatedEncoder.freeRunning())) {
            for (int i = 0; i < n && i < line.frameCount(); i++) {
                out.add(line.render(i, false).frame());
            }
        }
        return out;
    }

}
