package org.sinterscope.simulator.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sinterscope.camera.DefectClass;
import org.sinterscope.simulator.line.DefectPlan;
import org.sinterscope.simulator.line.InjectedDefect;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.simulator.score.DetectionScore;
import org.sinterscope.routes.RunLedger;
import org.sinterscope.simulator.plc.PlcSimulator;

/**
 * Scores a run against the simulator's plan: what was detected (right class, within
 * {@value #TOLERANCE_MM} mm), what the actuator rejected in time, what it rejected for nothing.
 */
final class DemoScorer {

    static final double TOLERANCE_MM = 1.0;

    private DemoScorer() {
    }

    record Scores(int detected, int rejected, int falseRejects, double rejectedMeters, Map<String, DemoSummary.ClassSummary> byClass) {
    }

    static Scores score(DefectPlan plan, RunLedger ledger, List<PlcSimulator.Fired> fired) {
        DetectionScore det = new DetectionScore(TOLERANCE_MM);
        for (FrameInspection fi : ledger.inspections()) {
            det.add(fi.defects(), plan.within(fi.yStartMm() - 5, fi.yEndMm() + 5));
        }
        Map<DefectClass, int[]> acc = new EnumMap<>(DefectClass.class); // injected, detected, rejected, falseRejects
        int detected = 0;
        int rejected = 0;
        for (InjectedDefect g : plan.defects()) {
            int[] a = acc.computeIfAbsent(g.defectClass(), k -> new int[4]);
            a[0]++;
            if (det.wasFound(g)) {
                a[1]++;
                detected++;
            }
            boolean hit = fired.stream().anyMatch(f -> f.inTime()
                    && f.command().y0Mm() <= g.bounds().y1Mm() && g.bounds().y0Mm() <= f.command().y1Mm());
            if (hit) {
                a[2]++;
                rejected++;
            }
        }
        int falseRejects = 0;
        List<double[]> spans = new ArrayList<>();
        for (PlcSimulator.Fired f : fired) {
            spans.add(new double[] {f.command().y0Mm(), f.command().y1Mm()});
            double y0 = f.command().y0Mm() - TOLERANCE_MM;
            double y1 = f.command().y1Mm() + TOLERANCE_MM;
            if (plan.within(y0, y1).isEmpty()) {
                falseRejects++;
                for (String cause : f.command().causes()) {
                    try {
                        acc.computeIfAbsent(DefectClass.fromLabel(cause), k -> new int[4])[3]++;
                    } catch (IllegalArgumentException notAClass) {
                        // a measurement (coating width, CV) caused it: counted in the total only
                    }
                }
            }
        }
        Map<String, DemoSummary.ClassSummary> byClass = new LinkedHashMap<>();
        acc.forEach((c, a) -> byClass.put(c.label(), new DemoSummary.ClassSummary(a[0], a[1], a[2], a[0] - a[2], a[3])));
        return new Scores(detected, rejected, falseRejects, unionLengthMm(spans) / 1000.0, byClass);
    }

    /** Web length the fired rejects cover, m (overlaps once). */
    static double rejectedMeters(List<PlcSimulator.Fired> fired) {
        List<double[]> spans = new ArrayList<>();
        for (PlcSimulator.Fired f : fired) {
            spans.add(new double[] {f.command().y0Mm(), f.command().y1Mm()});
        }
        return unionLengthMm(spans) / 1000.0;
    }

    /** Total length covered by a set of intervals, overlaps counted once. */
    static double unionLengthMm(List<double[]> spans) {
        List<double[]> s = new ArrayList<>(spans);
        s.sort((a, b) -> Double.compare(a[0], b[0]));
        double total = 0;
        double curA = Double.NaN;
        double curB = Double.NaN;
        for (double[] iv : s) {
            if (Double.isNaN(curA) || iv[0] > curB) {
                if (!Double.isNaN(curA)) {
                    total += curB - curA;
                }
                curA = iv[0];
                curB = iv[1];
            } else {
                curB = Math.max(curB, iv[1]);
            }
        }
        return Double.isNaN(curA) ? 0 : total + curB - curA;
    }

    /** p50, p99 and max of the latencies, ms (NaN when there are none). */
    static Map<String, Double> percentiles(List<Duration> latencies) {
        Map<String, Double> out = new LinkedHashMap<>();
        List<Long> ns = new ArrayList<>(latencies.stream().map(Duration::toNanos).toList());
        Collections.sort(ns);
        out.put("p50", pct(ns, 0.50));
        out.put("p99", pct(ns, 0.99));
        out.put("max", ns.isEmpty() ? Double.NaN : ns.get(ns.size() - 1) / 1e6);
        return out;
    }

    /** Nearest-rank percentile, ms. */
    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }
}
