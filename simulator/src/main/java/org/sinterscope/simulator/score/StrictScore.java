package org.sinterscope.simulator.score;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.WebRect;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.routes.reject.RejectCommand;
import org.sinterscope.simulator.line.DefectPlan;
import org.sinterscope.simulator.line.InjectedDefect;

/**
 * Strict scoring of a simulated-line run against its ground truth (synthetic figures).
 *
 * <ul>
 *   <li><b>Rejected</b>: an injected defect is rejected only when the union of the stretches the
 *   actuators fired <em>in time</em> covers its whole along-web extent {@code [y0, y1]}.</li>
 *   <li><b>Match</b>: a detection matches an injected defect when (1) its centre lies inside the
 *   injected box grown by {@value #TOLERANCE_MM} mm, and (2) at least {@value #MIN_OVERLAP} of the
 *   detection's own area lies inside that grown box (a large box that merely touches the defect does
 *   not match). A detection of a long defect cut by frame edges matches its part. A match with the
 *   same class <em>detects</em> the defect; one with another class is a confusion.</li>
 *   <li><b>Confusion matrix</b>: row = injected class, column = the class of the detection that
 *   matched it by position (the same class when one did), {@code none} when nothing matched; row
 *   {@code none} counts detections matching no injected defect (false detections), by detected class.</li>
 *   <li><b>Precision</b> per class: detections of the class that match an injected defect of that
 *   class / all detections of the class (frame by frame: a streak over five frames is five detections).</li>
 *   <li><b>False rejects</b>: fired stretches that meet no injected defect (grown by the tolerance),
 *   by cause: {@code look-alike} (a look-alike of the simulator lies in the stretch),
 *   {@code measurement} (only measurement causes: coating width, edge, CV, uninspected), else
 *   {@code nothing}.</li>
 *   <li><b>Missed</b>: every injected defect not rejected, with why ({@link Miss}): {@code late} (the
 *   stretches would cover it if the late ones counted), {@code partly covered} (in-time stretches meet
 *   it but leave a part), {@code detected, not rejected} (a detection matched it, no in-time stretch
 *   meets it), {@code not detected} (nothing matched it, nothing fired over it).</li>
 * </ul>
 */
public final class StrictScore {

    public static final double TOLERANCE_MM = 1.0;
    public static final double MIN_OVERLAP = 0.5;
    public static final String NONE = "none";

    /** Counts of one class. */
    public record ClassRow(int injected, int detected, int rejected, int detections, int matchedDetections, int falseDetections,
                           int falseRejects) {
        /** detected / injected, NaN without injected defects. */
        public double detectionRecall() {
            return injected == 0 ? Double.NaN : (double) detected / injected;
        }

        /** rejected / injected, NaN without injected defects. */
        public double rejectRecall() {
            return injected == 0 ? Double.NaN : (double) rejected / injected;
        }

        /** matchedDetections / detections, NaN without detections. */
        public double precision() {
            return detections == 0 ? Double.NaN : (double) matchedDetections / detections;
        }
    }

    /**
     * @param byClass            per class label
     * @param confusion          injected class (or none) → detected class (or none) → count
     * @param falseRejects       fired stretches meeting no injected defect
     * @param falseRejectsByCause look-alike, measurement, nothing
     * @param webMeters          web length scored, m
     * @param missed             the injected defects not rejected, with why
     * @param falseRejectList    each false reject: where, the command's causes, the look-alikes in it
     */
    public record Result(Map<String, ClassRow> byClass, Map<String, Map<String, Integer>> confusion, int falseRejects,
                         Map<String, Integer> falseRejectsByCause, double webMeters, List<Miss> missed,
                         List<FalseReject> falseRejectList) {
        public Result {
            missed = List.copyOf(missed);
            falseRejectList = List.copyOf(falseRejectList);
        }

        /** A result without the lists of missed defects and false rejects. */
        public Result(Map<String, ClassRow> byClass, Map<String, Map<String, Integer>> confusion, int falseRejects,
                      Map<String, Integer> falseRejectsByCause, double webMeters) {
            this(byClass, confusion, falseRejects, falseRejectsByCause, webMeters, List.of(), List.of());
        }
    }

