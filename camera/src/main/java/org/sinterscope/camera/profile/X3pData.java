package org.sinterscope.camera.profile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The decoded content of an X3P file: axes, dimensions and, per point, the stored values of the
 * absolute axes and a validity flag. See {@link X3pProfileReader} for the format.
 *
 * <p>Allocation discipline: nothing is sized from what the header claims alone. The point count of
 * a DataList must match the Datum elements actually parsed (themselves bounded by the XML size); a
 * binary data file must declare exactly points × record bytes in the archive directory before it is
 * inflated, and the archive bounds that by the compressed bytes present ({@link X3pArchive}).
 *
 * <p>Invalid points: an empty Datum, a 0 bit in the validity mask, or a non-finite stored value
 * (NaN or ±infinity, as focus-variation and confocal instruments write for points they could not
 * measure). They are counted, not refused.
 */
final class X3pData {

    /** Largest main.xml, bytes (a 10⁶-point DataList is ~30 MB). */
    static final long MAX_XML_BYTES = 128L << 20;

    /** Axis definition from Record1. */
    record Axis(String name, boolean incremental, char dataType, double increment, double offset) {
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

    final String feature;
    final Axis cx;
    final Axis cy;
    final Axis cz;
    final List<Axis> stored;
    /** True for a matrix (MatrixDimension), false for a point list (ListDimension). */
    final boolean matrix;
    final int sizeX;
    final int sizeY;
    /** values[a][i]: stored value of absolute axis a (in {@link #stored} order) at point i. */
    final double[][] values;
    final boolean[] valid;
    /** Points marked invalid by a non-finite stored value (the rest of the invalid ones: empty Datum or mask). */
    int nonFinite;

    private X3pData(String feature, Axis cx, Axis cy, Axis cz, boolean matrix, int sizeX, int sizeY) {
        this.feature = feature;
        this.cx = cx;
        this.cy = cy;
        this.cz = cz;
        List<Axis> s = new ArrayList<>();
        for (Axis a : List.of(cx, cy, cz)) {
            if (!a.incremental()) {
                s.add(a);
            }
        }
        this.stored = List.copyOf(s);
        this.matrix = matrix;
        this.sizeX = sizeX;
        this.sizeY = sizeY;
        this.values = new double[0][];
        this.valid = new boolean[0];
    }

    private X3pData(X3pData head, double[][] values, boolean[] valid) {
        this.feature = head.feature;
        this.cx = head.cx;
        this.cy = head.cy;
        this.cz = head.cz;
        this.stored = head.stored;
        this.matrix = head.matrix;
        this.sizeX = head.sizeX;
        this.sizeY = head.sizeY;
        this.values = values;
        this.valid = valid;
    }

    int points() {
        return sizeX * sizeY;
    }

    static X3pData decode(String source, byte[] content) throws ProfileFormatException {
        X3pArchive zip = X3pArchive.read(source, content);
        byte[] mainXml = zip.entry("main.xml", MAX_XML_BYTES);
        if (mainXml == null) {
            throw new ProfileFormatException(source, "archive has no main.xml");
        }
        X3pXml.Document doc = X3pXml.parse(source, "main.xml", mainXml);
        X3pXml.Node root = doc.root();
        X3pXml.Node r1 = root.child("Record1");
        X3pXml.Node r3 = root.child("Record3");
        if (r1 == null || r3 == null) {
            throw new ProfileFormatException(source, "main.xml lacks Record1 or Record3");
        }
        X3pXml.Node r4 = root.child("Record4");
        verifyMainChecksum(source, zip, mainXml, r4 == null ? null : r4.text("ChecksumFile"));

        String feature = r1.text("FeatureType");
        if (feature == null || !List.of("PRF", "SUR", "PCL").contains(feature)) {
            throw new ProfileFormatException(source, "unknown FeatureType '" + feature + "' (expected PRF, SUR or PCL)");
        }
        X3pXml.Node axes = r1.child("Axes");
        Axis cx = axis(source, axes, "CX");
        Axis cy = axis(source, axes, "CY");
        Axis cz = axis(source, axes, "CZ");
        if (cz.incremental()) {
            throw new ProfileFormatException(source, "axis CZ must be absolute (AxisType A)");
        }
        X3pXml.Node m = r3.child("MatrixDimension");
        X3pData head;
        if (m != null) {
            int sx = positiveInt(source, m.text("SizeX"), "MatrixDimension/SizeX");
            int sy = positiveInt(source, m.text("SizeY"), "MatrixDimension/SizeY");
            int sz = positiveInt(source, m.text("SizeZ"), "MatrixDimension/SizeZ");
            if (sz != 1) {
                throw new ProfileFormatException(source, "multi-layer data (SizeZ = " + sz + ") is not supported");
            }
            if ((long) sx * sy > Integer.MAX_VALUE / 8) {
                throw new ProfileFormatException(source, "matrix " + sx + " x " + sy + " is too large");
            }
            head = new X3pData(feature, cx, cy, cz, true, sx, sy);
        } else {
            int n = positiveInt(source, r3.text("ListDimension"), "ListDimension");
            head = new X3pData(feature, cx, cy, cz, false, n, 1);
        }
        X3pXml.Node list = r3.child("DataList");
        X3pXml.Node link = r3.child("DataLink");
        if (list != null) {
            return head.fromList(source, doc.datums());
        }
        if (link != null) {
            return head.fromBinary(source, zip, link);
        }
        throw new ProfileFormatException(source, "Record3 has neither DataList nor DataLink");
    }

