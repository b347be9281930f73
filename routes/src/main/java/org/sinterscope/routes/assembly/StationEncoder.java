package org.sinterscope.routes.assembly;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.sinterscope.camera.Frame;
import org.sinterscope.camera.LineEncoder;
import org.sinterscope.routes.StationStage;

/**
 * The station's encoder as the assembly plugs it in.
 *
 * @param encoder what the reject tracker and the actuation follow
 * @param onFrame told of every frame a camera delivers (a camera-line-counter encoder moves on it)
 * @param stages  routes the encoder needs (a PLC node or topic it listens to)
 * @param problem the encoder's health check for {@code /health}: what is wrong, or {@code null} when it is fine
 */
public record StationEncoder(LineEncoder encoder, Consumer<Frame> onFrame, List<StationStage> stages, Supplier<String> problem) {

    public StationEncoder {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(onFrame, "onFrame");
        Objects.requireNonNull(problem, "problem");
        stages = List.copyOf(stages);
    }

    /** An encoder without a health check of its own. */
    public StationEncoder(LineEncoder encoder, Consumer<Frame> onFrame, List<StationStage> stages) {
        this(encoder, onFrame, stages, () -> null);
    }

    /** An encoder that needs nothing from the station. */
    public static StationEncoder of(LineEncoder encoder) {
        return new StationEncoder(encoder, f -> { }, List.of());
    }
}
