package org.sinterscope.camera.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Property-based fuzzing of the profile readers: valid files (X3P in both layouts, SMD, CSV) are
 * mutated — bytes flipped, overwritten, deleted, duplicated, the file truncated, numbers replaced by
 * extreme ones — and each mutant must be either read or refused with a {@link ProfileFormatException}
 * that names the source and gives a reason. Anything else (another exception, an error, an
 * allocation above 64 MiB for a file of a few KB) fails the property. For X3P the mutations are also
 * applied to {@code main.xml} inside the archive with its checksum recomputed, so they reach the XML
 * decoding instead of stopping at the checksum.
 */
class ProfileReaderFuzzTest {

    static final long MAX_ALLOCATION = 64L << 20;

    /** One edit of a byte array; positions are fractions of its length. */
    record Mutation(int kind, double at, int length, byte value, String number) {

        byte[] apply(byte[] in) {
            if (in.length == 0) {
                return in;
            }
            int p = Math.min(in.length - 1, (int) (at * in.length));
            int len = Math.min(length, in.length - p);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (kind) {
                case 0 -> { // flip one bit
                    byte[] c = in.clone();
                    c[p] ^= (byte) (1 << (value & 7));
                    return c;
                }
                case 1 -> { // overwrite a run
                    byte[] c = in.clone();
                    java.util.Arrays.fill(c, p, p + len, value);
                    return c;
                }
                case 2 -> { // delete a run
                    out.write(in, 0, p);
                    out.write(in, p + len, in.length - p - len);
                }
                case 3 -> { // duplicate a run
                    out.write(in, 0, p + len);
                    out.write(in, p, in.length - p);
                }
                case 4 -> { // truncate
                    out.write(in, 0, p);
                }
                default -> { // replace the number at or after p by an extreme one
                    String s = new String(in, StandardCharsets.ISO_8859_1);
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?").matcher(s);
                    if (!m.find(p) && !m.find(0)) {
                        return in;
                    }
                    return (s.substring(0, m.start()) + number + s.substring(m.end())).getBytes(StandardCharsets.ISO_8859_1);
                }
            }
            return out.toByteArray();
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.doubles().between(0, 1).ofScale(6), Arbitraries.integers().between(1, 64),
                Arbitraries.bytes(), Arbitraries.of("0", "-1", "2147483647", "16383", "65536", "1e308", "-1e308",
                        "NaN", "Infinity", "1e-320", "99999999999999999999", "4.9e-324"))
                .as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    static void readOrRefuse(String source, byte[] content, ProfileReader reader) {
        Allocation.Measured m = Allocation.measure(() -> {
            List<Profile> p = reader.read(source, content);
            assertThat(p).isNotEmpty();
            if (reader instanceof X3pProfileReader x) {
                try {
                    x.readSurface(source, content);
                } catch (ProfileFormatException e) {
                    assertThat(e.getMessage()).startsWith(source + ": ");
                }
            }
        });
        if (m.thrown() != null && !(m.thrown() instanceof ProfileFormatException)) {
            throw new AssertionError("not a clean refusal: " + m.thrown(), m.thrown());
        }
        if (m.thrown() != null) {
            assertThat(m.thrown().getMessage()).startsWith(source + ": ").hasSizeGreaterThan(source.length() + 4);
        }
        Statistics.collect(m.thrown() == null ? "read" : "refused");
        assertThat(m.bytes()).as("bytes allocated reading %s", source).isLessThan(MAX_ALLOCATION);
    }

    static byte[] x3p(X3pWriter.Layout layout) {
        double[] z = new double[6 * 5];
        for (int i = 0; i < z.length; i++) {
            z[i] = 1e-6 * Math.sin(i);
        }
        z[4] = Double.NaN;
        z[11] = Double.POSITIVE_INFINITY;
        boolean[] valid = new boolean[z.length];
        java.util.Arrays.fill(valid, true);
        valid[7] = false;
        return X3pWriter.areal(6, 5, 1e-6, 1e-6, z, layout, layout == X3pWriter.Layout.BINARY ? valid : null);
    }

    static final byte[] XML = x3p(X3pWriter.Layout.XML);
    static final byte[] BIN = x3p(X3pWriter.Layout.BINARY);
    static final byte[] SMD = ("ISO 5436 - 2000 fuzz\nPRF 1 ISO5436\nCX I 8 mm 1.0e0 D 2.5e-4\nCZ A 8 um 1.0e0 D\nEOR\n"
            + "DATE 25-Nov-2004\nEOR\n-0.29\n-0.27\n0.5\n0.1\n0.2\n0.3\n-0.1\n0.05\nEOR\nEOR\nEOF\n").getBytes(StandardCharsets.UTF_8);
    static final byte[] CSV = ("x_mm,z_um\n0.0000,0.12\n0.0005,-0.03\n0.0010,0.08\n0.0015,0.01\n0.0020,-0.2\n0.0025,0.3\n")
            .getBytes(StandardCharsets.UTF_8);

    @Property(tries = 3000, seed = "1101")
    void mutated_x3p_archives_are_read_or_refused(@ForAll("mutations") List<Mutation> ms, @ForAll boolean binary) {
        byte[] f = binary ? BIN : XML;
        for (Mutation m : ms) {
            f = m.apply(f);
        }
        readOrRefuse("fuzz.x3p", f, new X3pProfileReader());
    }

    @Property(tries = 5000, seed = "1102")
    void mutated_x3p_main_xml_with_a_valid_checksum_is_read_or_refused(@ForAll("mutations") List<Mutation> ms,
            @ForAll boolean binary) throws Exception {
        Map<String, byte[]> e = entries(binary ? BIN : XML);
        byte[] main = e.get("main.xml");
        for (Mutation m : ms) {
            main = m.apply(main);
        }
        RawZip zip = new RawZip().add("main.xml", main)
                .add("md5checksum.hex", (X3pArchive.md5Hex(main) + " *main.xml\n").getBytes(StandardCharsets.US_ASCII));
        for (Map.Entry<String, byte[]> x : e.entrySet()) {
            if (x.getKey().startsWith("bindata/")) {
                zip.add(x.getKey(), x.getValue());
            }
        }
        readOrRefuse("fuzzxml.x3p", zip.bytes(), new X3pProfileReader());
    }

    @Property(tries = 3000, seed = "1103")
    void mutated_smd_files_are_read_or_refused(@ForAll("mutations") List<Mutation> ms) {
        byte[] f = SMD;
        for (Mutation m : ms) {
            f = m.apply(f);
        }
        readOrRefuse("fuzz.smd", f, new SmdProfileReader());
    }

    @Property(tries = 3000, seed = "1104")
    void mutated_csv_files_are_read_or_refused(@ForAll("mutations") List<Mutation> ms, @ForAll boolean oneColumn) {
        byte[] f = oneColumn ? new String(CSV, StandardCharsets.UTF_8).replaceAll("(?m)^[^,]*,", "")
                .getBytes(StandardCharsets.UTF_8) : CSV;
        for (Mutation m : ms) {
            f = m.apply(f);
        }
        readOrRefuse("fuzz.csv", f, new CsvProfileReader(oneColumn ? 0.5 : Double.NaN));
    }

    static Map<String, byte[]> entries(byte[] zip) throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                m.put(e.getName(), in.readAllBytes());
            }
        }
        return m;
    }
}
