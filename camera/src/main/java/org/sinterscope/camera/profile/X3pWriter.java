package org.sinterscope.camera.profile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an areal matrix (FeatureType SUR, incremental CX and CY, absolute float64 CZ) as an X3P
 * archive that {@link X3pProfileReader} reads back: {@code main.xml}, {@code md5checksum.hex} and,
 * in the binary layout, {@code bindata/data.bin} (little-endian float64, x fastest) with its MD5 and
 * optionally a validity mask {@code bindata/valid.bin} (packed bits, least significant first).
 *
 * <p>Heights are written as given, non-finite values included (instruments write NaN or ±infinity
 * for points they could not measure; the XML layout writes them as {@code NaN}, {@code Infinity},
 * {@code -Infinity}, or as an empty Datum when {@code emptyInvalidDatum} is set).
 */
public final class X3pWriter {

    /** Data layout of Record3. */
    public enum Layout { XML, BINARY }

    private X3pWriter() {
    }

    /**
     * @param zMetres heights, metres, row-major sizeX × sizeY
     * @param valid   per point validity written as the binary mask, or null for no mask (ignored for XML)
     */
    public static byte[] areal(int sizeX, int sizeY, double dxMetres, double dyMetres, double[] zMetres, Layout layout,
            boolean[] valid) {
        if ((long) sizeX * sizeY != zMetres.length || (valid != null && valid.length != zMetres.length)) {
            throw new IllegalArgumentException(sizeX + " x " + sizeY + " points, but " + zMetres.length + " heights"
                    + (valid == null ? "" : " and " + valid.length + " validity flags"));
        }
        StringBuilder xml = new StringBuilder(layout == Layout.XML ? zMetres.length * 26 + 2048 : 2048);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<p:ISO5436_2 xmlns:p=\"http://www.opengps.eu/2008/ISO5436_2\">\n<Record1>\n")
                .append("<Revision>ISO5436 - 2000</Revision>\n<FeatureType>SUR</FeatureType>\n<Axes>\n")
                .append(String.format(Locale.ROOT, "<CX><AxisType>I</AxisType><DataType>D</DataType>"
                        + "<Increment>%s</Increment><Offset>0</Offset></CX>\n", dxMetres))
                .append(String.format(Locale.ROOT, "<CY><AxisType>I</AxisType><DataType>D</DataType>"
                        + "<Increment>%s</Increment><Offset>0</Offset></CY>\n", dyMetres))
                .append("<CZ><AxisType>A</AxisType><DataType>D</DataType></CZ>\n</Axes>\n</Record1>\n")
                .append("<Record2><Date>2026-01-01T00:00:00Z</Date><Creator>sinterscope X3pWriter</Creator>")
                .append("<Instrument><Manufacturer>none</Manufacturer><Model>generated</Model><Serial>0</Serial>")
                .append("<Version>1</Version></Instrument><CalibrationDate>2026-01-01T00:00:00Z</CalibrationDate>")
                .append("<ProbingSystem><Type>NonContacting</Type><Identification>generated</Identification>")
                .append("</ProbingSystem><Comment>generated</Comment></Record2>\n<Record3>\n")
                .append("<MatrixDimension><SizeX>").append(sizeX).append("</SizeX><SizeY>").append(sizeY)
                .append("</SizeY><SizeZ>1</SizeZ></MatrixDimension>\n");
        byte[] data = null;
        byte[] mask = null;
        if (layout == Layout.XML) {
            xml.append("<DataList>\n");
            for (double z : zMetres) {
                xml.append("<Datum>").append(Double.isNaN(z) ? "NaN" : Double.toString(z)).append("</Datum>\n");
            }
            xml.append("</DataList>\n");
        } else {
            ByteBuffer bb = ByteBuffer.allocate(zMetres.length * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (double z : zMetres) {
                bb.putDouble(z);
            }
            data = bb.array();
            xml.append("<DataLink><PointDataLink>bindata/data.bin</PointDataLink><MD5ChecksumPointData>")
                    .append(X3pArchive.md5Hex(data)).append("</MD5ChecksumPointData>");
            if (valid != null) {
                mask = new byte[(valid.length + 7) / 8];
                for (int i = 0; i < valid.length; i++) {
                    if (valid[i]) {
                        mask[i >> 3] |= (byte) (1 << (i & 7));
                    }
                }
                xml.append("<ValidPointsLink>bindata/valid.bin</ValidPointsLink><MD5ChecksumValidPoints>")
                        .append(X3pArchive.md5Hex(mask)).append("</MD5ChecksumValidPoints>");
            }
            xml.append("</DataLink>\n");
        }
        xml.append("</Record3>\n<Record4><ChecksumFile>md5checksum.hex</ChecksumFile></Record4>\n</p:ISO5436_2>\n");
        byte[] main = xml.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "main.xml", main);
            put(zip, "md5checksum.hex", (X3pArchive.md5Hex(main) + " *main.xml\n").getBytes(StandardCharsets.US_ASCII));
            if (data != null) {
                put(zip, "bindata/data.bin", data);
            }
            if (mask != null) {
                put(zip, "bindata/valid.bin", mask);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