    private X3pData fromList(String source, X3pXml.Datums datums) throws ProfileFormatException {
        int n = points();
        if (datums.count() != n) {
            throw new ProfileFormatException(source, "DataList has " + datums.count() + " Datum elements, but the "
                    + "dimensions say " + n + " points" + (datums.count() < n ? ": truncated" : ""));
        }
        X3pData d = new X3pData(this, new double[stored.size()][n], new boolean[n]);
        int axes = stored.size();
        for (int i = 0; i < n; i++) {
            int from = datums.start(i);
            int to = datums.end(i);
            while (from < to && Character.isWhitespace(datums.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(datums.charAt(to - 1))) {
                to--;
            }
            if (from == to) {
                continue; // an empty Datum: invalid point
            }
            boolean ok = true;
            int a = 0;
            int f = from;
            while (true) {
                int e = f;
                while (e < to && datums.charAt(e) != ';') {
                    e++;
                }
                if (a >= axes) {
                    throw new ProfileFormatException(source, "Datum " + i + " ('" + abbreviate(datums.substring(from, to))
                            + "') has more than " + axes + " values (one per absolute axis)");
                }
                Axis ax = stored.get(a);
                String v = datums.substring(f, e).trim();
                double x;
                try {
                    x = ax.integer() ? Long.parseLong(v) : Double.parseDouble(v);
                } catch (NumberFormatException ex) {
                    throw new ProfileFormatException(source, "Datum " + i + ": " + ax.name() + " value '" + abbreviate(v)
                            + "' is not " + (ax.integer() ? "an integer" : "a number"));
                }
                ok &= Double.isFinite(x);
                d.values[a++][i] = x;
                if (e >= to) {
                    break;
                }
                f = e + 1;
            }
            if (a != axes) {
                throw new ProfileFormatException(source, "Datum " + i + " ('" + abbreviate(datums.substring(from, to))
                        + "') has " + a + " values, expected " + axes + " (one per absolute axis)");
            }
            if (!ok) {
                d.nonFinite++;
            }
            d.valid[i] = ok;
        }
        return d;
    }

    private X3pData fromBinary(String source, X3pArchive zip, X3pXml.Node link) throws ProfileFormatException {
        int n = points();
        int record = 0;
        for (Axis a : stored) {
            record += a.bytes();
        }
        long expected = (long) record * n;
        String dataName = link.text("PointDataLink");
        byte[] data = linked(source, zip, dataName, "PointDataLink", link.text("MD5ChecksumPointData"), expected,
                " (" + n + " points x " + record + " bytes)");
        byte[] mask = null;
        String maskName = link.text("ValidPointsLink");
        if (maskName != null && !maskName.isEmpty()) {
            long maskBytes = (n + 7L) / 8;
            mask = linked(source, zip, maskName, "ValidPointsLink", link.text("MD5ChecksumValidPoints"), maskBytes,
                    " for " + n + " points");
        }
        X3pData d = new X3pData(this, new double[stored.size()][n], new boolean[n]);
        ByteBuffer bb = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            boolean masked = mask != null && ((mask[i >> 3] >> (i & 7)) & 1) == 0;
            boolean finite = true;
            for (int a = 0; a < stored.size(); a++) {
                double v = switch (stored.get(a).dataType()) {
                    case 'I' -> bb.getShort();
                    case 'L' -> bb.getInt();
                    case 'F' -> bb.getFloat();
                    default -> bb.getDouble();
                };
                finite &= Double.isFinite(v);
                d.values[a][i] = v;
            }
            if (!finite && !masked) {
                d.nonFinite++;
            }
            d.valid[i] = finite && !masked;
        }
        return d;
    }

