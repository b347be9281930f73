package org.sinterscope.camera.profile;

import java.util.List;
import java.util.Locale;

/**
 * Reads the text softgauge format of ISO 5436-2 (type F1 software measurement standards, "SMD"
 * files as distributed by NPL and NIST), profile data only.
 *
 * <p>Layout, one item per line, records separated by {@code EOR} lines, the file closed by an
 * {@code EOF} line:
 * <pre>
 * ISO 5436 - 2000 ground01meas          record 1: revision and name
 * PRF 1 ISO5436                         feature type (only PRF is read)
 * CX I 22401 mm 1.0e0 D 2.5e-4          axis: name, type (I incremental | A absolute), number of points,
 * CZ A 22401 um 1.0e0 D                       unit, scale factor, data type (I L F D), increment (I only)
 * EOR
 * DATE 25-Nov-2004 ...                  record 2: keyword lines (date, creator, filter, parameters)
 * EOR
 * -0.296539                             record 3: the data, the absolute axes' values per point
 * ...                                             (z only when CX is incremental; x z otherwise)
 * EOR
 * ...                                   record 4: checksum (read past, not verified)
 * EOF
 * </pre>
 * A value is {@code stored × scale} in the axis unit; an incremental x is
 * {@code index × increment × scale}. Some published files omit the {@code EOR} after the axis
 * lines; the reader accepts that: the data record is the first record holding only numbers.
 * A missing {@code EOF}, a point count different from the header's, a NaN or infinity, an unknown
 * unit or data type are refused with the file name and the line.
 */
public final class SmdProfileReader implements ProfileReader {

    private record Axis(String name, boolean incremental, int points, LengthUnit unit, double scale, char type,
                        double increment) {
    }

    @Override
    public List<Profile> read(String source, byte[] content) throws ProfileFormatException {
        ProfileReaders.TextLines lines = ProfileReaders.textLines(source, content);
        String line = null;
        while (lines.hasNext() && (line = lines.next()).isBlank()) {
            line = null;
        }
        if (line == null || !line.trim().toUpperCase(Locale.ROOT).replace(" ", "").startsWith("ISO5436")) {
            throw new ProfileFormatException(source, "not an SMD file: the first line must start with the revision "
                    + "'ISO 5436'");
        }
        if (!lines.hasNext()) {
            throw new ProfileFormatException(source, "truncated: no feature type line");
        }
        line = lines.next();
        String feature = line.trim().split("\\s+")[0].toUpperCase(Locale.ROOT);
        if (!feature.equals("PRF")) {
            throw new ProfileFormatException(source, "line " + lines.lineNumber() + ": feature type '"
                    + abbreviate(feature) + "' is not supported (only PRF profiles)");
        }
        Axis cx = null;
        Axis cz = null;
        int afterAxes = lines.lineNumber();
        while (lines.hasNext()) {
            line = lines.next();
            if (!line.trim().toUpperCase(Locale.ROOT).matches("C[XYZ](\\s.*)?")) {
                break;
            }
            afterAxes = lines.lineNumber();
            Axis a = axis(source, afterAxes - 1, line.trim().split("\\s+"));
            if (a.name().equals("CX")) {
                cx = a;
            } else if (a.name().equals("CZ")) {
                cz = a;
            }
        }
        if (cx == null || cz == null) {
            throw new ProfileFormatException(source, "header lacks the " + (cx == null ? "CX" : "CZ") + " axis line");
        }
        if (cz.incremental()) {
            throw new ProfileFormatException(source, "axis CZ must be absolute (type A)");
        }
        if (cx.points() != cz.points()) {
            throw new ProfileFormatException(source, "CX has " + cx.points() + " points but CZ has " + cz.points());
        }

        // pass 1: the records (split at EOR lines, up to the EOF footer); the data record is the first
        // non-empty record whose lines all start with a number; count its values
        lines.rewind();
        while (lines.lineNumber() < afterAxes) {
            lines.next();
        }
        boolean eof = false;
        int recStart = -1;
        int dataStart = -1;
        int dataEnd = -1;
        long values = 0;
        boolean numericSoFar = true;
        long recValues = 0;
        while (lines.hasNext()) {
            String t = lines.next().trim();
            boolean eor = t.equalsIgnoreCase("EOR");
            if (t.equalsIgnoreCase("EOF") || eor) {
                if (dataStart < 0 && recStart >= 0 && numericSoFar) {
                    dataStart = recStart;
                    dataEnd = lines.lineNumber() - 1;
                    values = recValues;
                }
                recStart = -1;
                numericSoFar = true;
                recValues = 0;
                if (!eor) {
                    eof = true;
                    break;
                }
            } else if (!t.isEmpty()) {
                if (recStart < 0) {
                    recStart = lines.lineNumber();
                }
                numericSoFar &= numeric(t.split("\\s+", 2)[0]);
                if (numericSoFar && dataStart < 0) {
                    recValues += t.split("\\s+").length;
                }
            }
        }
        if (!eof) {
            throw new ProfileFormatException(source, "truncated: no EOF footer line");
        }
        if (dataStart < 0) {
            throw new ProfileFormatException(source, "no data record (a record holding only numbers)");
        }
        int perPoint = cx.incremental() ? 1 : 2;
        int n = cz.points();
        if (values > (long) n * perPoint) {
            throw new ProfileFormatException(source, "line " + dataStart + ": the data record holds " + values
                    + " values, more than the " + n + " points the header announces");
        }
        if (values < (long) n * perPoint) {
            throw new ProfileFormatException(source, "truncated data record: " + (values / perPoint) + " points, the "
                    + "header announces " + n);
        }
        // pass 2: the values, now that the arrays are known to match the data present
        double[] x = new double[n];
        double[] z = new double[n];
        lines.rewind();
        while (lines.lineNumber() < dataStart - 1) {
            lines.next();
        }
        int k = 0;
        while (lines.lineNumber() < dataEnd) {
            String t = lines.next().trim();
            int l = lines.lineNumber() - 1;
            if (t.isEmpty()) {
                continue;
            }
            for (String tok : t.split("\\s+")) {
                int point = k / perPoint;
                boolean isX = perPoint == 2 && k % 2 == 0;
                Axis a = isX ? cx : cz;
                double v = value(source, l, a, tok) * a.scale();
                if (isX) {
                    x[point] = a.unit().toMm(v);
                } else {
                    z[point] = a.unit().toUm(v);
                }
                k++;
            }
        }
        if (cx.incremental()) {
            for (int i = 0; i < n; i++) {
                x[i] = cx.unit().toMm(i * cx.increment() * cx.scale());
            }
        }
        try {
            return List.of(new Profile(source, x, z));
        } catch (IllegalArgumentException e) {
            throw new ProfileFormatException(source, e.getMessage(), e);
        }
    }

