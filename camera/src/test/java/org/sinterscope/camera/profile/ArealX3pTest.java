package org.sinterscope.camera.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Areal X3P files of realistic size (1000 × 1000 points) in both layouts, with non-finite invalid
 * points as focus-variation instruments write them: read as missing points, fast, in bounded memory.
 * The files are also left in {@code target/areal-fixtures/} for the commands in docs/roughness.md.
 */
class ArealX3pTest {

    static final int N = 1000;
    static final double DX_M = 1e-6;

    /** Seeded rough surface in metres; every 7th point non-finite (NaN, +inf, -inf in turn) or 50 % when half. */
    static double[] scan(long seed, boolean half) {
        Random r = new Random(seed);
        double[] z = new double[N * N];
        for (int iy = 0; iy < N; iy++) {
            for (int ix = 0; ix < N; ix++) {
                z[iy * N + ix] = 1e-6 * (0.4 * Math.sin(2 * Math.PI * ix / 80.0) * Math.cos(2 * Math.PI * iy / 120.0)
                        + 0.1 * r.nextGaussian()) + 2e-9 * ix + 5e-4;
            }
        }
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < z.length; i++) {
            if (half ? i % 2 == (i / N) % 2 : i % 7 == 3) {
                z[i] = bad[(i / 7) % 3];
            }
        }
        return z;
    }

    static Path fixture(String name, byte[] content) throws Exception {
        Path dir = Path.of("target", "areal-fixtures");
        Files.createDirectories(dir);
        return Files.write(dir.resolve(name), content);
    }

    @ParameterizedTest
    @EnumSource(X3pWriter.Layout.class)
    void a_1000_by_1000_scan_with_non_finite_points_reads_as_missing_points(X3pWriter.Layout layout) throws Exception {
        double[] z = scan(16, false);
        Path f = fixture("scan-1000-" + layout.name().toLowerCase() + ".x3p",
                X3pWriter.areal(N, N, DX_M, DX_M, z, layout, null));
        ArealSurface[] s = new ArealSurface[1];
        Allocation.Measured m = Allocation.measure(() -> s[0] = new X3pProfileReader().readSurface(f));
        assertThat(m.thrown()).isNull();
        int expectedInvalid = 0;
        for (double v : z) {
            expectedInvalid += Double.isFinite(v) ? 0 : 1;
        }
        assertThat(s[0].sizeX()).isEqualTo(N);
        assertThat(s[0].sizeY()).isEqualTo(N);
        assertThat(s[0].dxMm()).isEqualTo(1e-3);
        assertThat(s[0].points() - s[0].validCount()).isEqualTo(expectedInvalid);
        for (int i : new int[] {0, 1, 3, 12345, N * N - 1}) {
            double expected = Double.isFinite(z[i]) ? z[i] * 1e6 : Double.NaN;
            assertThat(Double.valueOf(s[0].z(i % N, i / N))).isEqualTo(Double.valueOf(expected));
        }
        // total bytes allocated on this thread (garbage included), a safety bound far below what a
        // reader sized by claims would need: ~35 MB of XML text (parsed once) or 8 MB of binary data
        long file = Files.size(f);
        org.slf4j.LoggerFactory.getLogger(ArealX3pTest.class).info(layout + ": " + file + " bytes, read in "
                + m.cpuMillis() + " ms CPU, allocated " + (m.bytes() >> 20) + " MiB");
        assertThat(m.bytes()).isLessThan(layout == X3pWriter.Layout.XML ? 512L << 20 : 96L << 20);
        assertThat(m.cpuMillis()).isLessThan(30_000);
    }

    @Test
    void a_scan_with_half_its_points_invalid_reports_that_share_in_both_layouts() throws Exception {
        double[] z = scan(17, true);
        boolean[] valid = new boolean[z.length];
        for (int i = 0; i < z.length; i++) {
            valid[i] = Double.isFinite(z[i]);
        }
        for (X3pWriter.Layout layout : X3pWriter.Layout.values()) {
            Path f = fixture("scan-1000-half-invalid-" + layout.name().toLowerCase() + ".x3p",
                    X3pWriter.areal(N, N, DX_M, DX_M, z, layout, layout == X3pWriter.Layout.BINARY ? valid : null));
            ArealSurface s = new X3pProfileReader().readSurface(f);
            assertThat(s.points() - s.validCount()).isEqualTo(N * N / 2);
        }
    }

    @Test
    void the_validity_mask_alone_marks_points_missing() throws Exception {
        double[] z = {1e-6, 2e-6, 3e-6, 4e-6, 5e-6, 6e-6};
        boolean[] valid = {true, false, true, true, true, false};
        ArealSurface s = new X3pProfileReader().readSurface("m.x3p",
                X3pWriter.areal(3, 2, 1e-6, 2e-6, z, X3pWriter.Layout.BINARY, valid));
        assertThat(s.zUm()).containsExactly(1, Double.NaN, 3, 4, 5, Double.NaN);
        assertThat(s.dyMm()).isEqualTo(2e-3);
    }

    @Test
    void the_same_file_read_as_profiles_gives_one_row_each_with_nan_for_invalid_points() throws Exception {
        double[] z = {1e-6, Double.POSITIVE_INFINITY, 3e-6, 4e-6, Double.NaN, 6e-6};
        List<Profile> rows = new X3pProfileReader().read("p.x3p", X3pWriter.areal(3, 2, 1e-6, 1e-6, z,
                X3pWriter.Layout.XML, null));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).zUm()).containsExactly(1, Double.NaN, 3);
        assertThat(rows.get(1).zUm()).containsExactly(4, Double.NaN, 6);
    }

    @Test
    void point_lists_and_matrices_on_an_absolute_y_axis_are_not_areal_surfaces() {
        for (String name : new String[] {"ISO5436-sample2.x3p", "ISO5436-sample3.x3p"}) {
            Path f = SharedData.folder("x3p-samples").resolve(name);
            assertThatThrownBy(() -> new X3pProfileReader().readSurface(f))
                    .isInstanceOf(ProfileFormatException.class)
                    .hasMessageStartingWith(f.toString())
                    .hasMessageContaining("not an areal surface");
        }
    }

    @Test
    void the_areal_openGPS_samples_read_as_4_by_4_surfaces_with_their_invalid_point() throws Exception {
        for (String name : new String[] {"ISO5436-sample1.x3p", "ISO5436-sample1_bin.x3p", "ISO5436-sample4.x3p",
                "ISO5436-sample4_bin.x3p"}) {
            X3pProfileReader.Contents c = new X3pProfileReader().readContents(SharedData.folder("x3p-samples").resolve(name));
            assertThat(c.areal()).as(name).isTrue();
            assertThat(c.surface().sizeX()).isEqualTo(4);
            assertThat(c.surface().validCount()).as(name).isEqualTo(15);
        }
    }
}
