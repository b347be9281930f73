package org.sinterscope.models;

import java.util.ArrayList;
import java.util.List;

/**
 * Classification figures from a confusion matrix {@code confusion[actual][predicted]}.
 *
 * <p>Per class k: precision = TP / (TP + FP), recall = TP / (TP + FN), F1 = 2PR / (P + R)
 * (each 0 when its denominator is 0). Accuracy = trace / total; macro-F1 = mean of the per-class
 * F1 over classes that occur in the data or the predictions.
 *
 * @param classes   class names, index order
 * @param confusion counts, rows = actual class, columns = predicted class
 * @param accuracy  fraction of correct predictions
 * @param macroF1   unweighted mean F1
 * @param perClass  precision, recall, F1 and support per class
 */
public record Evaluation(List<String> classes, int[][] confusion, double accuracy, double macroF1, List<ClassFigures> perClass) {

    /**
     * Figures of one class; {@code support} is the number of samples whose actual class it is,
     * {@code predicted} the number of samples the model gave this class.
     */
    public record ClassFigures(String className, double precision, double recall, double f1, int support, int predicted) {
    }

    /**
     * A class present in the data that the model nearly never answers (correctly): fewer predictions
     * than {@value #RARE_PREDICTION_SHARE} of its support, or a recall below {@value #LOW_RECALL}.
     * Typical of a model trained on imbalanced data that answers the majority class for nearly everything.
     *
     * @param message one readable line naming the class and the numbers
     */
    public record ClassWarning(String className, int support, int predicted, double recall, String message) {
    }

    /** A class predicted for fewer than this share of its support is "nearly never predicted". */
    public static final double RARE_PREDICTION_SHARE = 0.2;
    /** A class whose recall is below this is "nearly never predicted correctly". */
    public static final double LOW_RECALL = 0.2;

    /** Builds the figures from actual and predicted class indices. */
    public static Evaluation of(List<String> classes, int[] actual, int[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(actual.length + " actual labels but " + predicted.length + " predictions");
        }
        int n = classes.size();
        int[][] cm = new int[n][n];
        for (int i = 0; i < actual.length; i++) {
            cm[actual[i]][predicted[i]]++;
        }
        return fromConfusion(classes, cm);
    }

    public static Evaluation fromConfusion(List<String> classes, int[][] cm) {
        int n = classes.size();
        long total = 0;
        long correct = 0;
        List<ClassFigures> per = new ArrayList<>();
        double f1Sum = 0;
        int f1Count = 0;
        for (int k = 0; k < n; k++) {
            int tp = cm[k][k];
            int fn = 0;
            int fp = 0;
            for (int j = 0; j < n; j++) {
                total += cm[k][j];
                if (j != k) {
                    fn += cm[k][j];
                    fp += cm[j][k];
                }
            }
            correct += tp;
            double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            per.add(new ClassFigures(classes.get(k), p, r, f1, tp + fn, tp + fp));
            if (tp + fn + fp > 0) {
                f1Sum += f1;
                f1Count++;
            }
        }
        return new Evaluation(List.copyOf(classes), cm, total == 0 ? 0 : (double) correct / total,
                f1Count == 0 ? 0 : f1Sum / f1Count, List.copyOf(per));
    }

    /** Balanced accuracy: the mean recall over the classes present in the data (0 when none is). */
    public double macroRecall() {
        return perClass.stream().filter(f -> f.support() > 0).mapToDouble(ClassFigures::recall).average().orElse(0);
    }

    /** The smallest recall over the classes present in the data (0 when none is). */
    public double minRecall() {
        return perClass.stream().filter(f -> f.support() > 0).mapToDouble(ClassFigures::recall).min().orElse(0);
    }

    /** The classes present in the data that the model nearly never predicts, or nearly never predicts correctly. */
    public List<ClassWarning> warnings() {
        List<ClassWarning> out = new ArrayList<>();
        for (ClassFigures f : perClass) {
            if (f.support() == 0) {
                continue;
            }
            String nums = String.format(java.util.Locale.ROOT, "predicted %d times for %d samples, recall %.2f",
                    f.predicted(), f.support(), f.recall());
            if (f.predicted() < RARE_PREDICTION_SHARE * f.support()) {
                out.add(new ClassWarning(f.className(), f.support(), f.predicted(), f.recall(),
                        "class '" + f.className() + "' is nearly never predicted: " + nums));
            } else if (f.recall() < LOW_RECALL) {
                out.add(new ClassWarning(f.className(), f.support(), f.predicted(), f.recall(),
                        "class '" + f.className() + "' is nearly never predicted correctly: " + nums));
            }
        }
        return out;
    }

    public int total() {
        int t = 0;
        for (int[] row : confusion) {
            for (int c : row) {
                t += c;
            }
        }
        return t;
    }

    /** The confusion matrix as text, class names on both axes (rows actual, columns predicted). */
    public String confusionTable() {
        int w = 6;
        for (String c : classes) {
            w = Math.max(w, c.length() + 1);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-" + w + "s", "actual\\pred"));
        for (String c : classes) {
            sb.append(String.format("%" + w + "s", c));
        }
        sb.append('\n');
        for (int i = 0; i < classes.size(); i++) {
            sb.append(String.format("%-" + w + "s", classes.get(i)));
            for (int j = 0; j < classes.size(); j++) {
                sb.append(String.format("%" + w + "d", confusion[i][j]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
