package org.sinterscope.simulator.demo;

import org.sinterscope.routes.classify.StationClassifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.sinterscope.camera.Frame;
import org.sinterscope.simulator.line.DefectPlan;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.FrameInspector;
import org.sinterscope.inspection.classify.ClassifiedInspection;
import org.sinterscope.inspection.classify.ClassifyingInspector;
import org.sinterscope.routes.decide.VerdictDecider;

/**
 * For a simulated run: the station's inspector that also keeps, for every frame, the classical and
 * the classified detections (no pixels), so that one run can be decided both ways on the same
 * frames. The line itself runs on the classified result. Thread-safe.
 */
public final class ClassifierComparison implements FrameInspector {

    private final StationClassifier classifier;
    private final List<ClassifiedInspection> seen = new ArrayList<>();

    public ClassifierComparison(StationClassifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    @Override
    public FrameInspection inspect(Frame frame) {
        ClassifiedInspection r = classifier.inspector().inspectBoth(frame);
        synchronized (seen) {
            seen.add(r);
        }
        return r.classified();
    }

    /** Every frame seen so far, both ways, in the order inspections finished. */
    public List<ClassifiedInspection> inspections() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** Decides the frames seen both ways with {@code decider} and scores both against {@code plan}. */
    public ClassifierSummary summarize(DefectPlan plan, VerdictDecider decider, double toleranceMm) {
        List<FrameInspection> classical = new ArrayList<>();
        List<FrameInspection> classified = new ArrayList<>();
        synchronized (seen) {
            seen.forEach(r -> {
                classical.add(r.classical());
                classified.add(r.classified());
            });
        }
        LineFigures without = LineFigures.of(classical, plan, decider, toleranceMm);
        LineFigures with = LineFigures.of(classified, plan, decider, toleranceMm);
        ClassifyingInspector.Counts n = classifier.inspector().counts();
        return new ClassifierSummary(classifier.holder().currentId(), classifier.note(),
                String.join(",", new TreeSet<>(classifier.inspector().classifiedDetectors())), n.candidates(),
                n.lookalikesSuppressed(), n.uncertain(), classifier.promotions(), classifier.refusals(),
                plan.lookalikes().size(), without.falseRejects(), with.falseRejects(), without, with);
    }
}
