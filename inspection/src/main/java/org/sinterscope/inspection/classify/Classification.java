package org.sinterscope.inspection.classify;

import java.util.Optional;

import org.sinterscope.camera.DefectClass;

/**
 * The classifier's answer for one candidate.
 *
 * @param className  the most probable class of the bundle (even when uncertain)
 * @param confidence its softmax probability, in [0, 1]
 * @param uncertain  true when {@code confidence} is below the classifier's threshold: the recipe
 *                   decides what happens to such a candidate
 */
public record Classification(String className, double confidence, boolean uncertain) {

    /** Label for an uncertain result. */
    public static final String UNCERTAIN = "uncertain";

    public Classification {
        if (className == null || className.isBlank()) {
            throw new IllegalArgumentException("classification needs a class name");
        }
        if (!(confidence >= 0 && confidence <= 1.0 + 1e-6)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence + " for " + className);
        }
    }

    /** {@link #UNCERTAIN} when uncertain, else the class name. */
    public String label() {
        return uncertain ? UNCERTAIN : className;
    }

    /** The station's defect class when the bundle's class is one (and the result is certain). */
    public Optional<DefectClass> defectClass() {
        if (uncertain) {
            return Optional.empty();
        }
        for (DefectClass c : DefectClass.values()) {
            if (c.label().equalsIgnoreCase(className)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
