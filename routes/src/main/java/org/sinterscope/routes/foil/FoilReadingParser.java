package org.sinterscope.routes.foil;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sinterscope.camera.profile.LengthUnit;
import org.sinterscope.camera.profile.Profile;
import org.sinterscope.camera.profile.ProfileFormatException;
import org.sinterscope.camera.profile.ProfileReader;
import org.sinterscope.camera.profile.ProfileReaders;

/**
 * Turns profilometer files and JSON messages into {@link FoilReading}s. Every failure is a
 * {@link FoilReadingException} naming the file or message and the problem.
 *
 * <p><b>Files</b> ({@code .csv}, {@code .x3p}, {@code .smd}, read by the camera module's readers)
 * carry their lot and web position in the name: {@code <lot>_y<yMm>[_<anything>].<ext>}, e.g.
 * {@code CU2401-07_y1520.5.csv} or {@code CU2401-07_y1520_trace3.x3p}; the lot is letters, digits,
 * {@code .} and {@code -}.
 *
 * <p><b>JSON messages</b>:
 * <pre>{@code
 * { "lot": "CU2401-07", "yMm": 1520.5, "name": "trace 3",      name optional
 *   "units": { "x": "mm", "z": "um" },                          optional; these are the defaults
 *   "spacing": 0.0005,                                          sample spacing in x units ...
 *   "x": [0.0, 0.0005, ...],                                    ... or the x values (strictly increasing)
 *   "z": [0.12, -0.03, null, ...] }                             heights in z units; null = invalid point
 * }</pre>
 * Units: {@code m}, {@code mm}, {@code um} (µm), {@code nm}. Give exactly one of {@code spacing}
 * and {@code x}. Unknown keys are refused.
 */
public final class FoilReadingParser {

    private static final Pattern NAME = Pattern.compile(
            "(?<lot>[A-Za-z0-9][A-Za-z0-9.-]*)_y(?<y>-?\\d+(?:\\.\\d+)?)(?:_[^/\\\\]*)?\\.(?i:csv|x3p|smd)");
    private static final List<String> KEYS = List.of("lot", "yMm", "name", "units", "spacing", "x", "z");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final double csvSpacingUm;

    /** @param csvSpacingUm sample spacing for one-column CSV files, µm, or NaN when they must carry x */
    public FoilReadingParser(double csvSpacingUm) {
        this.csvSpacingUm = csvSpacingUm;
    }

    /** A reading from a profilometer file named {@code fileName} (no folder) with {@code content}. */
    public FoilReading fromFile(String fileName, byte[] content) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new FoilReadingException(fileName, "the file name does not say the lot and web position: expected "
                    + "<lot>_y<yMm>[_<anything>].csv|.x3p|.smd, e.g. CU2401-07_y1520.5.csv");
        }
        try {
            ProfileReader reader = ProfileReaders.forFile(Path.of(fileName), csvSpacingUm);
            List<Profile> profiles = reader.read(fileName, content);
            return new FoilReading(m.group("lot"), Double.parseDouble(m.group("y")), fileName, profiles);
        } catch (ProfileFormatException e) {
            throw new FoilReadingException(fileName, e.problem(), e);
        } catch (IOException e) {
            throw new FoilReadingException(fileName, "cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new FoilReadingException(fileName, e.getMessage(), e);
        }
    }

    /** A reading from a JSON message; {@code source} names the message in errors. */
    public FoilReading fromJson(String source, byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new FoilReadingException(source, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FoilReadingException(source, "cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new FoilReadingException(source, "a foil reading must be a JSON object");
        }
        try {
            for (var it = root.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!KEYS.contains(k)) {
                    throw new IllegalArgumentException("unknown key '" + k + "', expected one of " + String.join(", ", KEYS));
                }
            }
            String lot = text(root, "lot");
            if (!root.path("yMm").isNumber()) {
                throw new IllegalArgumentException("'yMm' must be a number (web position, mm)");
            }
            double yMm = root.get("yMm").asDouble();
            String name = root.has("name") ? root.get("name").asText() : lot + " y " + yMm + " mm";
            JsonNode units = root.path("units");
            LengthUnit xu = unit(units, "x", LengthUnit.MM);
            LengthUnit zu = unit(units, "z", LengthUnit.UM);
            double[] z = numbers(root.path("z"), "z", true);
            for (int i = 0; i < z.length; i++) {
                z[i] = zu.toUm(z[i]);
            }
            boolean hasX = root.has("x");
            boolean hasSpacing = root.has("spacing");
            if (hasX == hasSpacing) {
                throw new IllegalArgumentException("give exactly one of 'spacing' and 'x'");
            }
            Profile p;
            if (hasSpacing) {
                if (!root.get("spacing").isNumber()) {
                    throw new IllegalArgumentException("'spacing' must be a number");
                }
                p = Profile.uniform(name, 0, xu.toMm(root.get("spacing").asDouble()), z);
            } else {
                double[] x = numbers(root.get("x"), "x", false);
                for (int i = 0; i < x.length; i++) {
                    x[i] = xu.toMm(x[i]);
                }
                p = new Profile(name, x, z);
            }
            return new FoilReading(lot, yMm, source, List.of(p));
        } catch (IllegalArgumentException e) {
            throw new FoilReadingException(source, e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String key) {
        if (!n.path(key).isTextual() || n.get(key).asText().isBlank()) {
            throw new IllegalArgumentException("'" + key + "' must be a non-empty string");
        }
        return n.get(key).asText();
    }

    private static LengthUnit unit(JsonNode units, String key, LengthUnit dflt) {
        if (units.isMissingNode() || !units.has(key)) {
            return dflt;
        }
        LengthUnit u = LengthUnit.parse(units.get(key).asText());
        if (u == null) {
            throw new IllegalArgumentException("unknown unit '" + units.get(key).asText() + "' for " + key
                    + " (expected m, mm, um or nm)");
        }
        return u;
    }

    private static double[] numbers(JsonNode arr, String key, boolean nullIsInvalid) {
        if (!arr.isArray()) {
            throw new IllegalArgumentException("'" + key + "' must be an array of numbers");
        }
        double[] out = new double[arr.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = arr.get(i);
            if (v.isNull() && nullIsInvalid) {
                out[i] = Double.NaN;
            } else if (v.isNumber()) {
                out[i] = v.asDouble();
            } else {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s[%d] is %s, not a number%s", key, i, v,
                        nullIsInvalid ? " or null" : ""));
            }
        }
        return out;
    }
}
