package org.sinterscope.inspection.classify;

import java.util.List;
import java.util.Objects;

import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.FrameInspection;

/**
 * One frame seen both ways: what the classical detectors found and what is left after the
 * classifier. Holds no native memory.
 *
 * @param classical     the classical inspection (candidates with the detectors' classes)
 * @param classified    the same frame after classification: look-alikes dropped, classes and
 *                      confidences from the classifier, unsure ones with detector
 *                      {@value ClassifyingInspector#UNCERTAIN}
 * @param classifierId  the bundle that classified the frame, or empty when none was loaded
 * @param candidates    how many detections were given to the classifier
 * @param suppressed    the detections the classifier called look-alikes (with their classical class)
 * @param uncertain     how many were below the confidence threshold
 */
public record ClassifiedInspection(FrameInspection classical, FrameInspection classified, String classifierId,
                                   int candidates, List<Defect> suppressed, int uncertain) {

    public ClassifiedInspection {
        Objects.requireNonNull(classical, "classical");
        Objects.requireNonNull(classified, "classified");
        Objects.requireNonNull(classifierId, "classifierId");
        suppressed = List.copyOf(suppressed);
        if (candidates < 0 || uncertain < 0 || uncertain + suppressed.size() > candidates) {
            throw new IllegalArgumentException("need 0 <= uncertain + suppressed <= candidates, got " + uncertain + " + "
                    + suppressed.size() + " of " + candidates);
        }
    }
}