    /**
     * A fired stretch that meets no injected defect.
     *
     * @param y0Mm       stretch start on the web, mm
     * @param y1Mm       stretch end, mm
     * @param actuator   the actuator that fired it
     * @param causes     the command's causes (classes or measurements)
     * @param cause      look-alike, measurement or nothing (as in {@link Result#falseRejectsByCause()})
     * @param lookalikes the look-alikes in the stretch (± the tolerance): kind, size in mm, contrast in grey levels
     */
    public record FalseReject(double y0Mm, double y1Mm, String actuator, List<String> causes, String cause, List<String> lookalikes) {
        public FalseReject {
            causes = List.copyOf(causes);
            lookalikes = List.copyOf(lookalikes);
        }
    }

    /**
     * An injected defect that was not rejected.
     *
     * @param id              its id in the plan
     * @param defectClass     its class label
     * @param boundsMm        its extent on the web, mm
     * @param sizeMm          its characteristic size, mm
     * @param matchedAs       the class of the detection that matched it by position, or {@value #NONE}
     * @param coveredFraction share of its along-web extent covered by in-time stretches, 0–1
     * @param reason          late, partly covered, detected not rejected, not detected
     */
    public record Miss(long id, String defectClass, WebRect boundsMm, double sizeMm, String matchedAs, double coveredFraction,
                       String reason) {
    }

    /** A stretch the actuator fired, as far as scoring goes. */
    public record FiredStretch(RejectCommand command, boolean inTime) {
    }

    private static final Set<String> CLASS_LABELS = Set.of(java.util.Arrays.stream(DefectClass.values()).map(DefectClass::label)
            .toArray(String[]::new));

    private StrictScore() {
    }

    /** True when {@code d} matches {@code g} by position (any class), by the rule above. */
    public static boolean matches(WebRect d, WebRect g) {
        WebRect grown = g.grow(TOLERANCE_MM);
        boolean centreIn = d.centreXMm() >= grown.x0Mm() && d.centreXMm() <= grown.x1Mm()
                && d.centreYMm() >= grown.y0Mm() && d.centreYMm() <= grown.y1Mm();
        if (!centreIn) {
            return false;
        }
        double area = d.widthMm() * d.lengthMm();
        if (area <= 0) {
            return true; // a degenerate box whose centre is on the defect
        }
        double ix = Math.min(d.x1Mm(), grown.x1Mm()) - Math.max(d.x0Mm(), grown.x0Mm());
        double iy = Math.min(d.y1Mm(), grown.y1Mm()) - Math.max(d.y0Mm(), grown.y0Mm());
        return Math.max(0, ix) * Math.max(0, iy) >= MIN_OVERLAP * area;
    }

    /** True when the union of {@code spans} ([y0, y1] each) covers [y0, y1] whole. */
    public static boolean covers(List<double[]> spans, double y0, double y1) {
        List<double[]> s = new ArrayList<>(spans);
        s.sort(Comparator.comparingDouble(a -> a[0]));
        double reached = y0;
        for (double[] iv : s) {
            if (iv[0] > reached) {
                break;
            }
            reached = Math.max(reached, iv[1]);
            if (reached >= y1) {
                return true;
            }
        }
        return reached >= y1;
    }

    /**
     * The share of [y0, y1] covered by the union of {@code spans}: covered length / (y1 − y0); for a
     * defect of no length, 1 when a span holds y0, else 0.
     */
    public static double coveredFraction(List<double[]> spans, double y0, double y1) {
        if (!(y1 > y0)) {
            return spans.stream().anyMatch(iv -> iv[0] <= y0 && y0 <= iv[1]) ? 1 : 0;
        }
        List<double[]> s = new ArrayList<>(spans);
        s.sort(Comparator.comparingDouble(a -> a[0]));
        double covered = 0;
        double reached = y0;
        for (double[] iv : s) {
            double a = Math.max(iv[0], reached);
            double b = Math.min(iv[1], y1);
            if (b > a) {
                covered += b - a;
                reached = b;
            }
        }
        return covered / (y1 - y0);
    }

