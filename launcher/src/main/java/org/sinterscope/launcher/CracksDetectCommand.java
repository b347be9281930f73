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

import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.sinterscope.camera.PixelPitch;
import org.sinterscope.camera.WebGrid;
import org.sinterscope.inspection.crack.CrackSegmentation;
import org.sinterscope.inspection.crack.CrackMeasurements;
import org.sinterscope.inspection.crack.CrackResult;
import org.sinterscope.models.crack.CrackImages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sinterscope cracks detect}: crack mask and measurements of image files. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Detects cracks in images: writes the mask PNG (with --out) and prints the measurements per image.")
public final class CracksDetectCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(CracksDetectCommand.class);

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "image files")
    List<Path> imageFiles;

    @Option(names = "--out", description = "folder for the masks, <stem>.png (created if missing)")
    Path out;

    @Option(names = "--pixel-um", defaultValue = "10", description = "pixel pitch, µm per px (default ${DEFAULT-VALUE})")
    double pixelUm;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Mixin
    CrackDetectorOptions detector;

    @Mixin
    CrackModelOptions model;

    @Override
    public Integer call() throws Exception {
        if (!(pixelUm > 0) || !Double.isFinite(pixelUm)) {
            throw new ParameterException(spec.commandLine(), "--pixel-um must be > 0, got " + pixelUm);
        }
        if (out != null) {
            Files.createDirectories(out);
        }
        CrackSegmentation d = model.detectorOrReport(detector, spec, json);
        if (d == null) {
            return 1;
        }
        WebGrid grid = new WebGrid(0, 0, PixelPitch.square(pixelUm));
        List<Map<String, Object>> rows = new ArrayList<>();
        PrintWriter pw = spec.commandLine().getOut();
        int failed = 0;
        for (Path f : imageFiles) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("image", f.toString());
            Mat img = null;
            try {
                img = CrackImages.readGrey(f);
                try (CrackResult r = d.detect(img, grid, null)) {
                    if (out != null) {
                        String name = f.getFileName().toString();
                        int dot = name.lastIndexOf('.');
                        Path maskFile = out.resolve((dot < 0 ? name : name.substring(0, dot)) + ".png");
                        if (!Imgcodecs.imwrite(maskFile.toString(), r.mask())) {
                            throw new IOException("cannot write mask " + maskFile);
                        }
                        row.put("mask", maskFile.toString());
                    }
                    row.put("measurements", r.measurements());
                    row.put("cracks", r.defects());
                    if (!json) {
                        print(pw, f, r.measurements());
                    }
                }
            } catch (IllegalArgumentException e) {
                failed++;
                row.put("error", e.getMessage());
                LOG.error("{}", e.getMessage());
            } finally {
                if (img != null) {
                    img.release();
                }
            }
            rows.add(row);
        }
        if (json) {
            Json.print(pw, Map.of("pixelUm", pixelUm, "detector", model.describe(detector), "images", rows));
        }
        pw.flush();
        return failed == 0 ? 0 : 1;
    }

    private static void print(PrintWriter pw, Path f, CrackMeasurements m) {
        pw.printf(Locale.ROOT, "%s: %d cracks, length %.3f mm, density %.4f mm/mm², width mean %.1f µm max %.1f µm, "
                        + "longest %.3f mm, %d branch points, orientation mm per 22.5° bin %s%n",
                f.getFileName(), m.crackCount(), m.totalLengthMm(), m.lengthDensityPerMm(), m.meanWidthUm(), m.maxWidthUm(),
                m.longestCrackMm(), m.branchPointCount(),
                m.orientationHistogramMm().stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList());
    }
}
