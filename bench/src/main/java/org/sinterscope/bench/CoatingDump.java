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
 * the inspection leaves its results unchanged.
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
        dump(new CoatingInspector(CoatingInspectorConfig.defaults()));
    }

    private static void dump(CoatingInspector insp) {
        for (long seed : new long[] {7, 8, 11, 12}) {
            for (String kind : List.of("clean", "dense")) {
                List<Frame> frames = frames(kind, seed, 40);
                for (Frame f : frames) {
                    FrameInspection fi = insp.inspect(f);
                    var c = fi.coating();
                    System.out.printf("%s %d #%d edges %.6f %.6f mean %.6f cv %.6f bins %s streaks %s%n", kind, seed, f.sequence(),
                            c.leftEdgeMm(), c.rightEdgeMm(), c.meanGrey(), c.cvPercent(), Arrays.hashCode(c.profileGrey()), c.streaks());
                    List<String> lines = new ArrayList<>();
                    for (Defect d : fi.defects()) {
                        lines.add(String.format("  %s %.6f %s %s %s", d.defectClass(), d.confidence(), d.boundsPx(),
                                new java.util.TreeMap<>(d.measurements()), d.detector()));
                    }
                    lines.stream().sorted().forEach(System.out::println);
                    f.close();
                }
            }
        }
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
