package org.sinterscope.routes;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The station's settings: {@code station.properties} from the class path, then an optional file,
 * then {@code -Dsinterscope.*} system properties, then explicit overrides, later ones winning. The same map configures the Java beans (ids,
 * distances) and Camel (endpoint URIs), so there is one place to look.
 */
public final class StationSettings {

    private final Map<String, String> values;

    private StationSettings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static StationSettings load(Path file, Map<String, String> overrides) {
        Properties p = new Properties();
        try (InputStream in = StationSettings.class.getResourceAsStream("/station.properties")) {
            if (in == null) {
                throw new IllegalStateException("station.properties is missing from the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the default station.properties: " + e.getMessage(), e);
        }
        if (file != null) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read station settings " + file + ": " + e.getMessage(), e);
            }
        }
        Map<String, String> m = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k).trim()));
        // -Dsinterscope.key=value on the JVM's command line (JAVA_OPTS for the launcher)
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("sinterscope."))
                .forEach(k -> m.put(k, System.getProperty(k).trim()));
        m.putAll(overrides);
        return new StationSettings(m);
    }

    public String get(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("station setting '" + key + "' is not set");
        }
        return v;
    }

    /** The value, or {@code fallback} when the key is not set (or set empty). */
    public String getOrDefault(String key, String fallback) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? fallback : v;
    }

    public double getDouble(String key) {
        String v = get(key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("station setting '" + key + "' must be a number, got '" + v + "'", e);
        }
    }

    /** The whole number set for {@code key}, or {@code fallback} when it is not set (or set blank). */
    public int getInt(String key, int fallback) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("station setting '" + key + "' must be a whole number, got '" + v + "'", e);
        }
    }

    /** {@code true} or {@code false} (any case; surrounding blanks allowed) for {@code key}; anything else is refused. */
    public boolean getBoolean(String key) {
        return parseBoolean(key, get(key));
    }

    /** {@code true} or {@code false} (any case, blanks around allowed); anything else names the key and value. */
    public static boolean parseBoolean(String key, String value) {
        String t = value == null ? "" : value.trim();
        if (t.equalsIgnoreCase("true")) {
            return true;
        }
        if (t.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("station setting '" + key + "' must be true or false, got '" + value + "'");
    }

    public String stationId() {
        return get("sinterscope.station.id");
    }

    public String actuatorId() {
        return get("sinterscope.actuator.id");
    }

    public double actuatorDistanceMm() {
        return getDouble("sinterscope.actuator.distance-mm");
    }

    /** Everything, for Camel's properties. */
    public Map<String, String> asMap() {
        return values;
    }
}
