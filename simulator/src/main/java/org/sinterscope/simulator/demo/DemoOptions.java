package org.sinterscope.simulator.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.sinterscope.simulator.line.SimulatedLineConfig;

/**
 * How to run the simulated-line demo.
 *
 * @param line          the simulated line (seed, length, speed, defect rate, …)
 * @param maxSpeed      pre-render and run unpaced, as fast as the machine allows
 * @param settingsFile  station settings file, or null for the defaults
 * @param recipeFile    recipe JSON, or null for the default recipe
 * @param overrides     station settings that win over the file
 * @param timeout       give up when the run takes longer
 * @param stage         which camera stages run: the coating camera (the default of this record), the
 *                      sintered-layer camera, or both in one station (the default of {@code sinterscope demo})
 * @param sinteredEveryMm with both stages: one sintered-layer frame every this many mm of roll
 *                      ({@value #DEFAULT_SINTERED_EVERY_MM} by default; at least the frame length, 10.24 mm)
 */
public record DemoOptions(SimulatedLineConfig line, boolean maxSpeed, Path settingsFile, Path recipeFile,
                          Map<String, String> overrides, Duration timeout, Stage stage, double sinteredEveryMm) {

    /** One sintered-layer frame every this many mm of roll when both stages run. */
    public static final double DEFAULT_SINTERED_EVERY_MM = 500;

    /** The demo's camera stage. */
    public enum Stage {
        /** The coated, dried, rolled web: coating uniformity and coating defects. */
        COATING,
        /** The sintered layer (camera {@code sinter-cam-1}): cracks, scored against the simulator's crack truth. */
        SINTERED,
        /** Both cameras in one station on one roll, each with its offset, recipe section and actuators. */
        BOTH
    }

    /** {@code stage}, the sintered camera one frame every {@value #DEFAULT_SINTERED_EVERY_MM} mm. */
    public DemoOptions(SimulatedLineConfig line, boolean maxSpeed, Path settingsFile, Path recipeFile,
                       Map<String, String> overrides, Duration timeout, Stage stage) {
        this(line, maxSpeed, settingsFile, recipeFile, overrides, timeout, stage, DEFAULT_SINTERED_EVERY_MM);
    }

    /** The coating stage. */
    public DemoOptions(SimulatedLineConfig line, boolean maxSpeed, Path settingsFile, Path recipeFile,
                       Map<String, String> overrides, Duration timeout) {
        this(line, maxSpeed, settingsFile, recipeFile, overrides, timeout, Stage.COATING);
    }

    public DemoOptions {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(timeout, "timeout");
        overrides = Map.copyOf(overrides);
        if (!(sinteredEveryMm >= 10.24) || !Double.isFinite(sinteredEveryMm)) {
            throw new IllegalArgumentException("a sintered-layer frame every " + sinteredEveryMm
                    + " mm: need at least the frame length, 10.24 mm");
        }
    }
}