    public static Result score(DefectPlan plan, Collection<FrameInspection> inspections, List<FiredStretch> fired, double webMeters) {
        Map<String, int[]> acc = new TreeMap<>(); // injected, detected, rejected, detections, matched, falseDet, falseRej
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        Map<Long, String> matchedAs = new LinkedHashMap<>();
        for (FrameInspection fi : inspections) {
            List<InjectedDefect> near = plan.within(fi.yStartMm() - 5, fi.yEndMm() + 5);
            for (Defect d : fi.defects()) {
                String dc = d.defectClass().label();
                int[] a = row(acc, dc);
                a[3]++;
                boolean sameMatched = false;
                boolean anyMatched = false;
                for (InjectedDefect g : near) {
                    if (!matches(d.boundsMm(), g.bounds())) {
                        continue;
                    }
                    anyMatched = true;
                    if (g.defectClass() == d.defectClass()) {
                        sameMatched = true;
                        matchedAs.put(g.id(), dc);
                    } else {
                        matchedAs.putIfAbsent(g.id(), dc);
                    }
                }
                if (sameMatched) {
                    a[4]++;
                } else if (!anyMatched) {
                    a[5]++;
                    confusion.computeIfAbsent(NONE, k -> new TreeMap<>()).merge(dc, 1, Integer::sum);
                }
            }
        }
        List<double[]> inTime = fired.stream().filter(FiredStretch::inTime)
                .map(f -> new double[] {f.command().y0Mm(), f.command().y1Mm()}).toList();
        List<double[]> all = fired.stream().map(f -> new double[] {f.command().y0Mm(), f.command().y1Mm()}).toList();
        List<Miss> missed = new ArrayList<>();
        for (InjectedDefect g : plan.defects()) {
            String gc = g.defectClass().label();
            int[] a = row(acc, gc);
            a[0]++;
            String as = matchedAs.getOrDefault(g.id(), NONE);
            if (as.equals(gc)) {
                a[1]++;
            }
            confusion.computeIfAbsent(gc, k -> new TreeMap<>()).merge(as, 1, Integer::sum);
            if (covers(inTime, g.bounds().y0Mm(), g.bounds().y1Mm())) {
                a[2]++;
            } else {
                double covered = coveredFraction(inTime, g.bounds().y0Mm(), g.bounds().y1Mm());
                String reason = covers(all, g.bounds().y0Mm(), g.bounds().y1Mm()) ? "late"
                        : covered > 0 ? "partly covered" : matchedAs.containsKey(g.id()) ? "detected, not rejected" : "not detected";
                missed.add(new Miss(g.id(), gc, g.bounds(), g.sizeMm(), as, covered, reason));
            }
        }
        Map<String, Integer> byCause = new LinkedHashMap<>();
        byCause.put("look-alike", 0);
        byCause.put("measurement", 0);
        byCause.put("nothing", 0);
        int falseRejects = 0;
        List<FalseReject> falseList = new ArrayList<>();
        for (FiredStretch f : fired) {
            RejectCommand c = f.command();
            if (!plan.within(c.y0Mm() - TOLERANCE_MM, c.y1Mm() + TOLERANCE_MM).isEmpty()) {
                continue;
            }
            falseRejects++;
            boolean classCause = c.causes().stream().anyMatch(CLASS_LABELS::contains);
            String cause = !plan.lookalikesWithin(c.y0Mm() - TOLERANCE_MM, c.y1Mm() + TOLERANCE_MM).isEmpty() ? "look-alike"
                    : classCause ? "nothing" : "measurement";
            byCause.merge(cause, 1, Integer::sum);
            falseList.add(new FalseReject(c.y0Mm(), c.y1Mm(), c.actuatorId(), c.causes(), cause,
                    plan.lookalikesWithin(c.y0Mm() - TOLERANCE_MM, c.y1Mm() + TOLERANCE_MM).stream()
                            .map(l -> l.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + String.format(java.util.Locale.ROOT, "%.2f mm, %+.0f grey",
                                    l.sizeMm(), l.contrast())).toList()));
            c.causes().stream().filter(CLASS_LABELS::contains).forEach(cl -> row(acc, cl)[6]++);
        }
        Map<String, ClassRow> byClass = new LinkedHashMap<>();
        acc.forEach((k, a) -> byClass.put(k, new ClassRow(a[0], a[1], a[2], a[3], a[4], a[5], a[6])));
        return new Result(byClass, confusion, falseRejects, byCause, webMeters, missed, falseList);
    }

    private static int[] row(Map<String, int[]> acc, String label) {
        return acc.computeIfAbsent(label, k -> new int[7]);
    }
}
