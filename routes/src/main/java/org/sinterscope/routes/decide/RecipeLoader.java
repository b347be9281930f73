package org.sinterscope.routes.decide;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.inspection.xrd.Reflection;

/**
 * Reads a {@link Recipe} from JSON:
 *
 * <pre>{@code
 * { "product": "si-anode-160", "rejectMarginMm": 5, "uncertain": "reject",
 *   "defects": { "pinhole": { "reject": true, "minSizeMm": 0.1, "sizeOf": "diameterMm" }, ... },
 *   "coating": { "minWidthMm": 158, "maxWidthMm": 162, "minLeftEdgeMm": 13, "maxLeftEdgeMm": 17, "maxCvPercent": 5 },
 *   "foil":    { "minRaUm": 0.2, "minRzUm": 1.0, "maxRzUm": 4.0, "minRsmUm": 20, "maxRsmUm": 150 },
 *   "crack":   { "maxDensityMmPerMm2": 0.05, "maxLengthMm": 0.5, "maxWidthUm": 30 },
 *   "sintering": { "alloy": "a-Si", "crystallizationTempC": 650, "marginC": 50, "maxO2Ppm": 10,
 *                  "maxDewPointC": -40, "minDwellS": 20, "dwellLevelC": 400, "xrdMaxCrystallinity": 0.05,
 *                  "xrdReflections": [ { "name": "Si2Ni(111)", "twoThetaCuDeg": 29.0 } ], "onViolation": "reject" } }
 * }</pre>
 *
 * A missing coating, foil or crack limit is off, except that a recipe without a {@code foil}
 * section gets the product spec Ra ≥ 0.2 µm. A {@code crack} section and {@code defects.crack}
 * together are refused (one place decides cracks). The {@code sintering} section is optional; inside
 * it {@code alloy}, {@code crystallizationTempC} and {@code marginC} are required, a missing limit is
 * off, {@code onViolation} defaults to {@code reject}. An unknown key or class is an error naming the
 * file.
 */
public final class RecipeLoader {

