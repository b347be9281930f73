package org.sinterscope.inspection.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.PixelRect;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.FrameInspector;

/**
 * A {@link FrameInspector} that runs the classical inspection, then has a {@link DefectClassifier}
 * look at its detections (the candidates) while the frame's image is still alive.
 *
 * <p>For each detection whose detector is in {@code classifiedDetectors} (default: {@code spot} and
 * {@code scratch}; streaks and edge defects are found and sized by geometry and stay classical), the
 * candidates of the frame are classified in one batch:
 * <ul>
 *   <li>{@value #LOOKALIKE} (sure) → not a defect: dropped, and counted;</li>
 *   <li>a station class (sure) → the defect with the classifier's class and confidence, signed with
 *   the bundle's id as detector; the classical measurements stay;</li>
 *   <li>below the confidence threshold, or a class the station does not know → the defect keeps its
 *   classical class, takes the classifier's confidence and detector {@value #UNCERTAIN}: the recipe's
 *   uncertain policy decides.</li>
 * </ul>
 * The classifier is asked for once per frame ({@code Supplier}), so a classifier swapped while
 * frames are in flight applies from the next frame on and no frame sees two. With no classifier
 * (the supplier gives null), frames keep their classical classes.
 *
 * <p>Thread-safe when the classical inspector is; counters are cumulative since construction.
 */
public final class ClassifyingInspector implements FrameInspector {

    public static final String UNCERTAIN = Classification.UNCERTAIN;
    public static final String LOOKALIKE = "lookalike";
    /** Detectors whose detections are classified by default. */
    public static final Set<String> DEFAULT_DETECTORS = Set.of("spot", "scratch");

    /**
     * Cumulative counts.
     *
     * @param frames              frames inspected
     * @param framesUnclassified  of those, frames inspected without a classifier (none loaded)
     * @param candidates          detections given to the classifier
     * @param lookalikesSuppressed of those, dropped as look-alikes
     * @param uncertain           of those, below the threshold (or of a class the station does not know)
     */
    public record Counts(long frames, long framesUnclassified, long candidates, long lookalikesSuppressed, long uncertain) {
    }

    private final FrameInspector classical;
    private final Supplier<LoadedClassifier> classifier;
    private final Set<String> detectors;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong unclassified = new AtomicLong();
    private final AtomicLong candidates = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();
    private final AtomicLong uncertain = new AtomicLong();

    /**
     * @param classical           finds the candidates
     * @param classifier          the classifier to use for the next frame, or null for none
     * @param classifiedDetectors whose detections are classified
     */
    public ClassifyingInspector(FrameInspector classical, Supplier<LoadedClassifier> classifier, Set<String> classifiedDetectors) {
        this.classical = Objects.requireNonNull(classical, "classical");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.detectors = Set.copyOf(classifiedDetectors);
    }

    public ClassifyingInspector(FrameInspector classical, Supplier<LoadedClassifier> classifier) {
        this(classical, classifier, DEFAULT_DETECTORS);
    }

    public Set<String> classifiedDetectors() {
        return detectors;
    }

    @Override
    public FrameInspection inspect(Frame frame) {
        return inspectBoth(frame).classified();
    }

    /** Inspects {@code frame} and returns both the classical and the classified result. */
    public ClassifiedInspection inspectBoth(Frame frame) {
        FrameInspection c = classical.inspect(frame);
        frames.incrementAndGet();
        LoadedClassifier lc = classifier.get();
        if (lc == null || c.failed()) {
            if (lc == null) {
                unclassified.incrementAndGet();
            }
            return new ClassifiedInspection(c, c, "", 0, List.of(), 0);
        }
        long t0 = System.nanoTime();
        List<Integer> picked = new ArrayList<>();
        List<PixelRect> boxes = new ArrayList<>();
        for (int i = 0; i < c.defects().size(); i++) {
            Defect d = c.defects().get(i);
            if (detectors.contains(d.detector())) {
                picked.add(i);
                boxes.add(d.boundsPx());
            }
        }
        List<Classification> answers = lc.classifier().classify(frame.image(), boxes);
        List<Defect> out = new ArrayList<>(c.defects());
        List<Defect> dropped = new ArrayList<>();
        int unsure = 0;
        for (int k = picked.size() - 1; k >= 0; k--) {
            int i = picked.get(k);
            Defect d = out.get(i);
            Classification a = answers.get(k);
            Optional<DefectClass> cls = a.defectClass();
            if (!a.uncertain() && LOOKALIKE.equals(a.className())) {
                dropped.add(0, d);
                out.remove(i);
            } else if (cls.isPresent()) {
                out.set(i, d.reclassified(cls.get(), a.confidence(), lc.id()));
            } else {
                unsure++;
                out.set(i, d.reclassified(d.defectClass(), a.confidence(), UNCERTAIN));
            }
        }
        candidates.addAndGet(boxes.size());
        suppressed.addAndGet(dropped.size());
        uncertain.addAndGet(unsure);
        FrameInspection classified = c.withDefects(out, System.nanoTime() - t0);
        return new ClassifiedInspection(c, classified, lc.id(), boxes.size(), dropped, unsure);
    }

    /**
     * Runs the classical inspection and the classifier in use on {@code frame} once, the way
     * {@link #inspectBoth} does, but counts nothing and returns nothing: it compiles the hot code
     * and initialises the native libraries before the line starts, so that the first frames of a
     * run are not seconds late. The frame stays open (the caller owns it).
     */
    public void warmUp(Frame frame) {
        FrameInspection c = classical.inspect(frame);
        LoadedClassifier lc = classifier.get();
        if (lc == null || c.failed()) {
            return;
        }
        List<PixelRect> boxes = c.defects().stream().filter(d -> detectors.contains(d.detector())).map(Defect::boundsPx).toList();
        lc.classifier().classify(frame.image(), boxes);
    }

    public Counts counts() {
        return new Counts(frames.get(), unclassified.get(), candidates.get(), suppressed.get(), uncertain.get());
    }
}
