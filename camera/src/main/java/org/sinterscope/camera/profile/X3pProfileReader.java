package org.sinterscope.camera.profile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads X3P files (ISO 25178-72, the openGPS container of ISO 5436-2 XML): a zip archive holding
 * {@code main.xml}, its MD5 in {@code md5checksum.hex}, and optionally a binary point file and a
 * validity mask under {@code bindata/}.
 *
 * <p>What is decoded:
 * <ul>
 *   <li>feature types {@code PRF} (profile), {@code SUR} (areal: one profile per row, x fastest) and
 *       {@code PCL} (point list: consecutive points with the same y form one profile);</li>
 *   <li>axes {@code CX}, {@code CY}, {@code CZ}, each incremental ({@code I}: coordinate =
 *       Offset + Increment × index) or absolute ({@code A}: coordinate = Offset + Increment × stored
 *       value, Increment defaulting to 1 and Offset to 0), with data types {@code I} (int16),
 *       {@code L} (int32), {@code F} (float32), {@code D} (float64). Stored values exist only for
 *       absolute axes, in X, Y, Z order;</li>
 *   <li>data in {@code Record3/DataList} ({@code Datum} elements, fields separated by {@code ;}) or in
 *       the binary file named by {@code Record3/DataLink/PointDataLink} (little-endian, records of the
 *       absolute axes' types);</li>
 *   <li>invalid points: an empty {@code Datum}, a NaN in float data, or a 0 bit in the validity mask
 *       ({@code ValidPointsLink}, bit i of the packed bit field, least significant bit first);</li>
 *   <li>checksums: the MD5 of {@code main.xml} against the file named in {@code Record4/ChecksumFile},
 *       and the MD5s of the binary files against {@code MD5ChecksumPointData} /
 *       {@code MD5ChecksumValidPoints}; any mismatch refuses the file.</li>
 * </ul>
 * Coordinates in X3P are metres; profiles come out in mm (x) and µm (z). The optional rotation matrix
 * is not applied. Multi-layer matrices (SizeZ &gt; 1) are refused.
 */
public final class X3pProfileReader implements ProfileReader {

    /** Axis definition from Record1. */
    private record Axis(String name, boolean incremental, char dataType, double increment, double offset) {
        double coordinate(double storedOrIndex) {
            return offset + increment * storedOrIndex;
        }

        int bytes() {
            return switch (dataType) {
                case 'I' -> 2;
                case 'L', 'F' -> 4;
                default -> 8;
            };
        }

        boolean integer() {
            return dataType == 'I' || dataType == 'L';
        }
    }

    @Override
    public List<Profile> read(String source, byte[] content) throws ProfileFormatException {
        X3pArchive zip = X3pArchive.read(source, content);
        byte[] mainXml = zip.entry("main.xml");
        if (mainXml == null) {
            throw new ProfileFormatException(source, "archive has no main.xml");
        }
        Document doc = SecureXml.parse(source, "main.xml", mainXml);
        Element root = doc.getDocumentElement();
        Element r1 = SecureXml.child(root, "Record1");
        Element r3 = SecureXml.child(root, "Record3");
        if (r1 == null || r3 == null) {
            throw new ProfileFormatException(source, "main.xml lacks Record1 or Record3");
        }
        verifyMainChecksum(source, zip, mainXml, SecureXml.text(SecureXml.child(root, "Record4"), "ChecksumFile"));

        String feature = SecureXml.text(r1, "FeatureType");
        if (feature == null || !List.of("PRF", "SUR", "PCL").contains(feature)) {
            throw new ProfileFormatException(source, "unknown FeatureType '" + feature + "' (expected PRF, SUR or PCL)");
        }
        Element axes = SecureXml.child(r1, "Axes");
        Axis cx = axis(source, axes, "CX");
        Axis cy = axis(source, axes, "CY");
        Axis cz = axis(source, axes, "CZ");
        if (cz.incremental()) {
            throw new ProfileFormatException(source, "axis CZ must be absolute (AxisType A)");
        }
        List<Axis> stored = new ArrayList<>();
        for (Axis a : List.of(cx, cy, cz)) {
            if (!a.incremental()) {
                stored.add(a);
            }
        }

        Element matrix = SecureXml.child(r3, "MatrixDimension");
        int sizeX;
        int sizeY;
        int points;
        if (matrix != null) {
            sizeX = positiveInt(source, SecureXml.text(matrix, "SizeX"), "MatrixDimension/SizeX");
            sizeY = positiveInt(source, SecureXml.text(matrix, "SizeY"), "MatrixDimension/SizeY");
            int sizeZ = positiveInt(source, SecureXml.text(matrix, "SizeZ"), "MatrixDimension/SizeZ");
            if (sizeZ != 1) {
                throw new ProfileFormatException(source, "multi-layer data (SizeZ = " + sizeZ + ") is not supported");
            }
            long n = (long) sizeX * sizeY;
            if (n > Integer.MAX_VALUE / 8) {
                throw new ProfileFormatException(source, "matrix " + sizeX + " x " + sizeY + " is too large");
            }
            points = (int) n;
        } else {
            points = positiveInt(source, SecureXml.text(r3, "ListDimension"), "ListDimension");
            sizeX = points;
            sizeY = 1;
        }

        double[][] values = new double[stored.size()][points];
        boolean[] valid = new boolean[points];
        Element dataList = SecureXml.child(r3, "DataList");
        Element dataLink = SecureXml.child(r3, "DataLink");
        if (dataList != null) {
            decodeList(source, dataList, stored, values, valid);
        } else if (dataLink != null) {
            decodeBinary(source, zip, dataLink, stored, values, valid);
        } else {
            throw new ProfileFormatException(source, "Record3 has neither DataList nor DataLink");
        }
        return matrix != null
                ? matrixProfiles(source, cx, cy, stored, values, valid, sizeX, sizeY)
                : listProfiles(source, cx, cy, stored, values, valid);
    }

    private static void verifyMainChecksum(String source, X3pArchive zip, byte[] mainXml, String checksumFile)
            throws ProfileFormatException {
        String name = checksumFile == null || checksumFile.isEmpty() ? "md5checksum.hex" : checksumFile;
        X3pArchive.checkName(source, name);
        byte[] sum = zip.entry(name);
        if (sum == null) {
            throw new ProfileFormatException(source, "checksum file '" + name + "' is missing from the archive");
        }
        String expected = new String(sum, StandardCharsets.US_ASCII).trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
        String actual = X3pArchive.md5Hex(mainXml);
        if (!actual.equals(expected)) {
            throw new ProfileFormatException(source, "checksum mismatch for main.xml: " + name + " says " + expected
                    + ", the content hashes to " + actual);
        }
    }

    private static Axis axis(String source, Element axes, String name) throws ProfileFormatException {
        Element a = SecureXml.child(axes, name);
        if (a == null) {
            throw new ProfileFormatException(source, "Record1/Axes has no " + name);
        }
        String type = SecureXml.text(a, "AxisType");
        if (!"I".equals(type) && !"A".equals(type)) {
            throw new ProfileFormatException(source, name + ": unknown AxisType '" + type + "' (expected I or A)");
        }
        String dt = SecureXml.text(a, "DataType");
        if (dt == null || dt.isEmpty()) {
            if ("A".equals(type)) {
                throw new ProfileFormatException(source, name + ": absolute axis without DataType");
            }
            dt = "D";
        }
        if (dt.length() != 1 || "ILFD".indexOf(dt.charAt(0)) < 0) {
            throw new ProfileFormatException(source, name + ": unknown DataType '" + dt + "' (expected I, L, F or D)");
        }
        double inc = number(source, SecureXml.text(a, "Increment"), name + "/Increment", 1.0);
        double off = number(source, SecureXml.text(a, "Offset"), name + "/Offset", 0.0);
        if ("I".equals(type) && !(inc > 0)) {
            throw new ProfileFormatException(source, name + ": increment of an incremental axis must be > 0, got " + inc);
        }
        return new Axis(name, "I".equals(type), dt.charAt(0), inc, off);
    }

    private static void decodeList(String source, Element dataList, List<Axis> stored, double[][] values,
            boolean[] valid) throws ProfileFormatException {
        List<Element> datums = SecureXml.children(dataList, "Datum");
        if (datums.size() != valid.length) {
            throw new ProfileFormatException(source, "DataList has " + datums.size() + " Datum elements, but the "
                    + "dimensions say " + valid.length + " points");
        }
        for (int i = 0; i < valid.length; i++) {
            String t = datums.get(i).getTextContent().trim();
            if (t.isEmpty()) {
                continue;
            }
            String[] f = t.split(";", -1);
            if (f.length != stored.size()) {
                throw new ProfileFormatException(source, "Datum " + i + " ('" + t + "') has " + f.length
                        + " values, expected " + stored.size() + " (one per absolute axis)");
            }
            boolean ok = true;
            for (int a = 0; a < f.length; a++) {
                Axis ax = stored.get(a);
                String s = f[a].trim();
                double v;
                try {
                    v = ax.integer() ? Long.parseLong(s) : Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new ProfileFormatException(source, "Datum " + i + ": " + ax.name() + " value '" + s
                            + "' is not " + (ax.integer() ? "an integer" : "a number"));
                }
                ok &= check(source, ax, v, "Datum " + i);
                values[a][i] = v;
            }
            valid[i] = ok;
        }
    }

    private static void decodeBinary(String source, X3pArchive zip, Element link, List<Axis> stored,
            double[][] values, boolean[] valid) throws ProfileFormatException {
        String dataName = SecureXml.text(link, "PointDataLink");
        byte[] data = linked(source, zip, dataName, "PointDataLink", SecureXml.text(link, "MD5ChecksumPointData"));
        int record = 0;
        for (Axis a : stored) {
            record += a.bytes();
        }
        long expected = (long) record * valid.length;
        if (data.length != expected) {
            throw new ProfileFormatException(source, dataName + " has " + data.length + " bytes, expected " + expected
                    + " (" + valid.length + " points x " + record + " bytes)" + (data.length < expected ? ": truncated" : ""));
        }
        byte[] mask = null;
        String maskName = SecureXml.text(link, "ValidPointsLink");
        if (maskName != null && !maskName.isEmpty()) {
            mask = linked(source, zip, maskName, "ValidPointsLink", SecureXml.text(link, "MD5ChecksumValidPoints"));
            if (mask.length < (valid.length + 7) / 8) {
                throw new ProfileFormatException(source, maskName + " has " + mask.length + " bytes, expected at least "
                        + (valid.length + 7) / 8 + " for " + valid.length + " points: truncated");
            }
        }
        ByteBuffer bb = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < valid.length; i++) {
            boolean ok = mask == null || ((mask[i >> 3] >> (i & 7)) & 1) == 1;
            for (int a = 0; a < stored.size(); a++) {
                Axis ax = stored.get(a);
                double v = switch (ax.dataType()) {
                    case 'I' -> bb.getShort();
                    case 'L' -> bb.getInt();
                    case 'F' -> bb.getFloat();
                    default -> bb.getDouble();
                };
                if (ok) {
                    ok = check(source, ax, v, "point " + i);
                }
                values[a][i] = v;
            }
            valid[i] = ok;
        }
    }

    /** False for a NaN in float data (an invalid point); refuses infinity. */
    private static boolean check(String source, Axis ax, double v, String where) throws ProfileFormatException {
        if (Double.isInfinite(v)) {
            throw new ProfileFormatException(source, where + ": " + ax.name() + " value is infinite");
        }
        return !Double.isNaN(v);
    }

    private static byte[] linked(String source, X3pArchive zip, String name, String what, String md5)
            throws ProfileFormatException {
        if (name == null || name.isEmpty()) {
            throw new ProfileFormatException(source, "DataLink has no " + what);
        }
        X3pArchive.checkName(source, name);
        byte[] b = zip.entry(name);
        if (b == null) {
            throw new ProfileFormatException(source, what + " '" + name + "' is missing from the archive");
        }
        if (md5 != null && !md5.isEmpty()) {
            String actual = X3pArchive.md5Hex(b);
            if (!actual.equalsIgnoreCase(md5.trim())) {
                throw new ProfileFormatException(source, "checksum mismatch for " + name + ": main.xml says "
                        + md5.trim() + ", the content hashes to " + actual);
            }
        }
        return b;
    }

    private static List<Profile> matrixProfiles(String source, Axis cx, Axis cy, List<Axis> stored,
            double[][] values, boolean[] valid, int sizeX, int sizeY) throws ProfileFormatException {
        int xi = stored.indexOf(cx);
        int yi = stored.indexOf(cy);
        int zi = stored.size() - 1;
        List<Profile> out = new ArrayList<>();
        for (int row = 0; row < sizeY; row++) {
            double[] xs = new double[sizeX];
            double[] zs = new double[sizeX];
            int n = 0;
            double y = cy.incremental() ? cy.coordinate(row) : Double.NaN;
            for (int col = 0; col < sizeX; col++) {
                int i = row * sizeX + col;
                if (xi >= 0 && !valid[i]) {
                    continue; // an absolute x of an invalid point is unknown: the point is dropped
                }
                if (yi >= 0 && valid[i] && Double.isNaN(y)) {
                    y = cy.coordinate(values[yi][i]);
                }
                xs[n] = 1e3 * (xi >= 0 ? cx.coordinate(values[xi][i]) : cx.coordinate(col));
                zs[n] = valid[i] ? 1e6 * stored.get(zi).coordinate(values[zi][i]) : Double.NaN;
                n++;
            }
            out.add(profile(source, sizeY == 1 ? source : rowName(source, row, y), xs, zs, n));
        }
        return out;
    }

    private static List<Profile> listProfiles(String source, Axis cx, Axis cy, List<Axis> stored,
            double[][] values, boolean[] valid) throws ProfileFormatException {
        int xi = stored.indexOf(cx);
        int yi = stored.indexOf(cy);
        int zi = stored.size() - 1;
        List<double[]> rowsX = new ArrayList<>();
        List<double[]> rowsZ = new ArrayList<>();
        List<Double> rowsY = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < valid.length; i++) {
            if (!valid[i]) {
                continue; // a point-list entry without coordinates cannot be placed
            }
            double x = 1e3 * (xi >= 0 ? cx.coordinate(values[xi][i]) : cx.coordinate(i));
            double y = 1e3 * (yi >= 0 ? cy.coordinate(values[yi][i]) : cy.coordinate(0));
            double z = 1e6 * stored.get(zi).coordinate(values[zi][i]);
            int last = rowsY.size() - 1;
            if (last < 0 || rowsY.get(last) != y) {
                rowsY.add(y);
                rowsX.add(new double[valid.length]);
                rowsZ.add(new double[valid.length]);
                counts.add(0);
                last++;
            }
            int n = counts.get(last);
            rowsX.get(last)[n] = x;
            rowsZ.get(last)[n] = z;
            counts.set(last, n + 1);
        }
        List<Profile> out = new ArrayList<>();
        for (int r = 0; r < rowsY.size(); r++) {
            String name = rowsY.size() == 1 ? source : rowName(source, r, rowsY.get(r) / 1e3);
            out.add(profile(source, name, rowsX.get(r), rowsZ.get(r), counts.get(r)));
        }
        if (out.isEmpty()) {
            throw new ProfileFormatException(source, "the point list holds no valid point");
        }
        return out;
    }

    private static String rowName(String source, int row, double yMetres) {
        return Double.isNaN(yMetres) ? source + " row " + row
                : source + " row " + row + " (y = " + java.math.BigDecimal.valueOf(yMetres * 1e3)
                        .round(new java.math.MathContext(9)).stripTrailingZeros().toPlainString() + " mm)";
    }

    private static Profile profile(String source, String name, double[] xs, double[] zs, int n)
            throws ProfileFormatException {
        try {
            return new Profile(name, java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(zs, n));
        } catch (IllegalArgumentException e) {
            throw new ProfileFormatException(source, e.getMessage(), e);
        }
    }

    private static int positiveInt(String source, String text, String what) throws ProfileFormatException {
        try {
            int v = Integer.parseInt(text == null ? "" : text.trim());
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ProfileFormatException(source, what + " must be a positive integer, got '" + text + "'");
        }
    }

    private static double number(String source, String text, String what, double dflt) throws ProfileFormatException {
        if (text == null || text.isEmpty()) {
            return dflt;
        }
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ProfileFormatException(source, what + " must be a finite number, got '" + text + "'");
        }
    }
}
