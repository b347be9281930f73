package org.sinterscope.routes.compliance;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Furnace readings from the wire and from log files.
 *
 * <p><b>JSON</b> (MQTT, OPC UA string nodes): one object or an array of objects
 * {@code {"zone": "z2", "at": "2026-11-30T05:00:00Z", "tempC": 585.2, "o2Ppm": 3.1, "dewPointC": -52,
 * "encoderMm": 123456}}; {@code at} defaults to the time of arrival, a missing quantity is not measured;
 * an unknown key is refused.
 *
 * <p><b>CSV log</b>: a header row naming {@code time}, {@code zone} and at least one of
 * {@code temp_c}, {@code o2_ppm}, {@code dew_point_c} (optional {@code encoder_mm}), in any order;
 * separator comma or semicolon; an empty cell is "not measured"; {@code #} lines are comments. A bad
 * row is reported with its line number and the others are kept.
 */
public final class FurnaceReadingParser {

    /** The rows that could be read and the reasons for the others ({@code line N: ...}). */
    public record LogRows(List<FurnaceReading> readings, List<Integer> lines, List<String> bad) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> JSON_KEYS = Set.of("zone", "at", "tempC", "o2Ppm", "dewPointC", "encoderMm");
    private static final int MAX_ROWS = 1_000_000;

    private final Clock clock;

    public FurnaceReadingParser(Clock clock) {
        this.clock = clock;
    }

    /** @throws FurnaceReadingException when the message is not a valid reading (nothing of it is used) */
    public List<FurnaceReading> json(byte[] body) throws FurnaceReadingException {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new FurnaceReadingException("not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new FurnaceReadingException("cannot read the message: " + e.getMessage());
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw new FurnaceReadingException("expected a JSON object or an array of objects");
        }
        List<FurnaceReading> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root.isArray() ? root : List.of(root)) {
            String where = root.isArray() ? "reading " + (i + 1) + ": " : "";
            if (!n.isObject()) {
                throw new FurnaceReadingException(where + "not a JSON object");
            }
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!JSON_KEYS.contains(k)) {
                    throw new FurnaceReadingException(where + "unknown key '" + k + "' (known: " + String.join(", ",
                            new java.util.TreeSet<>(JSON_KEYS)) + ")");
                }
            }
            try {
                Instant at = n.has("at") ? Instant.parse(n.get("at").asText()) : clock.instant();
                out.add(new FurnaceReading(n.path("zone").asText(""), at, num(n, "tempC"), num(n, "o2Ppm"),
                        num(n, "dewPointC"), num(n, "encoderMm")));
            } catch (DateTimeParseException e) {
                throw new FurnaceReadingException(where + "'at' is not an ISO-8601 instant: " + n.get("at").asText());
            } catch (IllegalArgumentException e) {
                throw new FurnaceReadingException(where + e.getMessage());
            }
            i++;
        }
        return out;
    }

    private static double num(JsonNode n, String key) {
        if (!n.has(key) || n.get(key).isNull()) {
            return Double.NaN;
        }
        if (!n.get(key).isNumber()) {
            throw new IllegalArgumentException("'" + key + "' must be a number, got " + n.get(key));
        }
        return n.get(key).asDouble();
    }

    /** @throws FurnaceReadingException when the header is unusable (no row can be read) */
    public LogRows csv(byte[] body) throws FurnaceReadingException {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\n|\r", -1);
        if (lines.length > MAX_ROWS) {
            throw new FurnaceReadingException(lines.length + " lines, more than the limit of " + MAX_ROWS);
        }
        int h = 0;
        while (h < lines.length && (lines[h].isBlank() || lines[h].trim().startsWith("#"))) {
            h++;
        }
        if (h == lines.length) {
            throw new FurnaceReadingException("empty log: no header row");
        }
        String sep = lines[h].contains(";") && !lines[h].contains(",") ? ";" : ",";
        String[] names = lines[h].split(sep, -1);
        int time = -1;
        int zone = -1;
        int[] q = {-1, -1, -1, -1}; // temp_c, o2_ppm, dew_point_c, encoder_mm
        List<String> known = List.of("temp_c", "o2_ppm", "dew_point_c", "encoder_mm");
        for (int c = 0; c < names.length; c++) {
            String n = names[c].trim().toLowerCase(Locale.ROOT);
            if (n.equals("time")) {
                time = c;
            } else if (n.equals("zone")) {
                zone = c;
            } else if (known.contains(n)) {
                q[known.indexOf(n)] = c;
            } else {
                throw new FurnaceReadingException("line " + (h + 1) + ": unknown column '" + names[c].trim()
                        + "' (known: time, zone, temp_c, o2_ppm, dew_point_c, encoder_mm)");
            }
        }
        if (time < 0 || zone < 0 || (q[0] < 0 && q[1] < 0 && q[2] < 0)) {
            throw new FurnaceReadingException("line " + (h + 1) + ": the header needs time, zone and at least one of "
                    + "temp_c, o2_ppm, dew_point_c");
        }
        List<FurnaceReading> ok = new ArrayList<>();
        List<Integer> okLines = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (int l = h + 1; l < lines.length; l++) {
            String t = lines[l].trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] cells = lines[l].split(sep, -1);
            try {
                if (cells.length != names.length) {
                    throw new IllegalArgumentException(cells.length + " cells, the header has " + names.length);
                }
                Instant at;
                try {
                    at = Instant.parse(cells[time].trim());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("time '" + cells[time].trim() + "' is not an ISO-8601 instant");
                }
                ok.add(new FurnaceReading(cells[zone].trim(), at, cell(cells, q[0], "temp_c"), cell(cells, q[1], "o2_ppm"),
                        cell(cells, q[2], "dew_point_c"), cell(cells, q[3], "encoder_mm")));
                okLines.add(l + 1);
            } catch (IllegalArgumentException e) {
                bad.add("line " + (l + 1) + ": " + e.getMessage());
            }
        }
        return new LogRows(ok, okLines, bad);
    }

    private static double cell(String[] cells, int c, String name) {
        if (c < 0 || cells[c].isBlank()) {
            return Double.NaN;
        }
        String t = cells[c].trim();
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(name + " '" + t + "' is not a finite number");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + t + "' is not a number");
        }
    }
}
