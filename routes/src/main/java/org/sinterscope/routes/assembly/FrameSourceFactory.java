package org.sinterscope.routes.assembly;

import org.sinterscope.camera.FrameSource;
import org.sinterscope.camera.LineEncoder;
import org.sinterscope.routes.StationSettings;

/**
 * Opens the frame source of one camera type ({@code sinterscope.camera.<id>.type}). The station
 * assembly looks factories up by type; the production ones are {@code folder} (an image hot
 * folder) and {@code gige} (a GigE Vision camera); a simulated line registers {@code simulated}.
 */
@FunctionalInterface
public interface FrameSourceFactory {

    /**
     * @param camera   the camera's settings
     * @param settings all station settings (type-specific keys under {@code sinterscope.camera.<id>.})
     * @param encoder  the station's encoder, positioned for this camera (its offset taken off)
     * @return an open source; the station closes it
     * @throws IllegalArgumentException when the settings do not describe a usable source
     * @throws UnsupportedOperationException when this build cannot open such a source
     */
    FrameSource open(CameraSpec camera, StationSettings settings, LineEncoder encoder);
}
