package org.sinterscope.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sinterscope.models.ClassifierTrainer;
import org.sinterscope.models.Evaluation;
import picocli.CommandLine.Model.CommandSpec;

/** How {@code sinterscope classifier} reports evaluations and training runs, as text and as JSON. */
final class ClassifierReport {

    private ClassifierReport() {
    }

    /**
     * Figures of an evaluation as a JSON-friendly map: samples, accuracy, macroF1, macroRecall
     * (balanced accuracy), minRecall, perClass (precision, recall, F1, support, predicted), the
     * confusion matrix with class names, and warnings (classes nearly never predicted).
     */
    static Map<String, Object> figures(Evaluation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", e.total());
        m.put("accuracy", e.accuracy());
        m.put("macroF1", e.macroF1());
        m.put("macroRecall", e.macroRecall());
        m.put("minRecall", e.minRecall());
        List<Map<String, Object>> per = new ArrayList<>();
        for (Evaluation.ClassFigures f : e.perClass()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("class", f.className());
            c.put("precision", f.precision());
            c.put("recall", f.recall());
            c.put("f1", f.f1());
            c.put("support", f.support());
            c.put("predicted", f.predicted());
            per.add(c);
        }
        m.put("perClass", per);
        m.put("confusion", Map.of("classes", e.classes(), "rowsActualColumnsPredicted", e.confusion()));
        List<Map<String, Object>> warnings = new ArrayList<>();
        for (Evaluation.ClassWarning w : e.warnings()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("class", w.className());
            c.put("support", w.support());
            c.put("predicted", w.predicted());
            c.put("recall", w.recall());
            c.put("message", w.message());
            warnings.add(c);
        }
        m.put("warnings", warnings);
        return m;
    }

    static void printFigures(PrintWriter out, String title, Evaluation e) {
        out.printf(Locale.ROOT, "%s: %d samples, accuracy %.4f, macroF1 %.4f, macro recall %.4f, min recall %.4f%n", title,
                e.total(), e.accuracy(), e.macroF1(), e.macroRecall(), e.minRecall());
        out.printf(Locale.ROOT, "  %-18s %9s %9s %9s %8s %9s%n", "class", "precision", "recall", "F1", "support", "predicted");
        for (Evaluation.ClassFigures f : e.perClass()) {
            out.printf(Locale.ROOT, "  %-18s %9.4f %9.4f %9.4f %8d %9d%n", f.className(), f.precision(), f.recall(), f.f1(),
                    f.support(), f.predicted());
        }
        out.println("  confusion matrix (rows actual, columns predicted):");
        for (String line : e.confusionTable().split("\n")) {
            out.println("  " + line);
        }
        for (Evaluation.ClassWarning w : e.warnings()) {
            out.println("  WARNING: " + w.message());
        }
    }

    static Map<String, Object> resultJson(Path out, ClassifierTrainer.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bundle", out.toAbsolutePath().toString());
        m.put("classes", r.bundle().metadata().classes());
        m.put("imageFit", r.bundle().metadata().imageFit().name().toLowerCase(Locale.ROOT));
        m.put("training", r.bundle().metadata().training());
        m.put("epochsRun", r.epochsRun());
        m.put("bestEpoch", r.bestEpoch());
        m.put("trainingSeconds", r.trainingSeconds());
        m.put("validation", figures(r.validation()));
        if (r.test() != null) {
            m.put("test", figures(r.test()));
        }
        return m;
    }

    static void report(CommandSpec spec, boolean json, Path out, ClassifierTrainer.Result r) {
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            Json.print(w, resultJson(out, r));
            return;
        }
        w.printf(Locale.ROOT, "bundle written to %s (%d epochs, best %d, %.1f s; %s, image fit %s)%n", out.toAbsolutePath(),
                r.epochsRun(), r.bestEpoch(), r.trainingSeconds(), r.bundle().metadata().training(),
                r.bundle().metadata().imageFit().name().toLowerCase(Locale.ROOT));
        printFigures(w, "validation", r.validation());
        if (r.test() != null) {
            printFigures(w, "test (evaluated once)", r.test());
        }
        w.flush();
    }
}
