package org.sinterscope.camera.profile;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a profile from CSV text with a header row.
 *
 * <p>Two layouts:
 * <ul>
 *   <li>two columns {@code x_<unit>} and {@code z_<unit>} (either order), e.g. {@code x_mm,z_um};
 *       x must strictly increase;</li>
 *   <li>one column {@code z_<unit>}; the sample spacing comes from the caller (µm).</li>
 * </ul>
 * Units: {@code m}, {@code mm}, {@code um} (or {@code µm}), {@code nm}. The separator is a comma,
 * semicolon or tab (taken from the header row). Blank lines and lines starting with {@code #} are
 * skipped. Every value must be a finite number: NaN, infinity and empty cells are refused with the
 * line number, because a CSV has no agreed way to mark an invalid point.
 */
public final class CsvProfileReader implements ProfileReader {

    private final double spacingUm;

    /** @param spacingUm sample spacing for one-column files, µm, or NaN when not given */
    public CsvProfileReader(double spacingUm) {
        if (!Double.isNaN(spacingUm) && (!(spacingUm > 0) || Double.isInfinite(spacingUm))) {
            throw new IllegalArgumentException("CSV sample spacing must be finite and > 0 µm, got " + spacingUm);
        }
        this.spacingUm = spacingUm;
    }

    @Override
    public List<Profile> read(String source, byte[] content) throws ProfileFormatException {
        ProfileReaders.TextLines lines = ProfileReaders.textLines(source, content);
        String header = null;
        while (lines.hasNext()) {
            String l = lines.next();
            if (!skippable(l)) {
                header = l;
                break;
            }
        }
        if (header == null) {
            throw new ProfileFormatException(source, "empty CSV: no header row");
        }
        int li = lines.lineNumber() - 1;
        String sep = header.contains(",") ? "," : header.contains(";") ? ";" : header.contains("\t") ? "\t" : ",";
        String[] names = header.split(sep, -1);
        int xCol = -1;
        int zCol = -1;
        LengthUnit xUnit = null;
        LengthUnit zUnit = null;
        for (int c = 0; c < names.length; c++) {
            String col = names[c].trim().replace("\"", "");
            String lower = col.toLowerCase(Locale.ROOT);
            int us = lower.indexOf('_');
            String axis = us < 0 ? lower : lower.substring(0, us);
            if (!axis.equals("x") && !axis.equals("z")) {
                throw new ProfileFormatException(source, "line " + (li + 1) + ": unknown column '" + col
                        + "' (expected x_<unit> and z_<unit>, e.g. x_mm,z_um)");
            }
            if (us < 0) {
                throw new ProfileFormatException(source, "line " + (li + 1) + ": column '" + col
                        + "' has no unit (write it as " + axis + "_mm, " + axis + "_um or " + axis + "_nm)");
            }
            String unitName = col.substring(us + 1);
            LengthUnit unit = LengthUnit.parse(unitName);
            if (unit == null) {
                throw new ProfileFormatException(source, "line " + (li + 1) + ": unknown unit '" + unitName
                        + "' in column '" + col + "' (known: m, mm, um, nm)");
            }
            if (axis.equals("x")) {
                if (xCol >= 0) {
                    throw new ProfileFormatException(source, "line " + (li + 1) + ": two x columns");
                }
                xCol = c;
                xUnit = unit;
            } else {
                if (zCol >= 0) {
                    throw new ProfileFormatException(source, "line " + (li + 1) + ": two z columns");
                }
                zCol = c;
                zUnit = unit;
            }
        }
        if (zCol < 0) {
            throw new ProfileFormatException(source, "line " + (li + 1) + ": no z column (expected e.g. z_um)");
        }
        if (xCol < 0 && Double.isNaN(spacingUm)) {
            throw new ProfileFormatException(source,
                    "one-column CSV (z only) needs the sample spacing from the caller (--spacing-um)");
        }
        // growable columns: 16 bytes per row, so memory follows the rows actually present
        double[] xs = new double[1024];
        double[] zs = new double[1024];
        int rows = 0;
        double prevX = Double.NaN;
        int prevLine = -1;
        while (lines.hasNext()) {
            String text = lines.next();
            int l = lines.lineNumber() - 1;
            if (skippable(text)) {
                continue;
            }
            String[] cells = text.split(sep, -1);
            if (cells.length != names.length) {
                throw new ProfileFormatException(source, "line " + (l + 1) + ": " + cells.length
                        + " values, but the header has " + names.length + " columns");
            }
            double z = zUnit.toUm(number(source, l, names[zCol].trim(), cells[zCol]));
            double x = Double.NaN;
            if (xCol >= 0) {
                x = xUnit.toMm(number(source, l, names[xCol].trim(), cells[xCol]));
                if (prevLine >= 0 && !(x > prevX)) {
                    throw new ProfileFormatException(source, "line " + (l + 1) + ": x = " + x
                            + " mm does not increase (line " + (prevLine + 1) + " has x = " + prevX + " mm)");
                }
                prevX = x;
                prevLine = l;
            }
            if (rows == xs.length) {
                xs = Arrays.copyOf(xs, 2 * rows);
                zs = Arrays.copyOf(zs, 2 * rows);
            }
            xs[rows] = xCol >= 0 ? x : rows * spacingUm / 1e3;
            zs[rows] = z;
            rows++;
        }
        if (rows < 2) {
            throw new ProfileFormatException(source, "a profile needs at least 2 data rows, found " + rows);
        }
        xs = Arrays.copyOf(xs, rows);
        zs = Arrays.copyOf(zs, rows);
        try {
            return List.of(new Profile(source, xs, zs));
        } catch (IllegalArgumentException e) {
            throw new ProfileFormatException(source, e.getMessage(), e);
        }
    }

    private static boolean skippable(String line) {
        String t = line.trim();
        return t.isEmpty() || t.startsWith("#");
    }

    private static double number(String source, int line, String column, String cell) throws ProfileFormatException {
        String t = cell.trim().replace("\"", "");
        if (t.length() > 64) {
            throw new ProfileFormatException(source, "line " + (line + 1) + ": " + column + " value of " + t.length()
                    + " characters is not a number");
        }
        if (t.isEmpty()) {
            throw new ProfileFormatException(source, "line " + (line + 1) + ": empty " + column + " value");
        }
        if (t.toLowerCase(Locale.ROOT).replaceFirst("^[+-]", "").matches("nan|inf|infinity")) {
            throw new ProfileFormatException(source, "line " + (line + 1) + ": " + column + " value '" + t
                    + "' is not a finite number (NaN and infinity are not allowed in CSV)");
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new ProfileFormatException(source, "line " + (line + 1) + ": " + column + " value '" + t
                    + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new ProfileFormatException(source, "line " + (line + 1) + ": " + column + " value '" + t
                    + "' is not a finite number (NaN and infinity are not allowed in CSV)");
        }
        return v;
    }
}
