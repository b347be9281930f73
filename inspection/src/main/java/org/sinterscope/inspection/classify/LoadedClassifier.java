package org.sinterscope.inspection.classify;

import java.util.Objects;

/**
 * A classifier ready for the line, with the name its decisions are signed with.
 *
 * @param id         identifies the bundle in every defect it classifies ({@code Defect.detector}),
 *                   e.g. {@code default-classifier.zip@3f2a9c01b7e4}
 * @param classifier the classifier
 */
public record LoadedClassifier(String id, DefectClassifier classifier) {

    public LoadedClassifier {
        Objects.requireNonNull(classifier, "classifier");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a loaded classifier needs an id");
        }
    }
}
