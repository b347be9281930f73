package org.sinterscope.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.sinterscope.inspection.crack.CrackSegmentation;
import org.sinterscope.inspection.crack.CrackEvaluator;
import org.sinterscope.inspection.crack.EvaluationSummary;
import org.sinterscope.inspection.crack.SegmentationCounts;
import org.sinterscope.models.crack.CrackDataset;
import org.sinterscope.models.crack.CrackDatasetEvaluation;
import org.sinterscope.models.crack.DefaultCrackSegmenter;
import org.sinterscope.models.crack.SegmenterTrainingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sinterscope cracks evaluate}: pixel and tolerant figures of the detector on a crack data set. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluates the crack detector on images and masks paired by file stem (mask crack where >= 128).",
                "Prints images, precision, recall, f1, iou, their tolerant versions, ods and ois."})
public final class CracksEvaluateCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(CracksEvaluateCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--images", required = true, description = "folder of images (JPEG, PNG, BMP, TIFF)")
    Path images;

    @Option(names = "--masks", required = true, description = "folder of masks with the images' file stems")
    Path masks;

    @Option(names = "--tolerance-px", defaultValue = "2", description = "tolerance of the tolerant figures, px (default ${DEFAULT-VALUE})")
    int tolerancePx;

    @Option(names = "--per-image", description = "write one CSV row per image to this file")
    Path perImage;

    @Option(names = "--part", defaultValue = "all",
            description = "all, tune or heldout: a part of a seeded split (see --split-seed, --heldout); default ${DEFAULT-VALUE}")
    CrackDataset.Part part;

    @Option(names = "--split-seed", defaultValue = "4", description = "seed of the split (default ${DEFAULT-VALUE})")
    long splitSeed;

    @Option(names = "--heldout", defaultValue = "100", description = "size of the held-out part (default ${DEFAULT-VALUE})")
    int heldout;

    @Option(names = "--validation",
            description = "with --part tune: only the segmenter recipe's validation images (the first 20 of the tuning part shuffled by seed 7)")
    boolean validation;

    @Option(names = "--scale", defaultValue = "1",
            description = "resize images and masks by this factor first (another camera resolution; 0.1..4, default ${DEFAULT-VALUE})")
    double scale;

    @Option(names = "--limit", description = "evaluate at most this many images (after the split)")
    Integer limit;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Mixin
    CrackDetectorOptions detector;

    @Mixin
    CrackModelOptions model;

    @Override
    public Integer call() throws Exception {
        if (tolerancePx < 0 || tolerancePx > 50) {
            throw new ParameterException(spec.commandLine(), "--tolerance-px must be 0..50, got " + tolerancePx);
        }
        if (!(scale >= CrackDatasetEvaluation.MIN_SCALE && scale <= CrackDatasetEvaluation.MAX_SCALE)) {
            throw new ParameterException(spec.commandLine(), "--scale must be " + CrackDatasetEvaluation.MIN_SCALE + ".."
                    + CrackDatasetEvaluation.MAX_SCALE + ", got " + scale);
        }
        CrackDataset data;
        try {
            data = CrackDataset.scan(images, masks).part(part, splitSeed, heldout);
            if (validation) {
                if (part != CrackDataset.Part.TUNE) {
                    throw new IllegalArgumentException("--validation needs --part tune");
                }
                SegmenterTrainingSettings recipe = SegmenterTrainingSettings.defaults(DefaultCrackSegmenter.SEED);
                data = data.part(CrackDataset.Part.HELDOUT, recipe.seed(), recipe.valImages());
            }
        } catch (IllegalArgumentException | IOException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (limit != null) {
            data = data.limit(limit);
        }
        if (data.size() == 0) {
            throw new ParameterException(spec.commandLine(), "no images found in " + images);
        }
        LOG.info("evaluating {} images from {} ({} part), detector {}", data.size(), images, part.name().toLowerCase(Locale.ROOT),
                model.describe(detector));
        CrackSegmentation seg = model.detectorOrReport(detector, spec, json);
        if (seg == null) {
            return 1;
        }
        long t0 = System.nanoTime();
        CrackDatasetEvaluation.Report report = new CrackDatasetEvaluation(new CrackEvaluator(seg, tolerancePx), scale).run(data);
        double secs = (System.nanoTime() - t0) / 1e9;
        LOG.info("evaluated in {} s", String.format(Locale.ROOT, "%.1f", secs));
        for (CrackDatasetEvaluation.ImageOutcome o : report.outcomes()) {
            if (!o.ok()) {
                LOG.warn("{}: {}", o.stem(), o.error());
            }
        }
        if (perImage != null) {
            writeCsv(report, perImage);
        }
        EvaluationSummary s = report.summary();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("summary", s);
            doc.put("failed", failures(report));
            doc.put("detector", model.classical() ? detector.config() : model.describe(detector));
            doc.put("scale", scale);
            doc.put("seconds", secs);
            Json.print(out, doc);
        } else {
            out.printf(Locale.ROOT, "images             %d (%d failed)%n", s.images(), report.failed());
            out.printf(Locale.ROOT, "precision          %.4f%n", s.precision());
            out.printf(Locale.ROOT, "recall             %.4f%n", s.recall());
            out.printf(Locale.ROOT, "f1                 %.4f%n", s.f1());
            out.printf(Locale.ROOT, "iou                %.4f%n", s.iou());
            out.printf(Locale.ROOT, "tolerantPrecision  %.4f   (tolerance %d px)%n", s.tolerantPrecision(), s.tolerancePx());
            out.printf(Locale.ROOT, "tolerantRecall     %.4f%n", s.tolerantRecall());
            out.printf(Locale.ROOT, "tolerantF1         %.4f%n", s.tolerantF1());
            out.printf(Locale.ROOT, "ods                %.4f   (score threshold %.3f)%n", s.ods(), s.odsThreshold());
            out.printf(Locale.ROOT, "ois                %.4f%n", s.ois());
            out.printf(Locale.ROOT, "detector           %s%n", model.describe(detector));
            if (scale != 1.0) {
                out.printf(Locale.ROOT, "scale              %.3g   (images and masks resized)%n", scale);
            }
            out.printf(Locale.ROOT, "seconds            %.1f   (%.0f ms per image)%n", secs, 1000 * secs / Math.max(1, data.size()));
            out.flush();
        }
        return s.images() == 0 ? 1 : 0;
    }

    private static List<Map<String, String>> failures(CrackDatasetEvaluation.Report r) {
        List<Map<String, String>> f = new ArrayList<>();
        for (CrackDatasetEvaluation.ImageOutcome o : r.outcomes()) {
            if (!o.ok()) {
                f.add(Map.of("image", o.stem(), "error", o.error()));
            }
        }
        return f;
    }

    private static void writeCsv(CrackDatasetEvaluation.Report report, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("image,status,truthPx,predictedPx,precision,recall,f1,iou,tolerantPrecision,tolerantRecall,tolerantF1,"
                + "bestTolerantF1,crackCount,error");
        for (CrackDatasetEvaluation.ImageOutcome o : report.outcomes()) {
            if (o.ok()) {
                SegmentationCounts c = o.evaluation().mask();
                lines.add(String.format(Locale.ROOT, "%s,ok,%d,%d,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%d,", csv(o.stem()),
                        c.truth(), c.predicted(), c.precision(), c.recall(), c.f1(), c.iou(), c.tolerantPrecision(),
                        c.tolerantRecall(), c.tolerantF1(), o.evaluation().bestTolerantF1(),
                        o.evaluation().measurements().crackCount()));
            } else {
                lines.add(csv(o.stem()) + ",error,,,,,,,,,,,," + csv(o.error()));
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, lines);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
