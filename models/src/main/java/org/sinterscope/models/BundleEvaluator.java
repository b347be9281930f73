package org.sinterscope.models;

import java.util.ArrayList;
import java.util.List;

import org.sinterscope.inspection.classify.DefectClassifier;
import org.sinterscope.inspection.classify.ModelBundle;

/** Evaluates a bundle on labelled patches through the same {@link DefectClassifier} the line uses. */
public final class BundleEvaluator {

    private BundleEvaluator() {
    }

    /**
     * Confusion matrix and figures of {@code bundle} on {@code set}. The data's classes are mapped to
     * the bundle's by name; a data class the bundle does not know is an error.
     */
    public static Evaluation evaluate(ModelBundle bundle, PatchSet set) {
        List<String> classes = bundle.metadata().classes();
        if (set.sizePx() != bundle.metadata().inputSizePx()) {
            throw new IllegalArgumentException("patches are " + set.sizePx() + " px but the model takes "
                    + bundle.metadata().inputSizePx() + " px");
        }
        int[] actual = new int[set.size()];
        for (int i = 0; i < set.size(); i++) {
            String name = set.classes().get(set.labels()[i]);
            int k = classes.indexOf(name);
            if (k < 0) {
                throw new IllegalArgumentException("data class '" + name + "' (e.g. " + set.sources().get(i)
                        + ") is not one of the model's classes " + classes);
            }
            actual[i] = k;
        }
        DefectClassifier clf = new DefectClassifier(bundle, 0.0, 1);
        float[][] p = clf.probabilities(set.values(), set.size());
        int[] pred = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            pred[i] = Predictor.argmax(p[i]);
        }
        return Evaluation.of(new ArrayList<>(classes), actual, pred);
    }
}
