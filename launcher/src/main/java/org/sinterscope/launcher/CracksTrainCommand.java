package org.sinterscope.launcher;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.sinterscope.inspection.crack.EvaluationSummary;
import org.sinterscope.models.crack.CrackDataset;
import org.sinterscope.models.crack.CrackSegmenterTrainer;
import org.sinterscope.models.crack.DefaultCrackSegmenter;
import org.sinterscope.models.crack.SegmenterFiles;
import org.sinterscope.models.crack.SegmenterTrainingSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sinterscope cracks train}: trains a learned crack segmenter bundle on images and masks. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a crack segmenter (small U-Net, SameDiff) on DIR/images + DIR/masks and writes a bundle.",
                "By default only the tuning part of the seeded split is used (--part tune): the held-out part is never seen;",
                "validation images for early stopping and the threshold are carved from the training images by --seed."})
public final class CracksTrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "data folder with images/ and masks/ (paired by file stem)")
    Path data;

    @Option(names = "--out", required = true, description = "bundle file to write (rewritten after every epoch that improved it)")
    Path out;

    @Option(names = "--seed", defaultValue = "" + DefaultCrackSegmenter.SEED, description = "the one seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--part", defaultValue = "tune", description = "all, tune or heldout part of the split to train on (default ${DEFAULT-VALUE})")
    CrackDataset.Part part;

    @Option(names = "--split-seed", defaultValue = "4", description = "seed of the held-out split (default ${DEFAULT-VALUE})")
    long splitSeed;

    @Option(names = "--heldout", defaultValue = "100", description = "size of the held-out part (default ${DEFAULT-VALUE})")
    int heldout;

    @Option(names = "--epochs", description = "most epochs (default: the recipe's)")
    Integer epochs;

    @Option(names = "--steps", description = "Adam steps per epoch (default: the recipe's)")
    Integer steps;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SegmenterTrainingSettings st = SegmenterTrainingSettings.defaults(seed);
        if (epochs != null || steps != null) {
            st = st.withEpochs(epochs == null ? st.epochs() : epochs, steps == null ? st.stepsPerEpoch() : steps);
        }
        CrackDataset ds;
        try {
            ds = CrackDataset.scan(data.resolve("images"), data.resolve("masks")).part(part, splitSeed, heldout);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        CrackSegmenterTrainer.Result r;
        try (StdoutToStderr quiet = new StdoutToStderr()) {
            r = new CrackSegmenterTrainer(st).train(ds, best -> SegmenterFiles.write(best.bundle(), out));
        }
        report(spec, json, out, r);
        return 0;
    }

    static void report(CommandSpec spec, boolean json, Path out, CrackSegmenterTrainer.Result r) throws java.io.IOException {
        PrintWriter w = spec.commandLine().getOut();
        EvaluationSummary v = r.validation();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bundle", out.toAbsolutePath().toString());
            m.put("bytes", Files.size(out));
            m.put("epochsRun", r.epochsRun());
            m.put("bestEpoch", r.bestEpoch());
            m.put("trainingSeconds", r.trainingSeconds());
            m.put("metadata", r.bundle().metadata());
            m.put("validation", v);
            Json.print(w, m);
            return;
        }
        w.printf(Locale.ROOT, "bundle written to %s (%d bytes; %d epochs, best %d; %.1f s)%n", out.toAbsolutePath(), Files.size(out),
                r.epochsRun(), r.bestEpoch(), r.trainingSeconds());
        w.printf(Locale.ROOT, "threshold %.3f, seed threshold %.3f, min length %d px, normalisation window %d px, scales %s%n",
                r.bundle().metadata().threshold(), r.bundle().metadata().seedThreshold(), r.bundle().metadata().minLengthPx(),
                r.bundle().metadata().normWindowPx(), r.bundle().metadata().scales());
        w.printf(Locale.ROOT, "validation (%d images carved from the training images): tolerantF1 %.4f (P %.4f, R %.4f), ods %.4f, ois %.4f%n",
                v.images(), v.tolerantF1(), v.tolerantPrecision(), v.tolerantRecall(), v.ods(), v.ois());
        w.flush();
    }

    /** {@code sinterscope cracks build-default}: rebuilds the shipped default crack segmenter. */
    @Command(name = "build-default", mixinStandardHelpOptions = true,
            description = {"Rebuilds " + SegmenterFiles.DEFAULT_PATH + " from the tuning part (split seed 4, 100 held out)",
                    "of the DeepCrack development set with the recipe's seed: same data and seed, same bundle."})
    public static final class BuildDefault implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--data", description = "DeepCrack folder (default: shared/data/deepcrack-train in the project's folder or above)")
        Path data;
        @Option(names = "--out", defaultValue = SegmenterFiles.DEFAULT_PATH, description = "bundle file, default ${DEFAULT-VALUE}")
        Path out;
        @Option(names = "--json", description = "print one JSON document")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Path d = data != null ? data : DefaultCrackSegmenter.findData(Path.of(""));
            if (d == null) {
                throw new ParameterException(spec.commandLine(), "shared/data/deepcrack-train not found above "
                        + Path.of("").toAbsolutePath() + "; give --data");
            }
            CrackSegmenterTrainer.Result r;
            try (StdoutToStderr quiet = new StdoutToStderr()) {
                r = DefaultCrackSegmenter.build(d, best -> SegmenterFiles.write(best.bundle(), out));
            }
            report(spec, json, out, r);
            return 0;
        }
    }
}
