package org.sinterscope.routes.decide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.sinterscope.camera.DefectClass;
import org.sinterscope.inspection.CoatingUniformity;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.SegmentVerdict;
import org.sinterscope.inspection.SegmentVerdict.RejectSpan;
import org.sinterscope.inspection.crack.CrackFrameInspector;

/**
 * Decides a frame's web segment against a {@link Recipe}.
 *
 * <ul>
 *   <li>A defect rejects when its class rejects and its size measurement reaches the class's
 *   minimum; its reject stretch is its extent along the web ± {@code rejectMarginMm}, grown across
 *   the frame edge by {@link Defect#MAY_CONTINUE_BEFORE_MM} / {@link Defect#MAY_CONTINUE_AFTER_MM}
 *   when the detector says the defect may run on there unreported (a streak touching the edge).</li>
 *   <li>A coating out of its limits (width, operator-side edge position, CV %) rejects the whole
 *   segment (± margin). A frame where no coating was found rejects the whole segment too: the
 *   station cannot vouch for it.</li>
 *   <li>Sintered-layer frames (those with crack measurements, {@link CrackFrameInspector}) have no
 *   coating to check. With the recipe's crack limits on, a crack rejects its stretch (± margin) when
 *   its length or its largest width exceeds the limit, and a crack length density above the limit
 *   rejects the whole segment (± margin). Without crack limits, cracks follow {@code defects.crack}.</li>
 *   <li>A frame that could not be inspected rejects its whole segment.</li>
 *   <li>Overlapping stretches merge into one.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class VerdictDecider {

    /** The class name the classifier gives a defect it is unsure of. */
    public static final String UNCERTAIN = "uncertain";

    private final Recipe recipe;

    public VerdictDecider(Recipe recipe) {
        this.recipe = Objects.requireNonNull(recipe, "recipe");
    }

    public Recipe recipe() {
        return recipe;
    }

    /** The defect's {@code name} measurement when it is a finite length ≥ 0, else 0. */
    private static double beyond(Defect d, String name) {
        double v = d.measurement(name);
        return Double.isFinite(v) && v > 0 ? v : 0;
    }

    public SegmentVerdict decide(FrameInspection fi) {
        List<RejectSpan> spans = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        double margin = recipe.rejectMarginMm();
        for (Defect d : fi.defects()) {
            if (d.defectClass() == DefectClass.CRACK && recipe.crack().any()) {
                crackReasons(d, reasons, spans, margin);
                continue;
            }
            Recipe.DefectRule rule = recipe.rule(d.defectClass());
            boolean uncertain = UNCERTAIN.equals(d.detector());
            if (uncertain && recipe.uncertainPolicy() == Recipe.UncertainPolicy.PASS) {
                continue;
            }
            double size = d.measurement(rule.sizeOf());
            boolean big = Double.isNaN(size) || size >= rule.minSizeMm();
            if (rule.reject() && big) {
                spans.add(new RejectSpan(d.boundsMm().y0Mm() - margin - beyond(d, Defect.MAY_CONTINUE_BEFORE_MM),
                        d.boundsMm().y1Mm() + margin + beyond(d, Defect.MAY_CONTINUE_AFTER_MM),
                        List.of(d.defectClass().label())));
                reasons.add(String.format(Locale.ROOT, "%s%s %s %.2f mm >= %.2f mm at x %.1f mm, y %.1f mm",
                        uncertain ? "uncertain " : "", d.defectClass().label(), rule.sizeOf(), size, rule.minSizeMm(),
                        d.boundsMm().centreXMm(), d.boundsMm().centreYMm()));
            }
        }
        if (fi.failed()) {
            spans.add(new RejectSpan(fi.yStartMm() - margin, fi.yEndMm() + margin, List.of("uninspected")));
            reasons.add("frame could not be inspected: " + fi.error());
        } else if (CrackFrameInspector.isCrackInspection(fi)) {
            double density = fi.measurement(CrackFrameInspector.DENSITY_MM_PER_MM2);
            double max = recipe.crack().maxDensityMmPerMm2();
            if (!Double.isNaN(max) && density > max) {
                spans.add(new RejectSpan(fi.yStartMm() - margin, fi.yEndMm() + margin, List.of("crack-density")));
                reasons.add(String.format(Locale.ROOT, "crack density %.4f mm/mm² above %.4f mm/mm²", density, max));
            }
        } else {
            coatingReasons(fi.coating(), reasons, spans, fi, margin);
        }
        return new SegmentVerdict(fi.cameraId(), fi.sequence(), fi.yStartMm(), fi.yEndMm(), merge(spans), reasons,
                fi.defects());
    }

    private void crackReasons(Defect d, List<String> reasons, List<RejectSpan> spans, double margin) {
        Recipe.CrackLimits lim = recipe.crack();
        double len = d.measurement("lengthMm");
        double width = d.measurement("maxWidthUm");
        List<String> why = new ArrayList<>();
        if (!Double.isNaN(lim.maxLengthMm()) && !(len <= lim.maxLengthMm())) {
            why.add(String.format(Locale.ROOT, "length %.2f mm > %.2f mm", len, lim.maxLengthMm()));
        }
        if (!Double.isNaN(lim.maxWidthUm()) && !(width <= lim.maxWidthUm())) {
            why.add(String.format(Locale.ROOT, "width %.1f µm > %.1f µm", width, lim.maxWidthUm()));
        }
        if (!why.isEmpty()) {
            spans.add(new RejectSpan(d.boundsMm().y0Mm() - margin, d.boundsMm().y1Mm() + margin,
                    List.of(DefectClass.CRACK.label())));
            reasons.add(String.format(Locale.ROOT, "crack %s at x %.1f mm, y %.1f mm", String.join(", ", why),
                    d.boundsMm().centreXMm(), d.boundsMm().centreYMm()));
        }
    }

    private void coatingReasons(CoatingUniformity c, List<String> reasons, List<RejectSpan> spans, FrameInspection fi,
                                double margin) {
        Recipe.CoatingLimits lim = recipe.coating();
        List<String> failed = new ArrayList<>();
        if (!c.found()) {
            failed.add("coating-missing");
            reasons.add("no coated band found in the frame");
        } else {
            check(c.widthMm(), lim.minWidthMm(), lim.maxWidthMm(), "coating-width", "coating width", failed, reasons);
            check(c.leftEdgeMm(), lim.minLeftEdgeMm(), lim.maxLeftEdgeMm(), "coating-edge", "operator-side edge", failed, reasons);
            check(c.cvPercent(), Double.NaN, lim.maxCvPercent(), "coating-cv", "coating CV %", failed, reasons);
        }
        if (!failed.isEmpty()) {
            spans.add(new RejectSpan(fi.yStartMm() - margin, fi.yEndMm() + margin, failed));
        }
    }

    private static void check(double v, double lo, double hi, String key, String what, List<String> failed, List<String> reasons) {
        if (!Double.isNaN(lo) && v < lo) {
            failed.add(key);
            reasons.add(String.format(Locale.ROOT, "%s %.2f below %.2f", what, v, lo));
        } else if (!Double.isNaN(hi) && v > hi) {
            failed.add(key);
            reasons.add(String.format(Locale.ROOT, "%s %.2f above %.2f", what, v, hi));
        }
    }

    /** Merges overlapping or touching stretches, joining their causes. */
    static List<RejectSpan> merge(List<RejectSpan> spans) {
        List<RejectSpan> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingDouble(RejectSpan::y0Mm));
        List<RejectSpan> out = new ArrayList<>();
        RejectSpan cur = null;
        Set<String> causes = new LinkedHashSet<>();
        for (RejectSpan s : sorted) {
            if (cur != null && s.y0Mm() <= cur.y1Mm()) {
                causes.addAll(s.causes());
                cur = new RejectSpan(cur.y0Mm(), Math.max(cur.y1Mm(), s.y1Mm()), List.copyOf(causes));
            } else {
                if (cur != null) {
                    out.add(cur);
                }
                causes = new LinkedHashSet<>(s.causes());
                cur = s;
            }
        }
        if (cur != null) {
            out.add(cur);
        }
        return out;
    }
}
