package org.sinterscope.launcher;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

import org.sinterscope.simulator.score.SeedPool;
import org.sinterscope.simulator.score.StrictScore;

/** The demo's strict scores as text (docs/scoring.md explains every column). */
final class StrictReport {

    /** The smallest n whose Wilson lower bound reaches 0.95 when all n succeed: n / (n + 1.96²) ≥ 0.95. */
    static final int MIN_N_FOR_95 = 73;

    private StrictReport() {
    }

    static void print(PrintWriter out, StrictScore.Result r) {
        if (r == null) {
            return;
        }
        out.printf(Locale.ROOT, "  strict scoring (synthetic, %.1f m; docs/scoring.md): reject = whole extent covered in time,"
                + " detection = class + overlap%n", r.webMeters());
        out.println("    class        injected detected rejected detections precision false-det false-rej");
        r.byClass().forEach((c, v) -> out.printf(Locale.ROOT, "    %-11s %9d %8d %8d %10d %9.3f %9d %9d%n", c, v.injected(), v.detected(),
                v.rejected(), v.detections(), v.precision(), v.falseDetections(), v.falseRejects()));
        out.printf(Locale.ROOT, "    false rejects %d: %s%n", r.falseRejects(), causes(r.falseRejectsByCause()));
        out.println("    confusion (injected → matched as): " + r.confusion());
    }

    static void printPooled(PrintWriter out, SeedPool.Pooled p) {
        out.printf(Locale.ROOT, "Sinterscope demo over %d seeds %s (synthetic, %.1f m of web, strict scoring, 95 %% Wilson lower bounds)%n",
                p.seeds().size(), p.seeds(), p.webMeters());
        out.println("    class        injected rejected recall  lower95 detected det-lower95 precision false-rej");
        p.byClass().forEach((c, v) -> out.printf(Locale.ROOT, "    %-11s %9d %8d %6.3f %8.3f %8d %10.3f %9.3f %9d%n", c, v.injected(),
                v.rejected(), v.rejectRecall(), v.rejectRecallLower95(), v.detected(), v.detectionRecallLower95(), v.precision(),
                v.falseRejects()));
        out.printf(Locale.ROOT, "    false rejects %d in %.1f m: %.2f per 100 m, 95 %% upper bound %.2f per 100 m (exact Poisson): %s%n",
                p.falseRejects(), p.webMeters(), p.falseRejectsPer100m(), p.falseRejectsPer100mUpper95(), causes(p.falseRejectsByCause()));
        p.byClass().forEach((c, v) -> {
            if (v.injected() > 0 && v.injected() < MIN_N_FOR_95) {
                out.printf(Locale.ROOT, "    note: %s has %d defects; with every one rejected its lower bound is %.3f (n >= %d reaches 0.95)%n",
                        c, v.injected(), SeedPool.wilsonLower(v.injected(), v.injected()), MIN_N_FOR_95);
            }
        });
        out.flush();
    }

    private static String causes(Map<String, Integer> byCause) {
        StringBuilder b = new StringBuilder();
        byCause.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return b.toString();
    }
}
