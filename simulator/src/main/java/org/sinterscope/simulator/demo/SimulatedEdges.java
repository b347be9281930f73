package org.sinterscope.simulator.demo;

import java.util.Locale;
import java.util.Map;

import org.sinterscope.camera.FrameSource;
import org.sinterscope.routes.assembly.CameraSpec;
import org.sinterscope.routes.assembly.StationEncoder;
import org.sinterscope.routes.assembly.StationParts;
import org.sinterscope.simulator.line.SimulatedEncoder;

/**
 * The simulated edges a demo plugs into the production station assembly: camera type and encoder
 * type {@value #TYPE}, served by a source and an encoder the demo made (and keeps for scoring).
 */
public final class SimulatedEdges {

    public static final String TYPE = "simulated";

    private SimulatedEdges() {
    }

    /** Settings that make the station's one camera {@code cameraId} a simulated camera of {@code stage}. */
    public static Map<String, String> overrides(String cameraId, CameraSpec.Stage stage) {
        return Map.of("sinterscope.cameras", cameraId, CameraSpec.key(cameraId, "type"), TYPE,
                CameraSpec.key(cameraId, "stage"), stage.name().toLowerCase(Locale.ROOT), "sinterscope.encoder.type", TYPE);
    }

    /** {@code parts} with the cameras of type {@value #TYPE} being {@code sources} by camera id, the encoder {@code encoder}. */
    public static StationParts plug(StationParts parts, Map<String, FrameSource> sources, SimulatedEncoder encoder) {
        return parts.source(TYPE, (camera, settings, enc) -> {
            FrameSource s = sources.get(camera.id());
            if (s == null) {
                throw new IllegalArgumentException("no simulated source for camera '" + camera.id() + "'; simulated cameras: "
                        + sources.keySet());
            }
            return s;
        }).encoder(TYPE, settings -> StationEncoder.of(encoder));
    }

    /** {@code parts} with camera and encoder type {@value #TYPE} being {@code source} and {@code encoder}. */
    public static StationParts plug(StationParts parts, FrameSource source, SimulatedEncoder encoder) {
        return parts.source(TYPE, (camera, settings, enc) -> source).encoder(TYPE, settings -> StationEncoder.of(encoder));
    }
}
