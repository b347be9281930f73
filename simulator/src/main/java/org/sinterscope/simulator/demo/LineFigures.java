package org.sinterscope.simulator.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sinterscope.camera.DefectClass;
import org.sinterscope.simulator.line.DefectPlan;
import org.sinterscope.simulator.line.InjectedDefect;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.SegmentVerdict;
import org.sinterscope.simulator.score.DetectionScore;
import org.sinterscope.routes.decide.VerdictDecider;

/**
 * What a recipe would reject given a run's inspections, scored against the simulator's plan.
 *
 * <p>Each inspection is decided ({@link VerdictDecider}); a reject stretch is <em>false</em> when it
 * meets no injected defect (each grown by the tolerance along the web), and <em>from a look-alike</em>
 * when such a false stretch meets a look-alike. Per class: {@code detected} = found with the right
 * class ({@link DetectionScore}); {@code rejected} = inside a reject stretch; recall = rejected /
 * injected (what the line catches).
 *
 * @param falseRejects               reject stretches meeting no injected defect
 * @param falseRejectsFromLookalikes of those, the ones meeting a look-alike
 * @param rejectedMeters             web rejected, m (overlaps counted once)
 * @param byClass                    per defect class
 */
public record LineFigures(int falseRejects, int falseRejectsFromLookalikes, double rejectedMeters,
                          Map<String, ClassRecall> byClass) {

    /**
     * @param injected defects of the class on the web
     * @param detected of those, found with the right class
     * @param rejected of those, inside a reject stretch
     */
    public record ClassRecall(int injected, int detected, int rejected) {
        public double recall() {
            return injected == 0 ? Double.NaN : (double) rejected / injected;
        }
    }

    public LineFigures {
        byClass = Map.copyOf(byClass);
    }

    /** Decides {@code inspections} with {@code decider} and scores them against {@code plan}. */
    public static LineFigures of(List<FrameInspection> inspections, DefectPlan plan, VerdictDecider decider, double toleranceMm) {
        DetectionScore det = new DetectionScore(toleranceMm);
        List<SegmentVerdict.RejectSpan> spans = new ArrayList<>();
        for (FrameInspection fi : inspections) {
            det.add(fi.defects(), plan.within(fi.yStartMm() - 5, fi.yEndMm() + 5));
            spans.addAll(decider.decide(fi).rejects());
        }
        int falseRejects = 0;
        int fromLookalikes = 0;
        for (SegmentVerdict.RejectSpan s : spans) {
            if (plan.within(s.y0Mm() - toleranceMm, s.y1Mm() + toleranceMm).isEmpty()) {
                falseRejects++;
                if (!plan.lookalikesWithin(s.y0Mm() - toleranceMm, s.y1Mm() + toleranceMm).isEmpty()) {
                    fromLookalikes++;
                }
            }
        }
        Map<DefectClass, int[]> acc = new EnumMap<>(DefectClass.class);
        for (InjectedDefect g : plan.defects()) {
            int[] a = acc.computeIfAbsent(g.defectClass(), k -> new int[3]);
            a[0]++;
            if (det.wasFound(g)) {
                a[1]++;
            }
            if (spans.stream().anyMatch(s -> s.y0Mm() <= g.bounds().y1Mm() && g.bounds().y0Mm() <= s.y1Mm())) {
                a[2]++;
            }
        }
        Map<String, ClassRecall> byClass = new LinkedHashMap<>();
        acc.forEach((c, a) -> byClass.put(c.label(), new ClassRecall(a[0], a[1], a[2])));
        return new LineFigures(falseRejects, fromLookalikes, unionLengthMm(spans) / 1000.0, byClass);
    }

    /** The lowest per-class recall (NaN with no defects). */
    public double minRecall() {
        return byClass.values().stream().mapToDouble(ClassRecall::recall).min().orElse(Double.NaN);
    }

    private static double unionLengthMm(List<SegmentVerdict.RejectSpan> spans) {
        List<SegmentVerdict.RejectSpan> s = new ArrayList<>(spans);
        s.sort(Comparator.comparingDouble(SegmentVerdict.RejectSpan::y0Mm));
        double total = 0;
        double a = Double.NaN;
        double b = Double.NaN;
        for (SegmentVerdict.RejectSpan r : s) {
            if (Double.isNaN(a) || r.y0Mm() > b) {
                total += Double.isNaN(a) ? 0 : b - a;
                a = r.y0Mm();
                b = r.y1Mm();
            } else {
                b = Math.max(b, r.y1Mm());
            }
        }
        return Double.isNaN(a) ? total : total + b - a;
    }
}
