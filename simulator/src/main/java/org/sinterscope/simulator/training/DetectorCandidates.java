package org.sinterscope.simulator.training;

import java.util.ArrayList;
import java.util.List;

import org.sinterscope.camera.Frame;
import org.sinterscope.camera.PixelRect;
import org.sinterscope.camera.WebRect;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.classify.ClassifyingInspector;
import org.sinterscope.inspection.coating.CoatingInspector;
import org.sinterscope.inspection.coating.CoatingInspectorConfig;
import org.sinterscope.simulator.score.StrictScore;

/**
 * The classical detector's own candidates on a simulated frame: the boxes the station hands its
 * classifier (detections of {@link ClassifyingInspector#DEFAULT_DETECTORS}), found by the default
 * {@link CoatingInspector}. Training on these as well as on ground-truth boxes shows the classifier
 * what it is really asked about on the line: a detector's box around a fragment, a faint look-alike
 * cut where it crosses the threshold, a clump seen smaller than it is. On a real line the same role
 * is played by the station's stored candidates, labelled in review.
 *
 * <p>Not thread-safe (one per generating thread); the inspector is stateless, the cache is not.
 */
final class DetectorCandidates {

    private final CoatingInspector inspector = new CoatingInspector(CoatingInspectorConfig.defaults());
    private long cachedFrame = -1;
    private List<Defect> cached = List.of();

    /** The candidates of {@code f} (inspected once per frame sequence). */
    List<Defect> of(Frame f) {
        if (f.sequence() != cachedFrame) {
            List<Defect> out = new ArrayList<>();
            for (Defect d : inspector.inspect(f).defects()) {
                if (ClassifyingInspector.DEFAULT_DETECTORS.contains(d.detector())) {
                    out.add(d);
                }
            }
            cached = out;
            cachedFrame = f.sequence();
        }
        return cached;
    }

    /** The candidate boxes of {@code f} that match {@code truth} by the strict scoring rule ({@link StrictScore#matches}). */
    List<PixelRect> matching(Frame f, WebRect truth) {
        List<PixelRect> out = new ArrayList<>();
        for (Defect d : of(f)) {
            if (StrictScore.matches(d.boundsMm(), truth)) {
                out.add(d.boundsPx());
            }
        }
        return out;
    }

    /** The candidate boxes of {@code f} that meet {@code area} grown by {@code marginMm}. */
    List<PixelRect> meeting(Frame f, WebRect area, double marginMm) {
        WebRect grown = area.grow(marginMm);
        List<PixelRect> out = new ArrayList<>();
        for (Defect d : of(f)) {
            if (grown.intersects(d.boundsMm())) {
                out.add(d.boundsPx());
            }
        }
        return out;
    }
}
