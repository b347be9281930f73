package org.sinterscope.camera.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
 *   <li>invalid points: an empty {@code Datum}, a non-finite value (NaN or ±infinity) in float data,
 *       or a 0 bit in the validity mask ({@code ValidPointsLink}, bit i of the packed bit field, least
 *       significant bit first): they are missing points, never an error;</li>
 *   <li>checksums: the MD5 of {@code main.xml} against the file named in {@code Record4/ChecksumFile},
 *       and the MD5s of the binary files against {@code MD5ChecksumPointData} /
 *       {@code MD5ChecksumValidPoints}; any mismatch refuses the file.</li>
 * </ul>
 * Coordinates in X3P are metres; profiles come out in mm (x) and µm (z). The optional rotation matrix
 * is not applied. Multi-layer matrices (SizeZ &gt; 1) are refused.
 *
 * <p>{@link #read} gives profiles (an areal matrix one per row, for the profile evaluation and the
 * foil route); {@link #readSurface} gives an areal matrix as one {@link ArealSurface}. Allocation is
 * bounded by the data present, not by what the header claims (see {@link X3pData}, {@link X3pArchive}).
 */
public final class X3pProfileReader implements ProfileReader {

    @Override
    public List<Profile> read(String source, byte[] content) throws ProfileFormatException {
        return profiles(source, X3pData.decode(source, content));
    }

    /**
     * The areal surface of an X3P file with a matrix ({@code MatrixDimension}) on incremental CX and CY
     * axes (the layout of FeatureType SUR from areal instruments).
     *
     * @throws ProfileFormatException when the file is malformed or holds no such matrix
     */
    public ArealSurface readSurface(Path file) throws IOException {
        return readSurface(file.toString(), ProfileReader.readBounded(file));
    }

    /** See {@link #readSurface(Path)}. */
    public ArealSurface readSurface(String source, byte[] content) throws ProfileFormatException {
        X3pData d = X3pData.decode(source, content);
        if (!isAreal(d)) {
            throw new ProfileFormatException(source, "not an areal surface: FeatureType " + d.feature
                    + (d.matrix ? "" : ", a point list") + ", CX " + (d.cx.incremental() ? "incremental" : "absolute")
                    + ", CY " + (d.cy.incremental() ? "incremental" : "absolute")
                    + " (areal evaluation needs a matrix on incremental CX and CY)");
        }
        return surface(source, d);
    }

    /**
     * Either the areal surface (for an areal matrix, see {@link #readSurface}) or the profiles (for
     * anything else) of one X3P file, decoded once.
     */
    public record Contents(ArealSurface surface, List<Profile> profiles) {
        public boolean areal() {
            return surface != null;
        }
    }

    /** Decodes once and returns the surface of an areal matrix, or the profiles otherwise. */
    public Contents readContents(Path file) throws IOException {
        String source = file.toString();
        X3pData d = X3pData.decode(source, ProfileReader.readBounded(file));
        return isAreal(d) ? new Contents(surface(source, d), List.of()) : new Contents(null, profiles(source, d));
    }

    /** Profiles of an areal surface, one per row (invalid points NaN), named like {@link #read} names them. */
    public static List<Profile> rows(ArealSurface s) throws ProfileFormatException {
        List<Profile> out = new ArrayList<>();
        double[] xs = new double[s.sizeX()];
        for (int ix = 0; ix < xs.length; ix++) {
            xs[ix] = s.x0Mm() + ix * s.dxMm();
        }
        for (int row = 0; row < s.sizeY(); row++) {
            double[] zs = new double[s.sizeX()];
            for (int ix = 0; ix < zs.length; ix++) {
                zs[ix] = s.z(ix, row);
            }
            String name = s.sizeY() == 1 ? s.name() : rowName(s.name(), row, (s.y0Mm() + row * s.dyMm()) / 1e3);
            out.add(profile(s.name(), name, xs, zs, xs.length));
        }
        return out;
    }

    private static boolean isAreal(X3pData d) {
        return d.matrix && d.cx.incremental() && d.cy.incremental() && d.sizeX * (long) d.sizeY >= 1;
    }

    private static ArealSurface surface(String source, X3pData d) throws ProfileFormatException {
        X3pData.Axis z = d.stored.get(d.stored.size() - 1);
        double[] zs = new double[d.points()];
        double[] v = d.values[d.values.length - 1];
        for (int i = 0; i < zs.length; i++) {
            double um = d.valid[i] ? 1e6 * z.coordinate(v[i]) : Double.NaN;
            zs[i] = Double.isFinite(um) ? um : Double.NaN;
        }
        try {
            return new ArealSurface(source, d.sizeX, d.sizeY, 1e3 * d.cx.coordinate(0), 1e3 * d.cy.coordinate(0),
                    1e3 * d.cx.increment(), 1e3 * d.cy.increment(), zs);
        } catch (IllegalArgumentException e) {
            throw new ProfileFormatException(source, e.getMessage(), e);
        }
    }

    private static List<Profile> profiles(String source, X3pData d) throws ProfileFormatException {
        return d.matrix ? matrixProfiles(source, d) : listProfiles(source, d);
    }

    private static List<Profile> matrixProfiles(String source, X3pData d) throws ProfileFormatException {
        X3pData.Axis cx = d.cx;
        X3pData.Axis cy = d.cy;
        int xi = d.stored.indexOf(cx);
        int yi = d.stored.indexOf(cy);
        int zi = d.stored.size() - 1;
        List<Profile> out = new ArrayList<>();
        double[] xs = new double[d.sizeX];
        double[] zs = new double[d.sizeX];
        for (int row = 0; row < d.sizeY; row++) {
            int n = 0;
            double y = cy.incremental() ? cy.coordinate(row) : Double.NaN;
            for (int col = 0; col < d.sizeX; col++) {
                int i = row * d.sizeX + col;
                if (xi >= 0 && !d.valid[i]) {
                    continue; // an absolute x of an invalid point is unknown: the point is dropped
                }
                if (yi >= 0 && d.valid[i] && Double.isNaN(y)) {
                    y = cy.coordinate(d.values[yi][i]);
                }
                xs[n] = 1e3 * (xi >= 0 ? cx.coordinate(d.values[xi][i]) : cx.coordinate(col));
                double z = d.valid[i] ? 1e6 * d.stored.get(zi).coordinate(d.values[zi][i]) : Double.NaN;
                zs[n] = Double.isFinite(z) ? z : Double.NaN;
                n++;
            }
            out.add(profile(source, d.sizeY == 1 ? source : rowName(source, row, y), xs, zs, n));
        }
        return out;
    }

    /** Consecutive valid points with the same y form one profile; each run is sized exactly. */
    private static List<Profile> listProfiles(String source, X3pData d) throws ProfileFormatException {
        int xi = d.stored.indexOf(d.cx);
        int yi = d.stored.indexOf(d.cy);
        int zi = d.stored.size() - 1;
        int n = d.points();
        List<Profile> out = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        int i = 0;
        while (i < n) {
            if (!d.valid[i]) {
                i++; // a point-list entry without coordinates cannot be placed
                continue;
            }
            double y = 1e3 * (yi >= 0 ? d.cy.coordinate(d.values[yi][i]) : d.cy.coordinate(0));
            int end = i;
            int count = 0;
            while (end < n && (!d.valid[end]
                    || 1e3 * (yi >= 0 ? d.cy.coordinate(d.values[yi][end]) : d.cy.coordinate(0)) == y)) {
                if (d.valid[end]) {
                    count++;
                }
                end++;
            }
            double[] xs = new double[count];
            double[] zs = new double[count];
            int k = 0;
            for (int j = i; j < end; j++) {
                if (d.valid[j]) {
                    xs[k] = 1e3 * (xi >= 0 ? d.cx.coordinate(d.values[xi][j]) : d.cx.coordinate(j));
                    double z = 1e6 * d.stored.get(zi).coordinate(d.values[zi][j]);
                    zs[k++] = Double.isFinite(z) ? z : Double.NaN;
                }
            }
            ys.add(y);
            out.add(profile(source, "run " + ys.size(), xs, zs, count));
            i = end;
        }
        if (out.isEmpty()) {
            throw new ProfileFormatException(source, "the point list holds no valid point");
        }
        if (out.size() == 1) {
            return List.of(profile(source, source, out.get(0).xMm(), out.get(0).zUm(), out.get(0).size()));
        }
        List<Profile> named = new ArrayList<>();
        for (int r = 0; r < out.size(); r++) {
            Profile p = out.get(r);
            named.add(profile(source, rowName(source, r, ys.get(r) / 1e3), p.xMm(), p.zUm(), p.size()));
        }
        return named;
    }

    private static String rowName(String source, int row, double yMetres) {
        double yMm = yMetres * 1e3;
        return !Double.isFinite(yMm) ? source + " row " + row
                : source + " row " + row + " (y = " + java.math.BigDecimal.valueOf(yMm)
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
}