    private static Axis axis(String source, int line, String[] t) throws ProfileFormatException {
        String where = "line " + (line + 1) + ": axis " + t[0];
        if (t.length < 6) {
            throw new ProfileFormatException(source, where + " needs name, type, points, unit, scale and data type");
        }
        String type = t[1].toUpperCase(Locale.ROOT);
        if (!type.equals("I") && !type.equals("A")) {
            throw new ProfileFormatException(source, where + ": unknown axis type '" + abbreviate(t[1]) + "' (expected I or A)");
        }
        double pts = parse(source, line, t[2], "number of points");
        if (pts < 2 || pts != Math.rint(pts) || pts > Integer.MAX_VALUE / 8) {
            throw new ProfileFormatException(source, where + ": number of points must be an integer >= 2, got " + abbreviate(t[2]));
        }
        LengthUnit unit = LengthUnit.parse(t[3]);
        if (unit == null) {
            throw new ProfileFormatException(source, where + ": unknown unit '" + abbreviate(t[3]) + "' (known: m, mm, um, nm)");
        }
        double scale = parse(source, line, t[4], "scale factor");
        if (scale == 0) {
            throw new ProfileFormatException(source, where + ": scale factor must not be 0");
        }
        String dt = t[5].toUpperCase(Locale.ROOT);
        if (dt.length() != 1 || "ILFD".indexOf(dt.charAt(0)) < 0) {
            throw new ProfileFormatException(source, where + ": unknown data type '" + abbreviate(t[5]) + "' (expected I, L, F or D)");
        }
        double inc = Double.NaN;
        if (type.equals("I")) {
            if (t.length < 7) {
                throw new ProfileFormatException(source, where + ": an incremental axis needs its increment");
            }
            inc = parse(source, line, t[6], "increment");
            if (!(inc > 0)) {
                throw new ProfileFormatException(source, where + ": increment must be > 0, got " + abbreviate(t[6]));
            }
        }
        return new Axis(t[0].toUpperCase(Locale.ROOT), type.equals("I"), (int) pts, unit, scale, dt.charAt(0), inc);
    }

    private static double value(String source, int line, Axis a, String tok) throws ProfileFormatException {
        if (a.type() == 'I' || a.type() == 'L') {
            try {
                return Long.parseLong(tok);
            } catch (NumberFormatException e) {
                throw new ProfileFormatException(source, "line " + (line + 1) + ": " + a.name() + " value '" + abbreviate(tok)
                        + "' is not an integer (data type " + a.type() + ")");
            }
        }
        return parse(source, line, tok, a.name() + " value");
    }

    private static double parse(String source, int line, String tok, String what) throws ProfileFormatException {
        if (tok.toLowerCase(Locale.ROOT).replaceFirst("^[+-]", "").matches("nan|inf|infinity")) {
            throw new ProfileFormatException(source, "line " + (line + 1) + ": " + what + " '" + abbreviate(tok)
                    + "' is not a finite number (NaN and infinity are not allowed)");
        }
        double v;
        try {
            v = Double.parseDouble(tok);
        } catch (NumberFormatException e) {
            throw new ProfileFormatException(source, "line " + (line + 1) + ": " + what + " '" + abbreviate(tok) + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new ProfileFormatException(source, "line " + (line + 1) + ": " + what + " '" + abbreviate(tok)
                    + "' is not a finite number (NaN and infinity are not allowed)");
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static boolean numeric(String tok) {
        if (tok.isEmpty()) {
            return false;
        }
        char c = tok.charAt(0);
        return Character.isDigit(c) || c == '-' || c == '+' || c == '.' || tok.equalsIgnoreCase("nan")
                || tok.toLowerCase(Locale.ROOT).startsWith("inf");
    }
}
