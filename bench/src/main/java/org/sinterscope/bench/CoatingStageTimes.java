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
 * Development harness: median ms per coating stage on seeded simulated frames (clean: no defects,
 * no look-alikes; dense: 40 defects and 5 look-alikes per metre), one thread, and one memory pass
 * ({@code Core.sumElems}) over the same frames. With {@code dump}, prints every frame's inspection
 * instead (to compare two builds).
 *
 * <p>Run: {@code java -cp bench/target/classes:$(cat /tmp/cp) org.sinterscope.bench.CoatingStageTimes [dump]}
 */
public final class CoatingStageTimes {

    private CoatingStageTimes() {
    }

    public static void main(String[] args) {
        org.sinterscope.camera.OpenCvNative.load();
        Core.setNumThreads(1);
        CoatingInspector insp = new CoatingInspector(CoatingInspectorConfig.defaults());
        if (args.length > 0 && args[0].equals("dump")) {
            dump(insp);
            return;
        }
        for (String kind : List.of("clean", "dense")) {
            List<Frame> frames = frames(kind, 7, 12);
            int rounds = 12;
            // per frame, the fastest of the rounds (robust to other load on the machine), then the median over frames
            long[][] st = new long[6][frames.size()];
            for (long[] v : st) {
                Arrays.fill(v, Long.MAX_VALUE);
            }
            for (int r = 0; r < rounds + 3; r++) {
                for (int i = 0; i < frames.size(); i++) {
                    Frame f = frames.get(i);
                    long a = System.nanoTime();
                    double s = Core.sumElems(f.image()).val[0];
                    long b = System.nanoTime();
                    CoatingInspector.Timed t = insp.inspectTimed(f);
                    if (r >= 3) {
                        st[0][i] = Math.min(st[0][i], t.stages().profileNanos());
                        st[1][i] = Math.min(st[1][i], t.stages().edgesNanos());
                        st[2][i] = Math.min(st[2][i], t.stages().streaksNanos());
                        st[3][i] = Math.min(st[3][i], t.stages().spotsNanos());
                        st[4][i] = Math.min(st[4][i], t.inspection().inspectNanos());
                        st[5][i] = Math.min(st[5][i], b - a + (s < 0 ? 1 : 0));
                    }
                }
            }
            System.out.printf("%s: profile %.2f edges %.2f streaks %.2f spots %.2f total %.2f ms (median over %d frames of the best of %d rounds); memory pass %.3f ms; ratio %.0f%n",
                    kind, med(st[0]), med(st[1]), med(st[2]), med(st[3]), med(st[4]), frames.size(), rounds, med(st[5]), med(st[4]) / med(st[5]));
            frames.forEach(Frame::close);
        }
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

    private static double med(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }
}
