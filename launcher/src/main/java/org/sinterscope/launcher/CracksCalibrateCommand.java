package org.sinterscope.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.sinterscope.inspection.classify.ModelBundleException;
import org.sinterscope.inspection.crack.SegmenterBundle;
import org.sinterscope.inspection.crack.SegmenterInput;
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

/**
 * {@code sinterscope cracks calibrate}: gives a segmenter bundle another input normalisation and
 * re-chooses its mask threshold on its own validation images (the graph is kept).
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Re-calibrates a crack segmenter bundle: input normalisation over --window px windows (0 = whole image), input",
                "--scales, and the mask and hysteresis seed thresholds chosen as in training (best mask on the recipe's validation",
                "images, carved from the tuning part by the bundle's seed); the held-out part is never read. The graph is kept."})
public final class CracksCalibrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", defaultValue = "default", description = "bundle FILE or 'default' (" + SegmenterFiles.DEFAULT_PATH + ")")
    String model;

    @Option(names = "--data", description = "DeepCrack folder with images/ and masks/ (default: shared/data/deepcrack-train above)")
    Path data;

    @Option(names = "--out", required = true, description = "bundle file to write")
    Path out;

    @Option(names = "--window", description = "normalisation window, px; 0 = whole image (default: the recipe's, the patch side)")
    Integer window;

    @Option(names = "--scales", split = ",", description = "input scales whose maps are averaged, e.g. 1,0.5 (default: the recipe's)")
    java.util.List<Double> scales;

    @Option(names = "--split-seed", defaultValue = "" + DefaultCrackSegmenter.SPLIT_SEED, description = "seed of the held-out split (default ${DEFAULT-VALUE})")
    long splitSeed;

    @Option(names = "--heldout", defaultValue = "" + DefaultCrackSegmenter.HELD_OUT, description = "size of the held-out part (default ${DEFAULT-VALUE})")
    int heldout;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    private void report(CrackSegmenterTrainer.Result r) throws java.io.IOException {
        java.io.PrintWriter w = spec.commandLine().getOut();
        org.sinterscope.inspection.crack.SegmenterMetadata md = r.bundle().metadata();
        org.sinterscope.inspection.crack.EvaluationSummary v = r.validation();
        if (json) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("bundle", out.toAbsolutePath().toString());
            m.put("bytes", java.nio.file.Files.size(out));
            m.put("seconds", r.trainingSeconds());
            m.put("metadata", md);
            m.put("validation", v);
            Json.print(w, m);
            return;
        }
        w.printf(java.util.Locale.ROOT, "calibrated bundle written to %s (%d bytes; %.1f s)%n", out.toAbsolutePath(),
                java.nio.file.Files.size(out), r.trainingSeconds());
        w.printf(java.util.Locale.ROOT, "window %d px, scales %s, threshold %.3f, seed threshold %.3f%n", md.normWindowPx(), md.scales(),
                md.threshold(), md.seedThreshold());
        w.printf(java.util.Locale.ROOT, "validation (%d images): tolerantF1 %.4f (P %.4f, R %.4f), ods %.4f, ois %.4f%n", v.images(),
                v.tolerantF1(), v.tolerantPrecision(), v.tolerantRecall(), v.ods(), v.ois());
        w.flush();
    }

    @Override
    public Integer call() throws Exception {
        if (scales != null) {
            for (double f : scales) {
                if (!(f >= org.sinterscope.inspection.crack.SegmenterMetadata.MIN_SCALE
                        && f <= org.sinterscope.inspection.crack.SegmenterMetadata.MAX_SCALE)) {
                    throw new ParameterException(spec.commandLine(), "--scales must be "
                            + org.sinterscope.inspection.crack.SegmenterMetadata.MIN_SCALE + ".."
                            + org.sinterscope.inspection.crack.SegmenterMetadata.MAX_SCALE + ", got " + scales);
                }
            }
        }
        Path d = data != null ? data : DefaultCrackSegmenter.findData(Path.of(""));
        if (d == null) {
            throw new ParameterException(spec.commandLine(), "shared/data/deepcrack-train not found above "
                    + Path.of("").toAbsolutePath() + "; give --data");
        }
        CrackDataset tune;
        try {
            tune = CrackDataset.scan(d.resolve("images"), d.resolve("masks")).part(CrackDataset.Part.TUNE, splitSeed, heldout);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path file = "default".equalsIgnoreCase(model) ? SegmenterFiles.findDefault(Path.of("")) : Path.of(model);
        try {
            SegmenterBundle b = SegmenterFiles.read(file);
            SegmenterTrainingSettings st = SegmenterTrainingSettings.defaults(b.metadata().seed());
            int w = window == null ? st.normWindowPx() : window;
            if (w != 0 && (w < SegmenterInput.MIN_WINDOW_PX || w > SegmenterInput.MAX_WINDOW_PX)) {
                throw new ParameterException(spec.commandLine(), "--window must be 0 or " + SegmenterInput.MIN_WINDOW_PX + ".."
                        + SegmenterInput.MAX_WINDOW_PX + ", got " + w);
            }
            CrackSegmenterTrainer.Result r;
            try (StdoutToStderr quiet = new StdoutToStderr()) {
                r = new CrackSegmenterTrainer(st).recalibrate(b, tune, w, scales == null ? st.inputScales() : scales);
                SegmenterFiles.write(r.bundle(), out);
            }
            report(r);
            return 0;
        } catch (ModelBundleException e) {
            if (json) {
                Json.print(spec.commandLine().getOut(), Map.of("error", e.getMessage()));
            } else {
                spec.commandLine().getErr().println("sinterscope cracks calibrate: " + e.getMessage());
            }
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().flush();
            return 1;
        }
    }
}
