package org.sinterscope.routes.assembly;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.reject.ActuatorSpec;

/**
 * Checks a station's settings before anything starts: every key of the file is known (a key of
 * {@code station.properties}, an {@code # optional:} key documented there, a per-camera key of a
 * listed camera, a per-actuator key of a listed actuator, or a {@code camel.*} key); numbers and
 * booleans have the type of their default; required values are set; named files and folders
 * exist; every actuator has a link that can be reached. Each problem names the key and the file.
 */
public final class SettingsCheck {

    /** Per-camera names ({@code sinterscope.camera.<id>.<name>}) and their types. */
    static final Map<String, Type> CAMERA_KEYS = Map.ofEntries(Map.entry("type", Type.TEXT), Map.entry("folder", Type.TEXT),
            Map.entry("stage", Type.TEXT), Map.entry("pixel-um", Type.NUMBER), Map.entry("x0-mm", Type.NUMBER),
            Map.entry("offset-mm", Type.NUMBER), Map.entry("order", Type.TEXT), Map.entry("poll-ms", Type.WHOLE),
            Map.entry("settle-ms", Type.WHOLE), Map.entry("watch", Type.BOOLEAN), Map.entry("done-dir", Type.TEXT),
            Map.entry("quarantine-dir", Type.TEXT), Map.entry("actuators", Type.TEXT), Map.entry("recipe", Type.TEXT),
            Map.entry("frames-uri", Type.TEXT));
    /** Per-actuator names ({@code sinterscope.actuator.<id>.<name>}) and their types. */
    static final Map<String, Type> ACTUATOR_KEYS = Map.of("distance-mm", Type.NUMBER, "link", Type.TEXT, "policy", Type.TEXT,
            "widen-mm", Type.NUMBER, "causes", Type.TEXT, "uri", Type.TEXT);
    private static final Pattern OPTIONAL = Pattern.compile("^#\\s*optional:\\s*([a-z][a-z0-9.-]*)\\s*=.*$");
    private static final Pattern GIGE_KEY = Pattern.compile("^sinterscope\\.camera\\.([^.]+)\\.(.+)$");
    private static final Pattern PER_ID = Pattern.compile("^sinterscope\\.(camera|actuator)\\.([^.]+)\\.([a-z0-9-]+)$");

    /** A value's type, inferred from its default. */
    enum Type { TEXT, NUMBER, WHOLE, BOOLEAN }

    /**
     * One problem.
     *
     * @param key     the setting (null when the file itself is the problem)
     * @param file    the file the value came from ("defaults", "command line" or the file's path)
     * @param message what is wrong
     */
    public record Problem(String key, String file, String message) {
        @Override
        public String toString() {
            return file + (key == null ? "" : ": " + key) + ": " + message;
        }
    }

    private SettingsCheck() {
    }