    /** The recipe the station starts with when none is configured. */
    public static final String DEFAULT_RESOURCE = "/recipes/default.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RecipeLoader() {
    }

    public static Recipe load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read recipe " + file + ": " + e.getMessage(), e);
        }
    }

    public static Recipe defaults() {
        try (InputStream in = RecipeLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default recipe " + DEFAULT_RESOURCE + " is missing from the class path");
            }
            return parse(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read default recipe: " + e.getMessage(), e);
        }
    }

    /** {@code file} for a path, or the built-in default for null. */
    public static Recipe loadOrDefault(Path file) {
        return file == null ? defaults() : load(file);
    }

    static Recipe parse(InputStream in, String name) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("recipe " + name + " is not valid JSON: " + e.getMessage(), e);
        }
        try {
            checkKeys(root, name, "product", "rejectMarginMm", "uncertain", "defects", "coating", "foil", "crack",
                    "sintering");
            Map<DefectClass, Recipe.DefectRule> rules = new EnumMap<>(DefectClass.class);
            JsonNode defects = root.path("defects");
            for (Iterator<Map.Entry<String, JsonNode>> it = defects.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode r = e.getValue();
                checkKeys(r, name + " defects." + e.getKey(), "reject", "minSizeMm", "sizeOf");
                rules.put(DefectClass.fromLabel(e.getKey()), new Recipe.DefectRule(r.path("reject").asBoolean(true),
                        r.path("minSizeMm").asDouble(0), r.path("sizeOf").asText("lengthMm")));
            }
            JsonNode c = root.path("coating");
            checkKeys(c, name + " coating", "minWidthMm", "maxWidthMm", "minLeftEdgeMm", "maxLeftEdgeMm", "maxCvPercent");
            Recipe.CoatingLimits limits = new Recipe.CoatingLimits(num(c, "minWidthMm"), num(c, "maxWidthMm"),
                    num(c, "minLeftEdgeMm"), num(c, "maxLeftEdgeMm"), num(c, "maxCvPercent"));
            String uncertain = root.path("uncertain").asText("reject").toUpperCase(Locale.ROOT);
            return new Recipe(root.path("product").asText("unnamed"), root.path("rejectMarginMm").asDouble(5), rules,
                    limits, Recipe.UncertainPolicy.valueOf(uncertain), foil(root, name), crack(root, name, rules),
                    sintering(root, name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("recipe " + name + ": " + e.getMessage(), e);
        }
    }

    private static Recipe.FoilLimits foil(JsonNode root, String name) {
        if (!root.has("foil")) {
            return Recipe.FoilLimits.productSpec();
        }
        JsonNode f = root.get("foil");
        checkKeys(f, name + " foil", "minRaUm", "minRzUm", "maxRzUm", "minRsmUm", "maxRsmUm");
        return new Recipe.FoilLimits(num(f, "minRaUm"), num(f, "minRzUm"), num(f, "maxRzUm"), num(f, "minRsmUm"),
                num(f, "maxRsmUm"));
    }

    private static Recipe.CrackLimits crack(JsonNode root, String name, Map<DefectClass, Recipe.DefectRule> rules) {
        if (!root.has("crack")) {
            return Recipe.CrackLimits.off();
        }
        if (rules.containsKey(DefectClass.CRACK)) {
            throw new IllegalArgumentException("both a crack section and defects.crack: set crack limits in one place");
        }
        JsonNode c = root.get("crack");
        checkKeys(c, name + " crack", "maxDensityMmPerMm2", "maxLengthMm", "maxWidthUm");
        return new Recipe.CrackLimits(num(c, "maxDensityMmPerMm2"), num(c, "maxLengthMm"), num(c, "maxWidthUm"));
    }

    private static SinteringLimits sintering(JsonNode root, String name) {
        if (!root.has("sintering")) {
            return null;
        }
        JsonNode s = root.get("sintering");
        String where = name + " sintering";
        checkKeys(s, where, "alloy", "crystallizationTempC", "marginC", "maxO2Ppm", "maxDewPointC", "minDwellS",
                "dwellLevelC", "xrdMaxCrystallinity", "xrdReflections", "onViolation");
        for (String required : new String[] {"alloy", "crystallizationTempC", "marginC"}) {
            if (!s.has(required)) {
                throw new IllegalArgumentException("sintering: '" + required + "' is required");
            }
        }
        List<Reflection> extra = new ArrayList<>();
        JsonNode refl = s.path("xrdReflections");
        if (!refl.isMissingNode() && !refl.isArray()) {
            throw new IllegalArgumentException("sintering.xrdReflections must be a list of {name, twoThetaCuDeg}");
        }
        for (JsonNode r : refl) {
            checkKeys(r, where + ".xrdReflections", "name", "twoThetaCuDeg");
            if (!r.has("name") || !r.has("twoThetaCuDeg")) {
                throw new IllegalArgumentException("sintering.xrdReflections: each needs name and twoThetaCuDeg, got " + r);
            }
            extra.add(new Reflection(r.get("name").asText(), number(r, "twoThetaCuDeg")));
        }
        return new SinteringLimits(s.get("alloy").asText(), number(s, "crystallizationTempC"), number(s, "marginC"),
                optNumber(s, "maxO2Ppm"), optNumber(s, "maxDewPointC"), optNumber(s, "minDwellS"), optNumber(s, "dwellLevelC"),
                optNumber(s, "xrdMaxCrystallinity"), extra, SinteringLimits.Violation.parse(s.path("onViolation").asText("reject")));
    }

    /** A value that must be a JSON number (a string such as "650" is refused, not read as 0). */
    private static double number(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("'" + key + "' must be a number, got " + v);
        }
        return v.asDouble();
    }

    private static double optNumber(JsonNode n, String key) {
        return n.has(key) ? number(n, key) : Double.NaN;
    }

    private static double num(JsonNode n, String key) {
        return n.has(key) ? n.get(key).asDouble() : Double.NaN;
    }

    private static void checkKeys(JsonNode n, String where, String... allowed) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!java.util.Arrays.asList(allowed).contains(k)) {
                throw new IllegalArgumentException("unknown key '" + k + "' in " + where + ", expected one of "
                        + String.join(", ", allowed));
            }
        }
    }
}
