package org.sinterscope.routes.assembly;

import java.util.Map;
import java.util.TreeMap;

/**
 * Renders docs/configuration.md from {@code station.properties}: every key once, with its default
 * and the comment above it, plus the per-camera and per-actuator keys. A test keeps the two equal.
 */
public final class ConfigurationDoc {

    private ConfigurationDoc() {
    }

    public static String render() {
        StringBuilder b = new StringBuilder();
        b.append("# Station configuration\n\n");
        b.append("Generated from `routes/src/main/resources/station.properties` by `ConfigurationDoc` (the test\n");
        b.append("`ConfigurationDocTest` fails when this file is out of date). A station's settings file overrides\n");
        b.append("these defaults; `./sinterscope run --config FILE` refuses (exit 2) unknown keys, values of the wrong\n");
        b.append("type, missing required values, files and folders that do not exist and actuators without a link,\n");
        b.append("naming the key and the file. `camel.*` keys go to Camel Main.\n\n");
        b.append("| key | default | meaning |\n|---|---|---|\n");
        for (SettingsCheck.Entry e : SettingsCheck.documented()) {
            b.append("| `").append(e.key()).append("` | ").append(e.optional() ? "*(unset)*" : e.defaultValue().isEmpty() ? "*(blank)*"
                    : "`" + e.defaultValue().replace("|", "\\|") + "`").append(" | ").append(e.comment().replace("|", "\\|")).append(" |\n");
        }
        b.append("\n## Per camera: `sinterscope.camera.<id>.<name>` for each id in `sinterscope.cameras`\n\n");
        b.append("Any name but `type` and `folder` falls back to the station-wide `sinterscope.camera.<name>` above.\n\n");
        table(b, SettingsCheck.CAMERA_KEYS);
        b.append("\n## A GigE Vision camera: `sinterscope.camera.<id>.<name>` for a camera of `type = gige`\n\n");
        b.append("Passed to the camera driver (`camera.gige.GigeSettings`, docs/camera.md \"Settings\" for defaults and meaning);\n");
        b.append("values are checked when the station starts. `feature.<GenICam name>` sets any other camera feature.\n\n");
        b.append("| name |\n|---|\n");
        new java.util.TreeSet<>(org.sinterscope.camera.gige.GigeSettings.KEYS).forEach(k -> b.append("| `").append(k).append("` |\n"));
        b.append("| `feature.<Name>` |\n");
        b.append("\n## Per actuator: `sinterscope.actuator.<id>.<name>` for each id in `sinterscope.actuators`\n\n");
        b.append("Each falls back to the station-wide `sinterscope.actuator.<name>` (docs/actuation.md).\n\n");
        table(b, SettingsCheck.ACTUATOR_KEYS);
        return b.toString();
    }

    private static void table(StringBuilder b, Map<String, SettingsCheck.Type> keys) {
        b.append("| name | type |\n|---|---|\n");
        new TreeMap<>(keys).forEach((k, t) -> b.append("| `").append(k).append("` | ").append(t.name().toLowerCase()).append(" |\n"));
    }
}
