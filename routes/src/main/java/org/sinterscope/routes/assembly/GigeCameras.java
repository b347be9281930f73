package org.sinterscope.routes.assembly;

import org.sinterscope.camera.FrameSource;
import org.sinterscope.camera.LineEncoder;
import org.sinterscope.routes.StationSettings;

/**
 * The {@code gige} camera type: a GigE Vision line-scan camera. The camera driver registers its
 * {@link FrameSourceFactory} under {@value #TYPE} through {@link StationParts#source}; until one
 * is registered, a station configured with a GigE camera refuses to start with a clear message.
 */
public final class GigeCameras implements FrameSourceFactory {

    public static final String TYPE = "gige";

    @Override
    public FrameSource open(CameraSpec camera, StationSettings settings, LineEncoder encoder) {
        throw new UnsupportedOperationException("camera " + camera.id() + ": type gige (GigE Vision) is not available in this build"
                + " (no GigE driver is installed); use type folder with the acquisition software writing images into a hot folder");
    }
}
