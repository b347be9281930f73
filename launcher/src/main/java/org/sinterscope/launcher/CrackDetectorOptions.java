package org.sinterscope.launcher;

import org.sinterscope.inspection.crack.CrackDetectorConfig;

import picocli.CommandLine.Option;

/** Detector options shared by the crack commands: a preset and optional overrides. */
final class CrackDetectorOptions {

    enum Preset { STANDARD, LINE }

    @Option(names = "--preset", defaultValue = "standard",
            description = "detector preset: standard (full resolution) or line (half resolution, faster); default ${DEFAULT-VALUE}")
    Preset preset;

    @Option(names = "--high-z", description = "override: hysteresis seed threshold (texture units)")
    Double highZ;

    @Option(names = "--low-z", description = "override: hysteresis growth threshold (texture units)")
    Double lowZ;

    @Option(names = "--levels", description = "override: pyramid levels (scales)")
    Integer levels;

    @Option(names = "--edge-penalty", description = "override: step-edge suppression (0 = off)")
    Double edgePenalty;

    @Option(names = "--min-darkness", description = "override: darkness test of mask pixels (0 = off)")
    Double minDarkness;

    @Option(names = "--min-length-px", description = "override: minimum component extent, image px")
    Double minLengthPx;

    @Option(names = "--seed-edge-penalty", description = "override: step-edge suppression of hysteresis seeds (>= --edge-penalty)")
    Double seedEdgePenalty;

    @Option(names = "--min-seed-extent-px", description = "override: minimum extent of a component's seed pixels, image px")
    Double minSeedExtentPx;

    @Option(names = "--work-scale", description = "override: 1 = full resolution, 2 = half")
    Integer workScale;

    CrackDetectorConfig config() {
        CrackDetectorConfig c = preset == Preset.LINE ? CrackDetectorConfig.line() : CrackDetectorConfig.standard();
        if (highZ != null || lowZ != null) {
            c = c.withThresholds(highZ != null ? highZ : c.highZ(), lowZ != null ? lowZ : c.lowZ());
        }
        if (levels != null) {
            c = c.withLevels(levels);
        }
        if (edgePenalty != null) {
            c = c.withEdgePenalty(edgePenalty);
        }
        if (seedEdgePenalty != null) {
            c = c.withSeedEdgePenalty(seedEdgePenalty);
        }
        if (minSeedExtentPx != null) {
            c = c.withMinSeedExtentPx(minSeedExtentPx);
        }
        if (minLengthPx != null) {
            c = c.withMinLengthPx(minLengthPx).withMinCrackLengthPx(minLengthPx);
        }
        if (minDarkness != null) {
            c = c.withMinDarkness(minDarkness);
        }
        if (workScale != null) {
            c = c.withWorkScale(workScale);
        }
        return c;
    }
}
