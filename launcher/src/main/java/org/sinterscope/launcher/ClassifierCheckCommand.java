package org.sinterscope.launcher;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.sinterscope.inspection.classify.ImageFit;
import org.sinterscope.models.Augmenter;
import org.sinterscope.models.ClassifierCheck;
import org.sinterscope.models.ClassifierNet;
import org.sinterscope.models.SurfaceDefectSet;
import org.sinterscope.models.SyntheticTextures;
import org.sinterscope.models.TrainingSettings;
import org.sinterscope.models.crack.DefaultCrackSegmenter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sinterscope classifier check}: generate, train and evaluate over several seeds, pooled
 * figures with confidence bounds (see {@link ClassifierCheck}).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Train and evaluate over several seeds on a generated data set and pool the test figures: "
                + "'surfaces' = the imbalanced six-class set cut from the DeepCrack photos (70 %% defect-free), "
                + "'textures' = the balanced six-class 200x200 synthetic texture set (300 per class: 210 train).")
final class ClassifierCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Option(names = "--kind", defaultValue = "surfaces", description = "surfaces or textures, default ${DEFAULT-VALUE}")
    String kind;
    @Option(names = "--seeds", defaultValue = "3", description = "number of seeds, default ${DEFAULT-VALUE}")
    int seeds;
    @Option(names = "--first-seed", defaultValue = "11", description = "seeds are first-seed, first-seed+1, ..., default ${DEFAULT-VALUE}")
    long firstSeed;
    @Option(names = "--scale", defaultValue = "1", description = "surfaces: image counts x this (1 = 1,344 images), default ${DEFAULT-VALUE}")
    double scale;
    @Option(names = "--per-class", defaultValue = "300", description = "textures: images per class, default ${DEFAULT-VALUE}")
    int perClass;
    @Option(names = "--photos", description = "surfaces: the DeepCrack folder; default: shared/data/deepcrack-train in the working folder or above")
    Path photos;
    @Mixin
    TrainingOptions training;
    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (seeds < 1 || seeds > 50) {
            throw new ParameterException(spec.commandLine(), "--seeds must be 1..50, got " + seeds);
        }
        ClassifierCheck.DataMaker maker = switch (kind) {
            case "surfaces" -> {
                Path src = photos != null ? photos : DefaultCrackSegmenter.findData(Path.of(""));
                if (src == null) {
                    throw new ParameterException(spec.commandLine(), "shared/data/deepcrack-train not found above "
                            + Path.of("").toAbsolutePath() + "; give --photos DIR");
                }
                if (!(scale > 0 && scale <= 10)) {
                    throw new ParameterException(spec.commandLine(), "--scale must be in (0, 10], got " + scale);
                }
                yield (dir, seed) -> SurfaceDefectSet.write(src, dir, scale, seed);
            }
            case "textures" -> {
                if (perClass < 3) {
                    throw new ParameterException(spec.commandLine(), "--per-class must be at least 3, got " + perClass);
                }
                yield (dir, seed) -> SyntheticTextures.write(dir, perClass, seed);
            }
            default -> throw new ParameterException(spec.commandLine(), "--kind must be 'surfaces' or 'textures', got '" + kind + "'");
        };
        TrainingSettings ts = training.settings(firstSeed);
        ImageFit imageFit = training.imageFit();
        int inputSize = training.inputSize;
        List<Long> seedList = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            seedList.add(firstSeed + i);
        }
        long t0 = System.nanoTime();
        ClassifierCheck.Report rep;
        Path work = Files.createTempDirectory("sinterscope-check-");
        try (StdoutToStderr quiet = new StdoutToStderr(); ProgressBar bar = ProgressBar.onConsole()) {
            rep = ClassifierCheck.run(maker, seedList, new ClassifierCheck.Config(inputSize, imageFit, ts), work, bar);
        } finally {
            Files.deleteIfExists(work);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        print(rep, ts, imageFit, wall);
        return 0;
    }

    private void print(ClassifierCheck.Report rep, TrainingSettings ts, ImageFit imageFit, double wall) {
        PrintWriter w = spec.commandLine().getOut();
        List<String> classes = rep.pooled().classes();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", kind);
            m.put("seeds", rep.runs().stream().map(ClassifierCheck.Run::seed).toList());
            m.put("synthetic", kind.equals("textures") ? "synthetic textures" : "real DeepCrack photo crops with drawn defects (crack and free: real)");
            m.put("inputSizePx", training.inputSize);
            m.put("imageFit", imageFit.name().toLowerCase(Locale.ROOT));
            m.put("training", ts.describe());
            List<Map<String, Object>> runs = new ArrayList<>();
            for (ClassifierCheck.Run r : rep.runs()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("seed", r.seed());
                one.put("epochsRun", r.epochsRun());
                one.put("bestEpoch", r.bestEpoch());
                one.put("trainingSeconds", r.trainingSeconds());
                one.put("test", ClassifierReport.figures(r.test()));
                runs.add(one);
            }
            m.put("runs", runs);
            Map<String, Object> pooled = new LinkedHashMap<>(ClassifierReport.figures(rep.pooled()));
            Map<String, Double> lower = new LinkedHashMap<>();
            for (int i = 0; i < classes.size(); i++) {
                lower.put(classes.get(i), rep.recallLower95()[i]);
            }
            pooled.put("recallWilsonLower95", lower);
            pooled.put("meanMacroF1", rep.meanMacroF1());
            pooled.put("macroF1T95", List.of(rep.macroF1Low(), rep.macroF1High()));
            pooled.put("minMacroF1", rep.minMacroF1());
            m.put("pooled", pooled);
            m.put("wallSeconds", wall);
            Json.print(w, m);
            return;
        }
        w.printf(Locale.ROOT, "check '%s' over seeds %s (%d px, fit %s, %s), %.0f s wall%n", kind,
                rep.runs().stream().map(ClassifierCheck.Run::seed).toList(), training.inputSize, imageFit.name().toLowerCase(Locale.ROOT),
                ts.describe(), wall);
        for (ClassifierCheck.Run r : rep.runs()) {
            w.printf(Locale.ROOT, "  seed %d: test accuracy %.4f, macro-F1 %.4f, min recall %.4f (%d epochs, best %d, %.0f s)%n",
                    r.seed(), r.test().accuracy(), r.test().macroF1(), r.test().minRecall(), r.epochsRun(), r.bestEpoch(),
                    r.trainingSeconds());
        }
        w.printf(Locale.ROOT, "macro-F1 per seed: mean %.4f, 95 %% t-interval [%.4f, %.4f], min %.4f%n", rep.meanMacroF1(),
                rep.macroF1Low(), rep.macroF1High(), rep.minMacroF1());
        ClassifierReport.printFigures(w, "pooled test splits", rep.pooled());
        w.println("  pooled recall, 95 % Wilson lower bound:");
        for (int i = 0; i < classes.size(); i++) {
            w.printf(Locale.ROOT, "  %-18s %.4f%n", classes.get(i), rep.recallLower95()[i]);
        }
        w.flush();
    }
}
