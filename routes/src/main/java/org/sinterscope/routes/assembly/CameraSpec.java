package org.sinterscope.routes.assembly;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

import org.sinterscope.camera.PixelPitch;
import org.sinterscope.routes.StationSettings;

/**
 * One camera of the station, from {@code sinterscope.camera.<id>.*}:
 *
 * <pre>
 * type      folder | files | simulated | gige   which {@link FrameSourceFactory} opens it
 * stage     coating | sintered               which inspector and recipe section judge its frames
 * pixel-um  pixel pitch, µm/px (both directions)
 * x0-mm     web x of the first pixel column, mm
 * offset-mm roll y = camera y + offset-mm: a camera D mm downstream of the encoder's reference has -D
 * folder    the image hot folder (type folder)
 * </pre>
 * All but type and folder fall back to the station-wide {@code sinterscope.camera.<name>}.
 *
 * @param id       camera id (frames carry it)
 * @param type     source type
 * @param stage    production stage it looks at
 * @param pitch    pixel pitch
 * @param x0Mm     web x of the first column, mm
 * @param offsetMm added to the camera's y to give roll y, mm (a camera D mm downstream of the reference: -D)
 * @param folder   hot folder (null unless type folder)
 */
public record CameraSpec(String id, String type, Stage stage, PixelPitch pitch, double x0Mm, double offsetMm, Path folder) {

    /** The production stage a camera looks at. */
    public enum Stage {
        /** The coated, dried, rolled web: coating uniformity and coating defects. */
        COATING,
        /** The sintered layer: cracks. */
        SINTERED
    }

    public CameraSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(pitch, "pitch");
        if (!Double.isFinite(x0Mm) || !Double.isFinite(offsetMm)) {
            throw new IllegalArgumentException("camera " + id + ": x0 " + x0Mm + " mm and offset " + offsetMm
                    + " mm must be finite");
        }
    }

    /** Key prefix of camera {@code id}. */
    public static String key(String id, String name) {
        return "sinterscope.camera." + id + "." + name;
    }

    /** The camera {@code id} from the settings. */
    public static CameraSpec fromSettings(StationSettings s, String id) {
        String type = s.get(key(id, "type")).toLowerCase(Locale.ROOT);
        String stageName = setting(s, id, "stage");
        Stage stage;
        try {
            stage = Stage.valueOf(stageName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("station setting '" + key(id, "stage") + "' must be coating or sintered, got '"
                    + stageName + "'", e);
        }
        String folder = s.getOrDefault(key(id, "folder"), "");
        return new CameraSpec(id, type, stage, PixelPitch.square(number(s, id, "pixel-um")), number(s, id, "x0-mm"),
                number(s, id, "offset-mm"), folder.isEmpty() ? null : Path.of(folder));
    }

    /** {@code sinterscope.camera.<id>.<name>}, else the station-wide {@code sinterscope.camera.<name>}. */
    public static String setting(StationSettings s, String id, String name) {
        return s.getOrDefault(key(id, name), s.get("sinterscope.camera." + name));
    }

    private static double number(StationSettings s, String id, String name) {
        String v = setting(s, id, name);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("station setting '" + key(id, name) + "' must be a number, got '" + v + "'", e);
        }
    }
}
