package org.sinterscope.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.sinterscope.inspection.classify.ModelBundle;
import org.sinterscope.inspection.classify.PatchPreparer;
import org.sinterscope.inspection.classify.PatchSettings;
import org.sinterscope.models.BundleEvaluator;
import org.sinterscope.models.BundleFiles;
import org.sinterscope.models.ClassifierTrainer;
import org.sinterscope.models.DataSplit;
import org.sinterscope.simulator.training.DefaultClassifier;
import org.sinterscope.models.Evaluation;
import org.sinterscope.models.ImageFolderDataset;
import org.sinterscope.models.PatchSet;
import org.sinterscope.simulator.training.SyntheticLinePatches;
import org.sinterscope.models.SyntheticTextures;
import org.sinterscope.models.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sinterscope classifier}: train, evaluate and rebuild defect classifier bundles offline. */
@Command(name = "classifier", mixinStandardHelpOptions = true,
        description = "Defect classifier: train and evaluate model bundles, generate synthetic data, rebuild the default bundle.",
        subcommands = {ClassifierCommand.Train.class, ClassifierCommand.Evaluate.class, ClassifierCommand.BuildDefault.class,
                ClassifierCommand.Generate.class})
public final class ClassifierCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Figures of an evaluation as a JSON-friendly map. */
    static Map<String, Object> figures(Evaluation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", e.total());
        m.put("accuracy", e.accuracy());
        m.put("macroF1", e.macroF1());
        List<Map<String, Object>> per = new ArrayList<>();
        for (Evaluation.ClassFigures f : e.perClass()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("class", f.className());
            c.put("precision", f.precision());
            c.put("recall", f.recall());
            c.put("f1", f.f1());
            c.put("support", f.support());
            per.add(c);
        }
        m.put("perClass", per);
        m.put("confusion", Map.of("classes", e.classes(), "rowsActualColumnsPredicted", e.confusion()));
        return m;
    }

    static void printFigures(PrintWriter out, String title, Evaluation e) {
        out.printf(Locale.ROOT, "%s: %d samples, accuracy %.4f, macroF1 %.4f%n", title, e.total(), e.accuracy(), e.macroF1());
        out.printf(Locale.ROOT, "  %-18s %9s %9s %9s %8s%n", "class", "precision", "recall", "F1", "support");
        for (Evaluation.ClassFigures f : e.perClass()) {
            out.printf(Locale.ROOT, "  %-18s %9.4f %9.4f %9.4f %8d%n", f.className(), f.precision(), f.recall(), f.f1(), f.support());
        }
        out.println("  confusion matrix (rows actual, columns predicted):");
        for (String line : e.confusionTable().split("\n")) {
            out.println("  " + line);
        }
    }

    static Map<String, Object> resultJson(Path out, ClassifierTrainer.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bundle", out.toAbsolutePath().toString());
        m.put("classes", r.bundle().metadata().classes());
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
        w.printf(Locale.ROOT, "bundle written to %s (%d epochs, best %d, %.1f s)%n", out.toAbsolutePath(), r.epochsRun(),
                r.bestEpoch(), r.trainingSeconds());
        printFigures(w, "validation", r.validation());
        if (r.test() != null) {
            printFigures(w, "test (evaluated once)", r.test());
        }
        w.flush();
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train a bundle on a folder-per-class data set (DIR/<class>/*.png or DIR/train|val|test/<class>/...).")
    static final class Train implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--data", required = true, description = "data set folder")
        Path data;
        @Option(names = "--out", required = true, description = "bundle file to write (.zip)")
        Path out;
        @Option(names = "--epochs", defaultValue = "30", description = "most epochs (early stopping on validation), default ${DEFAULT-VALUE}")
        int epochs;
        @Option(names = "--seed", defaultValue = "7", description = "seed of split, initialisation, shuffling and augmentation, default ${DEFAULT-VALUE}")
        long seed;
        @Option(names = "--input-size", defaultValue = "64", description = "patch side the network sees, px (multiple of 8), default ${DEFAULT-VALUE}")
        int inputSize;
        @Option(names = "--patch", defaultValue = "whole", description = "how the line cuts candidates for this model: "
                + "'whole' (the candidate box is the image, stretched) or 'line' (square window with context, as the "
                + "default bundle and crops exported by PatchPreparer.crop), default ${DEFAULT-VALUE}")
        String patch;
        @Option(names = "--val-fraction", defaultValue = "0.15", description = "validation share when the data has no split")
        double valFraction;
        @Option(names = "--test-fraction", defaultValue = "0.15", description = "test share when the data has no split")
        double testFraction;
        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PatchSettings lineRule = switch (patch) {
                case "whole" -> PatchSettings.wholeImage(inputSize);
                case "line" -> {
                    PatchSettings l = PatchSettings.lineCandidates();
                    yield new PatchSettings(inputSize, l.contextMargin(), l.minWindowPx(), l.maxWindowPx(), l.resizeMode());
                }
                default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--patch must be 'whole' or 'line', got '" + patch + "'");
            };
            ImageFolderDataset ds = ImageFolderDataset.scan(data);
            DataSplit split = ds.load(inputSize, valFraction, testFraction, seed);
            TrainingSettings ts = TrainingSettings.generic(seed).withEpochs(epochs);
            spec.commandLine().getOut();
            ClassifierTrainer.Result r;
            try (StdoutToStderr quiet = new StdoutToStderr(); ProgressBar bar = ProgressBar.onConsole()) {
                r = new ClassifierTrainer(ts, bar).train(split, lineRule, ds.dataHash());
                BundleFiles.write(r.bundle(), out);
            }
            report(spec, json, out, r);
            return 0;
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Evaluate a bundle on a folder-per-class data set (its test split when it has one, else every image).")
    static final class Evaluate implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--model", required = true, description = "bundle file")
        Path model;
        @Option(names = "--data", required = true, description = "data set folder")
        Path data;
        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter w = spec.commandLine().getOut();
            Evaluation e;
            List<ImageFolderDataset.Unreadable> skipped;
            try (StdoutToStderr quiet = new StdoutToStderr()) {
                ModelBundle bundle = BundleFiles.read(model);
                ImageFolderDataset ds = ImageFolderDataset.scan(data);
                ImageFolderDataset.Loaded loaded = ds.loadForEvaluationChecked(bundle.metadata().inputSizePx());
                skipped = loaded.unreadable();
                if (loaded.patches().size() == 0) {
                    throw new IllegalArgumentException("no readable image in " + data + " (" + skipped.size() + " unreadable)");
                }
                e = BundleEvaluator.evaluate(bundle, loaded.patches());
            }
            List<Map<String, String>> skippedRows = skipped.stream()
                    .map(u -> Map.of("file", u.file().toString(), "reason", u.reason())).toList();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("model", model.toAbsolutePath().toString());
                m.put("data", data.toAbsolutePath().toString());
                m.putAll(figures(e));
                m.put("skipped", skippedRows);
                Json.print(w, m);
            } else {
                printFigures(w, "evaluation of " + model + " on " + data, e);
                skipped.forEach(u -> w.println("skipped " + u.file() + ": " + u.reason()));
                w.flush();
            }
            return 0;
        }
    }

    @Command(name = "build-default", mixinStandardHelpOptions = true,
            description = "Rebuild the default bundle from synthetic line patches (reproducible: same seed, same data).")
    static final class BuildDefault implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--out", defaultValue = DefaultClassifier.PATH, description = "bundle file, default ${DEFAULT-VALUE}")
        Path out;
        @Option(names = "--per-class", defaultValue = "" + DefaultClassifier.PER_CLASS, description = "synthetic samples per class")
        int perClass;
        @Option(names = "--epochs", defaultValue = "" + DefaultClassifier.EPOCHS, description = "most epochs")
        int epochs;
        @Option(names = "--seed", defaultValue = "" + DefaultClassifier.SEED, description = "seed")
        long seed;
        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public Integer call() throws Exception {
            spec.commandLine().getOut();
            ClassifierTrainer.Result r;
            try (StdoutToStderr quiet = new StdoutToStderr(); ProgressBar bar = ProgressBar.onConsole()) {
                r = DefaultClassifier.build(perClass, epochs, seed, bar);
                BundleFiles.write(r.bundle(), out);
            }
            report(spec, json, out, r);
            return 0;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write a synthetic folder-per-class data set: 'line' = crop windows from the simulated line, "
                    + "'textures' = a six-class 200x200 steel-surface stand-in.")
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--kind", defaultValue = "line", description = "line or textures, default ${DEFAULT-VALUE}")
        String kind;
        @Option(names = "--out", required = true, description = "folder to write")
        Path out;
        @Option(names = "--per-class", defaultValue = "200", description = "images per class, default ${DEFAULT-VALUE}")
        int perClass;
        @Option(names = "--seed", defaultValue = "1", description = "seed, default ${DEFAULT-VALUE}")
        long seed;
        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public Integer call() throws Exception {
            List<String> classes;
            switch (kind) {
                case "line" -> {
                    SyntheticLinePatches.write(out, perClass, seed, new PatchPreparer(PatchSettings.lineCandidates()));
                    classes = SyntheticLinePatches.CLASSES;
                }
                case "textures" -> {
                    SyntheticTextures.write(out, perClass, seed);
                    classes = SyntheticTextures.CLASSES;
                }
                default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--kind must be 'line' or 'textures', got '" + kind + "'");
            }
            if (json) {
                Json.print(spec.commandLine().getOut(), Map.of("out", out.toAbsolutePath().toString(), "classes", classes,
                        "perClass", perClass, "seed", seed));
            } else {
                spec.commandLine().getOut().printf("wrote %d images of each of %s to %s%n", perClass, classes, out.toAbsolutePath());
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }
}
