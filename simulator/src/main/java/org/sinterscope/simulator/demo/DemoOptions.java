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
 * @param stage         which camera stage runs: the coating camera (default) or the sintered-layer camera
 */
public record DemoOptions(SimulatedLineConfig line, boolean maxSpeed, Path settingsFile, Path recipeFile,
                          Map<String, String> overrides, Duration timeout, Stage stage) {

    /** The demo's camera stage. */
    public enum Stage {
        /** The coated, dried, rolled web: coating uniformity and coating defects. */
        COATING,
        /** The sintered layer (camera {@code sinter-cam-1}): cracks, scored against the simulator's crack truth. */
        SINTERED
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
    }
}
