package org.sinterscope.launcher;

import java.nio.file.Path;

import org.sinterscope.inspection.classify.ModelBundleException;
import org.sinterscope.inspection.crack.CrackDetector;
import org.sinterscope.inspection.crack.CrackSegmentation;
import org.sinterscope.inspection.crack.CrackSegmenter;
import org.sinterscope.inspection.crack.LearnedCrackDetector;
import org.sinterscope.models.crack.SegmenterFiles;

import picocli.CommandLine.Option;

/** {@code --model FILE|default|none}: the learned crack segmenter, or the classical detector. */
final class CrackModelOptions {

    /**
     * The learned segmenter is the default: its held-out tolerant F1 on the DeepCrack split beats the
     * classical detector's (docs/cracks.md); the station's sintered stage keeps the classical detector.
     */
    @Option(names = "--model", defaultValue = "default",
            description = "learned crack segmenter: a bundle FILE, 'default' (" + SegmenterFiles.DEFAULT_PATH
                    + ") or 'none' (the classical detector, see --preset); default ${DEFAULT-VALUE}")
    String model;

    @Option(names = "--threshold", description = "override the bundle's probability threshold of the mask, (0, 1)")
    Double threshold;

    @Option(names = "--seed-threshold",
            description = "override the bundle's hysteresis seed threshold, [threshold, 1); = --threshold for plain thresholding")
    Double seedThreshold;

    @Option(names = "--model-min-length-px", description = "override the bundle's minimum mask component length, px")
    Integer minLengthPx;

    @Option(names = "--mirrors", description = "learned: average the probability over the image and its three mirror images (4x the time)")
    boolean mirrors;

    /** Whether the classical detector is asked for. */
    boolean classical() {
        return "none".equalsIgnoreCase(model);
    }

    /** The bundle file, or null for the classical detector. */
    Path file() {
        if (classical()) {
            return null;
        }
        return "default".equalsIgnoreCase(model) ? SegmenterFiles.findDefault(Path.of("")) : Path.of(model);
    }

    /** The detector these options ask for; the classical one is built from {@code classical}. */
    CrackSegmentation detector(CrackDetectorOptions classicalOptions) throws ModelBundleException {
        if (classical()) {
            return new CrackDetector(classicalOptions.config());
        }
        CrackSegmenter seg = new CrackSegmenter(SegmenterFiles.read(file()));
        double t = threshold == null ? seg.bundle().metadata().threshold() : threshold;
        int len = minLengthPx == null ? seg.bundle().metadata().minLengthPx() : minLengthPx;
        if (seedThreshold != null) {
            return new LearnedCrackDetector(seg, t, seedThreshold, len, mirrors);
        }
        return new LearnedCrackDetector(seg, t, len, mirrors);
    }

    /**
     * The detector, or null after reporting why the bundle cannot be used: {@code {"error": ...}}
     * on stdout with {@code --json}, else a line on stderr.
     */
    CrackSegmentation detectorOrReport(CrackDetectorOptions classicalOptions, picocli.CommandLine.Model.CommandSpec spec,
                                       boolean json) {
        try {
            return detector(classicalOptions);
        } catch (ModelBundleException e) {
            if (json) {
                Json.print(spec.commandLine().getOut(), java.util.Map.of("error", e.getMessage()));
            } else {
                spec.commandLine().getErr().println("sinterscope cracks: " + e.getMessage());
            }
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().flush();
            return null;
        }
    }

    /** A short description for logs and JSON. */
    String describe(CrackDetectorOptions classicalOptions) {
        return classical() ? "classical " + classicalOptions.config() : "learned " + file()
                + (threshold == null ? "" : " (threshold " + threshold + ")")
                + (seedThreshold == null ? "" : " (seed threshold " + seedThreshold + ")")
                + (minLengthPx == null ? "" : " (min length " + minLengthPx + " px)") + (mirrors ? " (mirror average)" : "");
    }
}
