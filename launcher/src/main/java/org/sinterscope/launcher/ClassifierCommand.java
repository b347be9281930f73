package org.sinterscope.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.sinterscope.inspection.classify.ImageFit;
import org.sinterscope.inspection.classify.ModelBundle;
import org.sinterscope.inspection.classify.PatchPreparer;
import org.sinterscope.inspection.classify.PatchSettings;
import org.sinterscope.models.Augmenter;
import org.sinterscope.models.BundleEvaluator;
import org.sinterscope.models.BundleFiles;
import org.sinterscope.models.ClassifierNet;
import org.sinterscope.models.ClassifierTrainer;
import org.sinterscope.models.DataSplit;
import org.sinterscope.simulator.training.DefaultClassifier;
import org.sinterscope.models.Evaluation;
import org.sinterscope.models.ImageFolderDataset;
import org.sinterscope.models.PatchSet;
import org.sinterscope.simulator.training.SyntheticLinePatches;
import org.sinterscope.models.SurfaceDefectSet;
import org.sinterscope.models.SyntheticTextures;
import org.sinterscope.models.TrainingSettings;
import org.sinterscope.models.crack.DefaultCrackSegmenter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sinterscope classifier}: train, evaluate and rebuild defect classifier bundles offline. */
@Command(name = "classifier", mixinStandardHelpOptions = true,
        description = "Defect classifier: train and evaluate model bundles, generate synthetic data, rebuild the default bundle.",
        subcommands = {ClassifierCommand.Train.class, ClassifierCommand.Evaluate.class, ClassifierCommand.BuildDefault.class,
                ClassifierCommand.Generate.class, ClassifierCheckCommand.class})
public final class ClassifierCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
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
        @Option(names = "--seed", defaultValue = "7", description = "seed of split, initialisation, shuffling and augmentation, default ${DEFAULT-VALUE}")
        long seed;
        @Option(names = "--patch", defaultValue = "whole", description = "how the line cuts candidates for this model: "
                + "'whole' (the candidate box is the image, stretched) or 'line' (square window with context, as the "
                + "default bundle and crops exported by PatchPreparer.crop), default ${DEFAULT-VALUE}")
        String patch;
        @Option(names = "--patience", defaultValue = "10", description = "stop after this many epochs without a better validation score, default ${DEFAULT-VALUE}")
        int patience;
        @Option(names = "--val-fraction", defaultValue = "0.15", description = "validation share when the data has no split")
        double valFraction;
        @Option(names = "--test-fraction", defaultValue = "0.15", description = "test share when the data has no split")
        double testFraction;
        @Mixin
        TrainingOptions training;
        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PatchSettings lineRule = switch (patch) {
                case "whole" -> PatchSettings.wholeImage(training.inputSize);
                case "line" -> {
                    PatchSettings l = PatchSettings.lineCandidates();
                    yield new PatchSettings(training.inputSize, l.contextMargin(), l.minWindowPx(), l.maxWindowPx(), l.resizeMode());
                }
                default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--patch must be 'whole' or 'line', got '" + patch + "'");
            };
            ImageFit imageFit = training.imageFit();
            if (patch.equals("whole")) {
                lineRule = imageFit.wholeImage(training.inputSize);
            }
            TrainingSettings ts = training.settings(seed);
            if (patience < 1 || patience > 1000) {
                throw bad("--patience must be 1..1000, got " + patience);
            }
            ts = ts.withPatience(patience);
            ImageFolderDataset ds = ImageFolderDataset.scan(data);
            DataSplit split = ds.load(training.inputSize, imageFit, valFraction, testFraction, seed);
            spec.commandLine().getOut();
            ClassifierTrainer.Result r;
            try (StdoutToStderr quiet = new StdoutToStderr(); ProgressBar bar = ProgressBar.onConsole()) {
                r = new ClassifierTrainer(ts, bar).train(split, lineRule, imageFit, ds.dataHash());
                BundleFiles.write(r.bundle(), out);
            }
            ClassifierReport.report(spec, json, out, r);
            return 0;
        }

        private picocli.CommandLine.ParameterException bad(String message) {
            return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
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
                ImageFolderDataset.Loaded loaded = ds.loadForEvaluationChecked(bundle.metadata().wholeImagePatch());
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
                m.putAll(ClassifierReport.figures(e));
                m.put("skipped", skippedRows);
                Json.print(w, m);
            } else {
                ClassifierReport.printFigures(w, "evaluation of " + model + " on " + data, e);
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
            ClassifierReport.report(spec, json, out, r);
            return 0;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write a folder-per-class data set: 'line' = crop windows from the simulated line, "
                    + "'textures' = a six-class 200x200 steel-surface stand-in, 'surfaces' = an imbalanced six-class "
                    + "surface-defect set cut from the DeepCrack development photos (70 %% defect-free, smallest class 32 "
                    + "images at --scale 1, sizes 96-320 px).")
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--kind", defaultValue = "line", description = "line, textures or surfaces, default ${DEFAULT-VALUE}")
        String kind;
        @Option(names = "--out", required = true, description = "folder to write")
        Path out;
        @Option(names = "--per-class", defaultValue = "200", description = "images per class, default ${DEFAULT-VALUE}")
        int perClass;
        @Option(names = "--seed", defaultValue = "1", description = "seed, default ${DEFAULT-VALUE}")
        long seed;
        @Option(names = "--scale", defaultValue = "1", description = "surfaces: image counts x this (1 = 1,344 images), default ${DEFAULT-VALUE}")
        double scale;
        @Option(names = "--photos", description = "surfaces: the DeepCrack folder (images/, masks/); default: "
                + "shared/data/deepcrack-train in the working folder or above")
        Path photos;
        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public Integer call() throws Exception {
            List<String> classes;
            Map<String, Integer> counts = new LinkedHashMap<>();
            switch (kind) {
                case "line" -> {
                    SyntheticLinePatches.write(out, perClass, seed, new PatchPreparer(PatchSettings.lineCandidates()));
                    classes = SyntheticLinePatches.CLASSES;
                }
                case "textures" -> {
                    SyntheticTextures.write(out, perClass, seed);
                    classes = SyntheticTextures.CLASSES;
                }
                case "surfaces" -> {
                    Path src = photos != null ? photos : DefaultCrackSegmenter.findData(Path.of(""));
                    if (src == null) {
                        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                                "shared/data/deepcrack-train not found above " + Path.of("").toAbsolutePath() + "; give --photos DIR");
                    }
                    if (!(scale > 0 && scale <= 10)) {
                        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--scale must be in (0, 10], got " + scale);
                    }
                    int[] n = SurfaceDefectSet.write(src, out, scale, seed);
                    classes = SurfaceDefectSet.CLASSES;
                    for (int c = 0; c < n.length; c++) {
                        counts.put(classes.get(c), n[c]);
                    }
                }
                default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--kind must be 'line', 'textures' or 'surfaces', got '" + kind + "'");
            }
            if (counts.isEmpty()) {
                classes.forEach(c -> counts.put(c, perClass));
            }
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("out", out.toAbsolutePath().toString());
                m.put("classes", classes);
                m.put("counts", counts);
                m.put("seed", seed);
                Json.print(spec.commandLine().getOut(), m);
            } else {
                spec.commandLine().getOut().printf("wrote %s images to %s%n", counts, out.toAbsolutePath());
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }
}
