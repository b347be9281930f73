package org.sinterscope.routes.assembly;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.sinterscope.camera.FrameSource;
import org.sinterscope.camera.LineEncoder;
import org.sinterscope.camera.folder.HotFolderSource;
import org.sinterscope.camera.folder.ImageFolderSource;
import org.sinterscope.camera.folder.Quarantine;
import org.sinterscope.routes.StationSettings;

/**
 * The production camera types.
 *
 * <pre>
 * folder : an image hot folder {{sinterscope.camera.<id>.folder}}; files taken in name or mtime order
 *          ({{.order}}) once unchanged for {{.settle-ms}}, moved to {{.done-dir}} or, unreadable, to
 *          {{.quarantine-dir}} with the reason; {{.watch}} = false ends the source when the folder is empty
 * files  : the image files in {{sinterscope.camera.<id>.folder}}, listed once and left in place
 *          (unreadable ones quarantined): the inspect command
 * gige   : a GigE Vision camera (see {@link GigeCameras})
 * </pre>
 * Empty done and quarantine folders mean {@code <folder>/done} and {@code <folder>/quarantine}.
 */
public final class Sources {

    public static final String FOLDER = "folder";
    public static final String FILES = "files";

    private Sources() {
    }

    /** The built-in factories by type. */
    public static Map<String, FrameSourceFactory> builtIn() {
        return Map.of(FOLDER, Sources::hotFolder, FILES, Sources::files, GigeCameras.TYPE, new GigeCameras());
    }

    static FrameSource hotFolder(CameraSpec c, StationSettings s, LineEncoder encoder) {
        Path folder = folder(c);
        String order = CameraSpec.setting(s, c.id(), "order").toUpperCase(Locale.ROOT);
        HotFolderSource.Order o;
        try {
            o = HotFolderSource.Order.valueOf(order);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("station setting '" + CameraSpec.key(c.id(), "order") + "' must be name or mtime, got '"
                    + order.toLowerCase(Locale.ROOT) + "'", e);
        }
        return new HotFolderSource(new HotFolderSource.Settings(folder, dir(s, c, "done-dir", folder.resolve("done")),
                new Quarantine(dir(s, c, "quarantine-dir", folder.resolve("quarantine"))), c.id(), c.pitch(), c.x0Mm(),
                encoder.positionMm(), o, Duration.ofMillis(millis(s, c, "poll-ms")), Duration.ofMillis(millis(s, c, "settle-ms")),
                StationSettings.parseBoolean("sinterscope.camera." + c.id() + ".watch", CameraSpec.setting(s, c.id(), "watch"))));
    }

    static FrameSource files(CameraSpec c, StationSettings s, LineEncoder encoder) {
        Path folder = folder(c);
        return new ImageFolderSource(folder, new Quarantine(dir(s, c, "quarantine-dir", folder.resolve("quarantine"))), c.id(),
                c.pitch(), c.x0Mm());
    }

    private static Path folder(CameraSpec c) {
        if (c.folder() == null) {
            throw new IllegalArgumentException("station setting '" + CameraSpec.key(c.id(), "folder") + "' must name the image folder"
                    + " of camera " + c.id() + " (type " + c.type() + ")");
        }
        return c.folder();
    }

    private static Path dir(StationSettings s, CameraSpec c, String name, Path fallback) {
        String v = CameraSpec.setting(s, c.id(), name);
        return v.isEmpty() ? fallback : Path.of(v);
    }

    private static long millis(StationSettings s, CameraSpec c, String name) {
        String key = CameraSpec.key(c.id(), name);
        String v = CameraSpec.setting(s, c.id(), name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("station setting '" + key + "' must be a whole number of ms, got '" + v + "'", e);
        }
    }
}