    /**
     * @param file        the station's settings file (null: defaults only)
     * @param overrides   settings given on the command line
     * @param cameraTypes the camera types the station can open
     * @param encoderTypes the encoder types it can make
     */
    public static List<Problem> check(Path file, Map<String, String> overrides, Set<String> cameraTypes, Set<String> encoderTypes) {
        List<Problem> out = new ArrayList<>();
        String fileName = file == null ? "defaults" : file.toString();
        Map<String, String> own = new LinkedHashMap<>();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                out.add(new Problem(null, fileName, "the settings file does not exist"));
                return out;
            }
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                out.add(new Problem(null, fileName, "cannot be read as properties: " + e.getMessage()));
                return out;
            }
            p.stringPropertyNames().forEach(k -> own.put(k, p.getProperty(k).trim()));
        }
        Map<String, Type> known = knownKeys();
        StationSettings s = StationSettings.load(file, overrides);
        List<String> cameras = StationAssembly.cameraIds(s);
        List<String> actuators = List.of(s.getOrDefault("sinterscope.actuators", s.getOrDefault("sinterscope.actuator.id", ""))
                .split(",")).stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
        Map<String, String> given = new LinkedHashMap<>(own);
        given.putAll(overrides);
        for (String key : given.keySet()) {
            String from = own.containsKey(key) && !overrides.containsKey(key) ? fileName : "command line";
            if (key.startsWith("camel.") || known.containsKey(key)) {
                continue;
            }
            Matcher g = GIGE_KEY.matcher(key);
            if (g.matches() && GigeCameras.gigeKey(g.group(2)) && cameras.contains(g.group(1))
                    && GigeCameras.TYPE.equals(s.getOrDefault(CameraSpec.key(g.group(1), "type"), ""))) {
                continue; // a gige camera's own key; its values are checked with the camera below
            }
            Matcher m = PER_ID.matcher(key);
            if (m.matches()) {
                boolean camera = m.group(1).equals("camera");
                List<String> ids = camera ? cameras : actuators;
                Map<String, Type> names = camera ? CAMERA_KEYS : ACTUATOR_KEYS;
                if (!names.containsKey(m.group(3))) {
                    out.add(new Problem(key, from, "unknown key: a " + m.group(1) + " has no setting '" + m.group(3) + "' (known: "
                            + names.keySet().stream().sorted().toList() + ")"));
                } else if (!ids.contains(m.group(2))) {
                    out.add(new Problem(key, from, "unknown key: " + m.group(1) + " '" + m.group(2) + "' is not listed in sinterscope."
                            + (camera ? "cameras " : "actuators ") + ids));
                }
                continue;
            }
            out.add(new Problem(key, from, "unknown key" + suggestion(key, known.keySet())));
        }
        for (Map.Entry<String, String> e : s.asMap().entrySet()) {
            Type t = typeOf(e.getKey(), known);
            String bad = t == null ? null : badValue(t, e.getValue());
            if (bad != null) {
                out.add(new Problem(e.getKey(), origin(e.getKey(), own, overrides, fileName), bad + ", got '" + e.getValue() + "'"));
            }
        }
        if (!out.isEmpty()) {
            return out; // the rest reads values as numbers
        }
        required(s, "sinterscope.station.id", own, overrides, fileName, out);
        if (cameras.isEmpty()) {
            out.add(new Problem("sinterscope.cameras", origin("sinterscope.cameras", own, overrides, fileName), "must name a camera"));
        }
        for (String id : cameras) {
            String typeKey = CameraSpec.key(id, "type");
            String type = s.getOrDefault(typeKey, "");
            if (type.isEmpty()) {
                out.add(new Problem(typeKey, origin(typeKey, own, overrides, fileName), "camera " + id + " needs a type "
                        + cameraTypes.stream().sorted().toList()));
            } else if (!cameraTypes.contains(type)) {
                out.add(new Problem(typeKey, origin(typeKey, own, overrides, fileName), "unknown camera type '" + type + "' (known: "
                        + cameraTypes.stream().sorted().toList() + ")"));
            }
            String folderKey = CameraSpec.key(id, "folder");
            if (type.equals(Sources.FOLDER) || type.equals(Sources.FILES)) {
                String folder = s.getOrDefault(folderKey, "");
                if (folder.isEmpty()) {
                    out.add(new Problem(folderKey, origin(folderKey, own, overrides, fileName), "camera " + id + " (type " + type
                            + ") needs its image folder"));
                } else if (!Files.isDirectory(Path.of(folder))) {
                    out.add(new Problem(folderKey, origin(folderKey, own, overrides, fileName), "folder " + folder + " does not exist"));
                }
            }
            existingFile(s, !s.getOrDefault(CameraSpec.key(id, "recipe"), "").isEmpty() ? CameraSpec.key(id, "recipe") : "sinterscope.camera.recipe", own,
                    overrides, fileName, out);
            String camActuators = CameraSpec.key(id, "actuators");
            for (String a : CameraSpec.setting(s, id, "actuators").split(",")) {
                if (!a.isBlank() && !actuators.contains(a.trim())) {
                    out.add(new Problem(camActuators, origin(camActuators, own, overrides, fileName), "actuator '" + a.trim()
                            + "' is not listed in sinterscope.actuators " + actuators));
                }
            }
            try {
                CameraSpec spec = CameraSpec.fromSettings(s, id);
                if (type.equals(GigeCameras.TYPE)) {
                    GigeCameras.settings(spec, s); // device set, numbers, known keys: named in the message
                }
            } catch (IllegalArgumentException ex) {
                out.add(new Problem(CameraSpec.key(id, "*"), fileName, ex.getMessage()));
            }
        }
        String enc = s.get("sinterscope.encoder.type");
        if (!encoderTypes.contains(enc)) {
            out.add(new Problem("sinterscope.encoder.type", origin("sinterscope.encoder.type", own, overrides, fileName),
                    "unknown encoder type '" + enc + "' (known: " + encoderTypes.stream().sorted().toList() + ")"));
        }
        existingFile(s, "sinterscope.recipe", own, overrides, fileName, out);
        if (given.containsKey("sinterscope.classifier.bundle") && !"none".equalsIgnoreCase(s.get("sinterscope.classifier.bundle"))) {
            existingFile(s, "sinterscope.classifier.bundle", own, overrides, fileName, out);
        }
        actuators(s, actuators, own, overrides, fileName, out);
        return out;
    }

    private static void actuators(StationSettings s, List<String> ids, Map<String, String> own, Map<String, String> overrides,
                                  String fileName, List<Problem> out) {
        if (ids.isEmpty()) {
            out.add(new Problem("sinterscope.actuators", fileName, "no actuator configured"));
            return;
        }
        for (String id : ids) {
            String key = "sinterscope.actuator." + id + ".link";
            String link = s.getOrDefault(key, s.getOrDefault("sinterscope.actuator.link", ""));
            if (link.isEmpty()) {
                out.add(new Problem(key, origin(key, own, overrides, fileName), "actuator " + id
                        + " has no link: set it (or sinterscope.actuator.link) to plc-sim, mqtt or opcua"));
            }
        }
        try {
            for (ActuatorSpec a : ActuatorSpec.fromSettings(s)) {
                if (a.link() == ActuatorSpec.Link.MQTT && s.getOrDefault("sinterscope.mqtt.broker-url", "").isEmpty()) {
                    out.add(new Problem("sinterscope.mqtt.broker-url", fileName, "actuator " + a.id() + " is on mqtt but no broker is set"));
                }
                if (a.link() == ActuatorSpec.Link.OPCUA && s.getOrDefault("sinterscope.opcua.endpoint", "").isEmpty()) {
                    out.add(new Problem("sinterscope.opcua.endpoint", fileName, "actuator " + a.id() + " is on opcua but no endpoint is set"));
                }
            }
        } catch (IllegalArgumentException e) {
            Matcher m = Pattern.compile("'([^']+)'").matcher(e.getMessage());
            String key = m.find() ? m.group(1) : "sinterscope.actuators";
            out.add(new Problem(key, origin(key, own, overrides, fileName), e.getMessage()));
        }
    }

    private static void required(StationSettings s, String key, Map<String, String> own, Map<String, String> overrides,
                                 String fileName, List<Problem> out) {
        if (s.getOrDefault(key, "").isEmpty()) {
            out.add(new Problem(key, origin(key, own, overrides, fileName), "is required"));
        }
    }

    private static void existingFile(StationSettings s, String key, Map<String, String> own, Map<String, String> overrides,
                                     String fileName, List<Problem> out) {
        String v = s.getOrDefault(key, "");
        if (!v.isEmpty() && !Files.isRegularFile(Path.of(v))) {
            out.add(new Problem(key, origin(key, own, overrides, fileName), "file " + v + " does not exist"));
        }
    }

    private static String origin(String key, Map<String, String> own, Map<String, String> overrides, String fileName) {
        return overrides.containsKey(key) ? "command line" : own.containsKey(key) ? fileName : "defaults";
    }

    private static Type typeOf(String key, Map<String, Type> known) {
        Type t = known.get(key);
        if (t != null) {
            return t;
        }
        Matcher m = PER_ID.matcher(key);
        if (m.matches()) {
            return (m.group(1).equals("camera") ? CAMERA_KEYS : ACTUATOR_KEYS).get(m.group(3));
        }
        return null;
    }

    private static String badValue(Type t, String v) {
        if (v.isEmpty()) {
            return null; // blank: "unset" where the key allows it; required keys are checked apart
        }
        switch (t) {
            case NUMBER -> {
                try {
                    double d = Double.parseDouble(v);
                    return Double.isFinite(d) ? null : "must be a finite number";
                } catch (NumberFormatException e) {
                    return "must be a number";
                }
            }
            case WHOLE -> {
                try {
                    Long.parseLong(v);
                    return null;
                } catch (NumberFormatException e) {
                    return "must be a whole number";
                }
            }
            case BOOLEAN -> {
                try {
                    StationSettings.parseBoolean("", v); // the one rule for yes/no settings
                    return null;
                } catch (IllegalArgumentException e) {
                    return "must be true or false";
                }
            }
            default -> {
                return null;
            }
        }
    }

    /** Every documented key with the type of its default. */
    static Map<String, Type> knownKeys() {
        Map<String, Type> m = new LinkedHashMap<>();
        for (Entry e : documented()) {
            m.put(e.key(), e.optional() ? Type.TEXT : inferred(e.key(), e.defaultValue()));
        }
        return m;
    }

    private static Type inferred(String key, String v) {
        if (v.equals("true") || v.equals("false")) {
            return Type.BOOLEAN;
        }
        if (v.matches("-?\\d+")) {
            return key.endsWith("-ms") || key.endsWith("-days") || key.endsWith("-size") || key.endsWith("capacity")
                    || key.endsWith("instances") || key.endsWith("index") || key.endsWith(".port") || key.endsWith("-minutes")
                    || key.endsWith(".shutdown-timeout") ? Type.WHOLE : Type.NUMBER;
        }
        if (v.matches("-?\\d*\\.\\d+")) {
            return Type.NUMBER;
        }
        return key.endsWith("-um") || key.endsWith("-mm") ? Type.NUMBER : Type.TEXT;
    }

    /**
     * A documented key: its default (blank for optional keys), the comment lines above it.
     *
     * @param key          the key
     * @param defaultValue the default, as written
     * @param comment      the comment block right above it (or the optional line's text)
     * @param optional     documented in an {@code # optional:} line, no default
     */
    public record Entry(String key, String defaultValue, String comment, boolean optional) {
    }

    /** The keys of {@code station.properties}, in file order, with their comments. */
    public static List<Entry> documented() {
        List<Entry> out = new ArrayList<>();
        try (InputStream in = SettingsCheck.class.getResourceAsStream("/station.properties")) {
            if (in == null) {
                throw new IllegalStateException("station.properties is missing from the class path");
            }
            StringBuilder comment = new StringBuilder();
            boolean afterKey = false;
            for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String line = raw.strip();
                Matcher opt = OPTIONAL.matcher(line);
                if (opt.matches()) {
                    out.add(new Entry(opt.group(1), "", line.substring(line.indexOf('=') + 1).strip(), true));
                } else if (line.startsWith("#")) {
                    if (afterKey) {
                        comment.setLength(0); // a new comment block: it is about the keys that follow it
                        afterKey = false;
                    }
                    comment.append(comment.isEmpty() ? "" : " ").append(line.substring(1).strip());
                } else if (line.isEmpty()) {
                    comment.setLength(0);
                    afterKey = false;
                } else {
                    int eq = line.indexOf('=');
                    out.add(new Entry(line.substring(0, eq).strip(), line.substring(eq + 1).strip(), comment.toString(), false));
                    afterKey = true;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read station.properties: " + e.getMessage(), e);
        }
        return out;
    }

    private static String suggestion(String key, Set<String> known) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(key, k);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best != null && bestD <= Math.max(3, key.length() / 5) ? " (did you mean '" + best + "'?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