    /**
     * A linked binary entry of exactly {@code expected} bytes, verified against its MD5 when given.
     * The size is checked from the archive directory before anything is inflated.
     */
    private static byte[] linked(String source, X3pArchive zip, String name, String what, String md5, long expected,
            String detail) throws ProfileFormatException {
        if (name == null || name.isEmpty()) {
            throw new ProfileFormatException(source, "DataLink has no " + what);
        }
        X3pArchive.checkName(source, name);
        long declared = zip.declaredSize(name);
        if (declared < 0) {
            throw new ProfileFormatException(source, what + " '" + name + "' is missing from the archive");
        }
        boolean isMask = what.equals("ValidPointsLink");
        if (isMask ? declared < expected || declared > expected + 8 : declared != expected) {
            throw new ProfileFormatException(source, name + " has " + declared + " bytes, expected "
                    + (isMask ? "at least " : "") + expected + detail + (declared < expected ? ": truncated" : ""));
        }
        byte[] b = zip.entry(name, isMask ? expected + 8 : expected);
        if (md5 != null && !md5.isEmpty()) {
            String actual = X3pArchive.md5Hex(b);
            if (!actual.equalsIgnoreCase(md5.trim())) {
                throw new ProfileFormatException(source, "checksum mismatch for " + name + ": main.xml says "
                        + md5.trim() + ", the content hashes to " + actual);
            }
        }
        return b;
    }

    private static void verifyMainChecksum(String source, X3pArchive zip, byte[] mainXml, String checksumFile)
            throws ProfileFormatException {
        String name = checksumFile == null || checksumFile.isEmpty() ? "md5checksum.hex" : checksumFile;
        X3pArchive.checkName(source, name);
        byte[] sum = zip.entry(name, 4096);
        if (sum == null) {
            throw new ProfileFormatException(source, "checksum file '" + name + "' is missing from the archive");
        }
        String expected = new String(sum, StandardCharsets.US_ASCII).trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
        String actual = X3pArchive.md5Hex(mainXml);
        if (!actual.equals(expected)) {
            throw new ProfileFormatException(source, "checksum mismatch for main.xml: " + name + " says "
                    + abbreviate(expected) + ", the content hashes to " + actual);
        }
    }

    private static Axis axis(String source, X3pXml.Node axes, String name) throws ProfileFormatException {
        X3pXml.Node a = axes == null ? null : axes.child(name);
        if (a == null) {
            throw new ProfileFormatException(source, "Record1/Axes has no " + name);
        }
        String type = a.text("AxisType");
        if (!"I".equals(type) && !"A".equals(type)) {
            throw new ProfileFormatException(source, name + ": unknown AxisType '" + abbreviate(type) + "' (expected I or A)");
        }
        String dt = a.text("DataType");
        if (dt == null || dt.isEmpty()) {
            if ("A".equals(type)) {
                throw new ProfileFormatException(source, name + ": absolute axis without DataType");
            }
            dt = "D";
        }
        if (dt.length() != 1 || "ILFD".indexOf(dt.charAt(0)) < 0) {
            throw new ProfileFormatException(source, name + ": unknown DataType '" + abbreviate(dt)
                    + "' (expected I, L, F or D)");
        }
        double inc = number(source, a.text("Increment"), name + "/Increment", 1.0);
        double off = number(source, a.text("Offset"), name + "/Offset", 0.0);
        if ("I".equals(type) && !(inc > 0)) {
            throw new ProfileFormatException(source, name + ": increment of an incremental axis must be > 0, got " + inc);
        }
        return new Axis(name, "I".equals(type), dt.charAt(0), inc, off);
    }

    private static int positiveInt(String source, String text, String what) throws ProfileFormatException {
        try {
            int v = Integer.parseInt(text == null ? "" : text.trim());
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ProfileFormatException(source, what + " must be a positive integer, got '" + abbreviate(text) + "'");
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
            throw new ProfileFormatException(source, what + " must be a finite number, got '" + abbreviate(text) + "'");
        }
    }

    /** At most 40 characters of untrusted text for a message. */
    static String abbreviate(String s) {
        return s == null || s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
