package org.sinterscope.simulator.score;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.sinterscope.camera.Frame;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.SegmentVerdict;
import org.sinterscope.inspection.classify.ClassifiedInspection;
import org.sinterscope.inspection.classify.ClassifyingInspector;
import org.sinterscope.inspection.classify.DefectClassifier;
import org.sinterscope.inspection.classify.LoadedClassifier;
import org.sinterscope.inspection.classify.ModelBundle;
import org.sinterscope.inspection.coating.CoatingInspector;
import org.sinterscope.inspection.coating.CoatingInspectorConfig;
import org.sinterscope.routes.decide.RecipeLoader;
import org.sinterscope.routes.decide.VerdictDecider;
import org.sinterscope.simulator.line.InjectedDefect;
import org.sinterscope.simulator.line.Lookalike;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedFrame;
import org.sinterscope.simulator.line.SimulatedLine;
import org.sinterscope.simulator.line.SimulatedLineConfig;

/**
 * Development diagnosis (not a test): every spot/scratch candidate of a simulated line, what it
 * really is (look-alike kind, injected class, nothing), its classical class and measurements, the
 * classifier's answer (its top class and probability), and whether the default recipe rejects it
 * (a line per candidate; with {@code -Dquiet=true} rejected defect candidates are left out). Ends
 * with, per look-alike kind, how many the plans held and how many had a rejecting candidate, and
 * the counts of rejecting candidates from look-alikes and from nothing, and of defect candidates
 * that did not reject (fragments of a defect another candidate rejects count here too).
 *
 * <p>Args: {@code bundle firstSeed seeds meters defectsPerM lookalikesPerM [confidence 0.6]}; frames
 * are rendered and inspected one by one, no station, no tracker.
 */
public final class LookalikeDiagnosis {

    public static void main(String[] a) throws Exception {
        if (a.length < 6) {
            throw new IllegalArgumentException("usage: bundle firstSeed seeds meters defectsPerM lookalikesPerM [confidence]");
        }
        Path bundle = Path.of(a[0]);
        long seed0 = Long.parseLong(a[1]);
        int seeds = Integer.parseInt(a[2]);
        double meters = Double.parseDouble(a[3]);
        double defectRate = Double.parseDouble(a[4]);
        double lookRate = Double.parseDouble(a[5]);
        double conf = a.length > 6 ? Double.parseDouble(a[6]) : 0.6;
        ModelBundle mb;
        try (InputStream in = Files.newInputStream(bundle)) {
            mb = ModelBundle.load(in, bundle.toString());
        }
        LoadedClassifier lc = new LoadedClassifier("diag", new DefectClassifier(mb, conf, 1));
        ClassifyingInspector ci = new ClassifyingInspector(new CoatingInspector(CoatingInspectorConfig.defaults()), () -> lc);
        VerdictDecider decider = new VerdictDecider(RecipeLoader.defaults());
        int rejectsLook = 0;
        int rejectsNothing = 0;
        int defectsLost = 0;
        java.util.Map<Lookalike.Kind, java.util.Set<String>> onWeb = new java.util.EnumMap<>(Lookalike.Kind.class);
        java.util.Map<Lookalike.Kind, java.util.Set<String>> rejecting = new java.util.EnumMap<>(Lookalike.Kind.class);
        for (long seed = seed0; seed < seed0 + seeds; seed++) {
            SimulatedLineConfig cfg = SimulatedLineConfig.defaults().withSeed(seed).withLengthM(meters)
                    .withDefectRatePerM(defectRate).withLookalikeRatePerM(lookRate);
            try (SimulatedLine line = new SimulatedLine(cfg, SimulatedEncoder.freeRunning())) {
                for (Lookalike l : line.plan().lookalikes()) {
                    onWeb.computeIfAbsent(l.kind(), k -> new java.util.TreeSet<>()).add(seed + "/" + l.id());
                }
                for (int i = 0; i < line.frameCount(); i++) {
                    try (SimulatedFrame sf = line.render(i, false)) {
                        Frame f = sf.frame();
                        List<Lookalike> looks = line.plan().lookalikesWithin(f.yStartMm(), f.yEndMm());
                        ClassifiedInspection r = ci.inspectBoth(f);
                        FrameInspection classified = r.classified();
                        SegmentVerdict v = decider.decide(classified);
                        for (Defect d : r.classical().defects()) {
                            if (!Set.of("spot", "scratch").contains(d.detector())) {
                                continue;
                            }
                            String truth = "nothing";
                            Lookalike hit = null;
                            for (Lookalike l : looks) {
                                if (l.bounds().grow(1.0).intersects(d.boundsMm())) {
                                    hit = l;
                                    truth = String.format(Locale.ROOT, "%s(size %.2f c %.0f)", l.kind(), l.sizeMm(), l.contrast());
                                }
                            }
                            for (InjectedDefect g : sf.defects()) {
                                if (StrictScore.matches(d.boundsMm(), g.bounds())) {
                                    truth = String.format(Locale.ROOT, "DEFECT %s(size %.2f c %.0f)", g.defectClass().label(), g.sizeMm(), g.contrast());
                                }
                            }
                            Defect after = null;
                            for (Defect e : classified.defects()) {
                                if (e.boundsPx().equals(d.boundsPx())) {
                                    after = e;
                                }
                            }
                            boolean rejected = false;
                            if (after != null) {
                                VerdictDecider one = decider;
                                SegmentVerdict sv = one.decide(classified.withDefects(List.of(after), 0));
                                rejected = sv.rejects().stream().anyMatch(s -> !s.causes().contains("coating-width") && !s.causes().contains("coating-edge") && !s.causes().contains("coating-cv"));
                            }
                            if (rejected && truth.startsWith("nothing")) {
                                rejectsNothing++;
                            } else if (rejected && !truth.startsWith("DEFECT")) {
                                rejectsLook++;
                                rejecting.computeIfAbsent(hit.kind(), k -> new java.util.TreeSet<>()).add(seed + "/" + hit.id());
                            } else if (!rejected && truth.startsWith("DEFECT")) {
                                defectsLost++;
                            }
                            if (truth.startsWith("DEFECT") && rejected && Boolean.getBoolean("quiet")) {
                                continue;
                            }
                            var top = lc.classifier().classify(f.image(), List.of(d.boundsPx())).get(0);
                            System.out.printf(Locale.ROOT, "top %s %.2f seed %d frame %d %-34s classical %-11s diam %.3f len %.2f w %.2f c %6.1f area %.4f px %dx%d -> %s %s conf %.2f %s%n",
                                    top.className(), top.confidence(), seed, i, truth, d.defectClass().label(), d.measurement("diameterMm"), d.measurement("lengthMm"),
                                    d.measurement("widthMm"), d.measurement("contrastGrey"), d.measurement("areaMm2"),
                                    d.boundsPx().width(), d.boundsPx().height(),
                                    after == null ? "DROPPED" : after.defectClass().label(), after == null ? "" : after.detector(),
                                    after == null ? 0.0 : after.confidence(), rejected ? "REJECT" : "pass");
                        }
                    }
                }
            }
        }
        for (Lookalike.Kind k : Lookalike.Kind.values()) {
            System.out.printf(Locale.ROOT, "%s: %d on the web, %d with a rejecting candidate%n", k,
                    onWeb.getOrDefault(k, java.util.Set.of()).size(), rejecting.getOrDefault(k, java.util.Set.of()).size());
        }
        System.out.printf("rejecting candidates from look-alikes %d, from nothing %d, defects not rejected %d%n", rejectsLook, rejectsNothing, defectsLost);
    }
}
