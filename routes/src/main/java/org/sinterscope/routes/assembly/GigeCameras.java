package org.sinterscope.routes.assembly;

import java.util.LinkedHashMap;
import java.util.Map;

import org.sinterscope.camera.FrameSource;
import org.sinterscope.camera.LineEncoder;
import org.sinterscope.camera.gige.GigeCamera;
import org.sinterscope.camera.gige.GigeSettings;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.camera.CameraLossReporter;

/**
 * The {@code gige} camera type: a GigE Vision line-scan camera through Aravis
 * ({@link GigeCamera}), with the keys of {@link GigeSettings} under {@code sinterscope.camera.<id>.}
 * (docs/camera.md). Its lost stretches and disconnects go to a {@link CameraLossReporter}, which
 * the assembled station attaches to its Camel context when it starts (events before that are
 * kept). The Aravis library is loaded only when such a camera is opened.
 */
public final class GigeCameras implements FrameSourceFactory {

    public static final String TYPE = "gige";

    @Override
    public FrameSource open(CameraSpec camera, StationSettings settings, LineEncoder encoder) {
        GigeSettings gs = settings(camera, settings);
        CameraLossReporter reporter = new CameraLossReporter();
        return new ReportingSource(new GigeCamera(gs, encoder, reporter), reporter);
    }

    /** The camera's GigE settings from the station settings (also used by the settings check). */
    static GigeSettings settings(CameraSpec camera, StationSettings settings) {
        String prefix = "sinterscope.camera." + camera.id() + ".";
        Map<String, String> keys = new LinkedHashMap<>();
        settings.asMap().forEach((k, v) -> {
            if (k.startsWith(prefix) && gigeKey(k.substring(prefix.length()))) {
                keys.put(k.substring(prefix.length()), v);
            }
        });
        return GigeSettings.fromKeys(camera.id(), keys, camera.pitch().xUmPerPx(), camera.x0Mm());
    }

    /** True for a per-camera key name the gige type understands. */
    static boolean gigeKey(String name) {
        return GigeSettings.KEYS.contains(name) || name.matches("feature\\.[A-Za-z_][A-Za-z0-9_]*");
    }

    /** A GigE camera with the reporter of its losses, for the station to attach. */
    public static final class ReportingSource implements FrameSource {
        private final GigeCamera camera;
        private final CameraLossReporter reporter;

        ReportingSource(GigeCamera camera, CameraLossReporter reporter) {
            this.camera = camera;
            this.reporter = reporter;
        }

        public CameraLossReporter reporter() {
            return reporter;
        }

        public GigeCamera camera() {
            return camera;
        }

        @Override
        public boolean hasNext() {
            return camera.hasNext();
        }

        @Override
        public org.sinterscope.camera.Frame next() {
            return camera.next();
        }

        @Override
        public void stop() {
            camera.stop();
        }

        @Override
        public String describe() {
            return camera.describe();
        }

        @Override
        public void close() {
            camera.close();
        }
    }
}
