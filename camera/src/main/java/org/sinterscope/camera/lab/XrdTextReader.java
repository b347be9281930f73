package org.sinterscope.camera.lab;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a two-column scan, 2θ (degrees) and intensity, from text or CSV:
 *
 * <pre>
 * # roll: R-2026-0117          metadata lines: roll, y_mm (web position of the sample),
 * # y_mm: 1520                 sample, wavelength_a (Kα1, Å); any other # line is a comment
 * two_theta_deg,intensity      optional header row (2theta | two_theta | two_theta_deg | angle,
 * 10.00,312                                         intensity | counts | cps)
 * 10.02,305
 * </pre>
 *
 * The separator is a comma, semicolon, tab or blanks (taken from the first data row). Every data row
 * holds exactly two finite numbers; 2θ strictly increases inside (0°, 180°); intensities are ≥ 0.
 * Anything else is refused with the line number. The number of data rows is counted and checked
 * against {@link XrdReader#MAX_POINTS} before the arrays are allocated.
 */
public final class XrdTextReader implements XrdReader {

    private static final Pattern META = Pattern.compile("#\\s*([A-Za-z_]+)\\s*[:=]\\s*(.*?)\\s*");
    private static final List<String> ANGLE = List.of("2theta", "2theta_deg", "two_theta", "two_theta_deg", "angle",
            "2th", "2theta(deg)");
    private static final List<String> COUNTS = List.of("intensity", "counts", "cps", "i");

    @Override
    public List<XrdPattern> read(String source, byte[] content) throws XrdFormatException {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            throw new XrdFormatException(source, 0, "binary content (NUL bytes): not a text scan");
        }
        String[] lines = text.split("\r\n|\n|\r", -1);
        String roll = null;
        String sample = null;
        double yMm = Double.NaN;
        double wavelength = Double.NaN;
        int header = -1;
        int first = -1;
        int rows = 0;
        for (int l = 0; l < lines.length; l++) {
            String t = lines[l].trim();
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("#")) {
                Matcher m = META.matcher(t);
                if (m.matches()) {
                    String key = m.group(1).toLowerCase(Locale.ROOT);
                    String value = m.group(2);
                    switch (key) {
                        case "roll" -> roll = value;
                        case "sample" -> sample = value;
                        case "y_mm" -> yMm = metaNumber(source, l, key, value, 0, Double.MAX_VALUE);
                        case "wavelength_a" -> wavelength = metaNumber(source, l, key, value, 0.1, 5);
                        default -> { } // a comment that happens to look like "# key: value"
                    }
                }
                continue;
            }
            if (first < 0 && header < 0 && !startsNumeric(t)) {
                checkHeader(source, l, t);
                header = l;
                continue;
            }
            if (first < 0) {
                first = l;
            }
            rows++;
        }
        if (rows == 0) {
            throw new XrdFormatException(source, 0, "no data rows (expected two columns: 2θ in degrees and intensity)");
        }
        if (rows > MAX_POINTS) {
            throw new XrdFormatException(source, 0, rows + " data rows, more than the limit of " + MAX_POINTS);
        }
        if (rows < XrdPattern.MIN_POINTS) {
            throw new XrdFormatException(source, 0, "only " + rows + " data rows; a scan needs at least "
                    + XrdPattern.MIN_POINTS);
        }
        String sep = separator(lines[first].trim());
        double[] tth = new double[rows];
        double[] y = new double[rows];
        int k = 0;
        for (int l = first; l < lines.length; l++) {
            String t = lines[l].trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] cells = t.split(sep, -1);
            if (cells.length != 2) {
                throw new XrdFormatException(source, l + 1, cells.length + " values, expected 2 (2θ and intensity)");
            }
            tth[k] = number(source, l, "2θ", cells[0]);
            y[k] = number(source, l, "intensity", cells[1]);
            if (!(tth[k] > 0 && tth[k] < 180)) {
                throw new XrdFormatException(source, l + 1, "2θ = " + cells[0].trim() + "° is outside (0°, 180°)");
            }
            if (k > 0 && !(tth[k] > tth[k - 1])) {
                throw new XrdFormatException(source, l + 1, "2θ = " + cells[0].trim()
                        + "° does not increase (the row before has " + tth[k - 1] + "°)");
            }
            if (y[k] < 0) {
                throw new XrdFormatException(source, l + 1, "negative intensity " + cells[1].trim()
                        + " (a background-subtracted export cannot be judged: export the raw scan)");
            }
            k++;
        }
        try {
            return List.of(new XrdPattern(source, tth, y, wavelength, new XrdPattern.SampleTag(roll, yMm, sample)));
        } catch (IllegalArgumentException e) {
            throw new XrdFormatException(source, 0, e.getMessage(), e);
        }
    }

    private static void checkHeader(String source, int l, String t) throws XrdFormatException {
        String sep = separator(t);
        String[] names = t.split(sep, -1);
        if (names.length != 2) {
            throw new XrdFormatException(source, l + 1, "header row '" + t + "' has " + names.length
                    + " columns, expected 2 (2θ and intensity)");
        }
        String a = names[0].trim().replace("\"", "").toLowerCase(Locale.ROOT);
        String b = names[1].trim().replace("\"", "").toLowerCase(Locale.ROOT);
        if (!ANGLE.contains(a) || !COUNTS.contains(b)) {
            throw new XrdFormatException(source, l + 1, "not a number and not a known header: '" + t
                    + "' (expected e.g. two_theta_deg,intensity)");
        }
    }

    private static String separator(String t) {
        if (t.contains(",")) {
            return "\\s*,\\s*";
        }
        if (t.contains(";")) {
            return "\\s*;\\s*";
        }
        return "\\s+";
    }

    private static boolean startsNumeric(String t) {
        char c = t.charAt(0);
        return Character.isDigit(c) || c == '-' || c == '+' || c == '.';
    }

    private static double metaNumber(String source, int l, String key, String value, double min, double max)
            throws XrdFormatException {
        double v = number(source, l, key, value);
        if (v < min || v > max) {
            throw new XrdFormatException(source, l + 1, key + " = " + value + " is outside [" + min + ", " + max + "]");
        }
        return v;
    }

    private static double number(String source, int l, String what, String cell) throws XrdFormatException {
        String t = cell.trim().replace("\"", "");
        if (t.isEmpty()) {
            throw new XrdFormatException(source, l + 1, "empty " + what + " value");
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new XrdFormatException(source, l + 1, what + " value '" + t + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new XrdFormatException(source, l + 1, what + " value '" + t
                    + "' is not a finite number (NaN and infinity are not allowed)");
        }
        return v;
    }
}
