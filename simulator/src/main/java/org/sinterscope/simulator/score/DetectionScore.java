package org.sinterscope.simulator.score;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.WebRect;
import org.sinterscope.simulator.line.InjectedDefect;
import org.sinterscope.inspection.Defect;

/**
 * Scores detections against the simulator's ground truth, in web coordinates.
 *
 * <p>A detection <em>finds</em> an injected defect when both have the same class and the
 * detection's box meets the injected box grown by {@code toleranceMm}. Detections that meet no
 * injected defect of any class (with the same tolerance) are false detections; those that meet
 * one of another class only are confusions. Recall per class = found / injected.
 */
public final class DetectionScore {

    /** Counts for one class. */
    public record ClassCounts(int injected, int found, int falseDetections) {
        public double recall() {
            return injected == 0 ? Double.NaN : (double) found / injected;
        }
    }

    private final double toleranceMm;
    private final Set<Long> found = new HashSet<>();
    private final Map<DefectClass, Integer> falseByClass = new EnumMap<>(DefectClass.class);
    private final Map<DefectClass, Integer> confusedByClass = new EnumMap<>(DefectClass.class);
    private final List<Defect> falseDetections = new ArrayList<>();
    private final List<String> confusionExamples = new ArrayList<>();

    public DetectionScore(double toleranceMm) {
        this.toleranceMm = toleranceMm;
    }

    /**
     * Adds the detections of one frame.
     *
     * @param truth the injected defects that can be in reach (those meeting the frame suffice)
     */
    public synchronized void add(Collection<Defect> detections, Collection<InjectedDefect> truth) {
        for (Defect d : detections) {
            boolean any = false;
            boolean same = false;
            InjectedDefect near = null;
            for (InjectedDefect g : truth) {
                WebRect grown = g.bounds().grow(toleranceMm);
                if (d.boundsMm().intersects(grown)) {
                    any = true;
                    near = g;
                    if (g.defectClass() == d.defectClass()) {
                        same = true;
                        found.add(g.id());
                    }
                }
            }
            if (!any) {
                falseByClass.merge(d.defectClass(), 1, Integer::sum);
                if (falseDetections.size() < 100) {
                    falseDetections.add(d);
                }
            } else if (!same) {
                confusedByClass.merge(d.defectClass(), 1, Integer::sum);
                if (confusionExamples.size() < 100) {
                    confusionExamples.add(d.defectClass().label() + " " + d.boundsMm() + " " + d.measurements()
                            + " near injected " + near);
                }
            }
        }
    }

    public synchronized boolean wasFound(InjectedDefect g) {
        return found.contains(g.id());
    }

    /** Per-class counts over the whole plan. */
    public synchronized Map<DefectClass, ClassCounts> byClass(Collection<InjectedDefect> plan) {
        Map<DefectClass, ClassCounts> out = new EnumMap<>(DefectClass.class);
        Map<DefectClass, int[]> acc = new EnumMap<>(DefectClass.class);
        for (InjectedDefect g : plan) {
            int[] a = acc.computeIfAbsent(g.defectClass(), k -> new int[2]);
            a[0]++;
            if (found.contains(g.id())) {
                a[1]++;
            }
        }
        Set<DefectClass> classes = new HashSet<>(acc.keySet());
        classes.addAll(falseByClass.keySet());
        for (DefectClass c : classes) {
            int[] a = acc.getOrDefault(c, new int[2]);
            out.put(c, new ClassCounts(a[0], a[1], falseByClass.getOrDefault(c, 0)));
        }
        return out;
    }

    public synchronized int falseDetections() {
        return falseByClass.values().stream().mapToInt(Integer::intValue).sum();
    }

    public synchronized int confusions() {
        return confusedByClass.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Up to 100 examples of detections next to an injected defect of another class. */
    public synchronized List<String> confusionExamples() {
        return List.copyOf(confusionExamples);
    }

    /** Up to 100 examples of false detections, for diagnosis. */
    public synchronized List<Defect> falseExamples() {
        return List.copyOf(falseDetections);
    }
}
