package org.sinterscope.camera.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

/**
 * Crafted files that claim more than they hold are refused with a reason, quickly, without
 * allocating what they claim. Every fixture is generated here. "Allocated" is the byte count of
 * every allocation on the reading thread (garbage included), so it bounds the peak too; time is the
 * thread's CPU time, which a loaded machine does not inflate.
 */
class CraftedInputsTest {

    /** Allocation bound for refusing a crafted file: a small multiple of its size, far below its claims. */
    static final long SMALL = 32L << 20;

    static Allocation.Measured refused(String source, byte[] content, ProfileReader reader, String reason) {
        Allocation.Measured m = Allocation.measure(() -> reader.read(source, content));
        assertThat(m.thrown()).as("refused").isInstanceOf(ProfileFormatException.class);
        assertThat(m.thrown().getMessage()).startsWith(source + ": ").contains(reason);
        assertThat(m.bytes()).as("bytes allocated").isLessThan(SMALL);
        assertThat(m.cpuMillis()).as("CPU milliseconds").isLessThan(5_000);
        return m;
    }

    static String sampleXml(String sample) throws Exception {
        byte[] zip = Files.readAllBytes(SharedData.folder("x3p-samples").resolve(sample));
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals("main.xml")) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalStateException("no main.xml in " + sample);
    }

    static RawZip withMain(String xml) {
        byte[] main = xml.getBytes(StandardCharsets.UTF_8);
        return new RawZip().add("main.xml", main)
                .add("md5checksum.hex", (X3pArchive.md5Hex(main) + " *main.xml\n").getBytes(StandardCharsets.US_ASCII));
    }

    static String claim(String xml, int sizeX, int sizeY) {
        return xml.replace("<SizeX>4</SizeX><SizeY>4</SizeY>", "<SizeX>" + sizeX + "</SizeX><SizeY>" + sizeY + "</SizeY>");
    }

    @Test
    void a_small_x3p_claiming_a_16383_square_matrix_in_xml_is_refused_without_allocating_it() throws Exception {
        byte[] file = withMain(claim(sampleXml("ISO5436-sample1.x3p"), 16383, 16383)).bytes();
        assertThat(file.length).isLessThan(8_000);
        refused("claim.x3p", file, new X3pProfileReader(), "DataList has 16 Datum elements, but the dimensions say "
                + 16383L * 16383 + " points");
    }

    @Test
    void a_small_x3p_claiming_a_16383_square_matrix_in_binary_is_refused_from_the_directory() throws Exception {
        String xml = claim(sampleXml("ISO5436-sample1_bin.x3p"), 16383, 16383);
        RawZip zip = withMain(xml).add("bindata/data.bin", new byte[128]).add("bindata/valid.bin", new byte[2]);
        refused("claim_bin.x3p", zip.bytes(), new X3pProfileReader(), "bindata/data.bin has 128 bytes, expected "
                + 16383L * 16383 * 8);
    }

    @Test
    void an_x3p_zip_bomb_of_three_480_mb_entries_is_refused_before_inflating() throws Exception {
        RawZip.Entry bomb = RawZip.zeros("bindata/data.bin", 480L << 20);
        String xml = claim(sampleXml("ISO5436-sample1_bin.x3p"), 7930, 7930);
        RawZip zip = withMain(xml).add(bomb).add(new RawZip.Entry("bindata/b.bin", bomb.deflated(), bomb.crc(),
                bomb.declaredSize())).add(new RawZip.Entry("bindata/c.bin", bomb.deflated(), bomb.crc(), bomb.declaredSize()));
        byte[] file = zip.bytes();
        assertThat(file.length).isLessThan(2_000_000);
        refused("bomb.x3p", file, new X3pProfileReader(), "zip bomb");
    }

    @Test
    void a_single_entry_above_the_ratio_limit_is_refused_when_it_is_needed() throws Exception {
        // 2 MiB of zeros as the point data of a 512 x 512 float64 matrix: ratio ~1000:1
        RawZip.Entry dense = RawZip.zeros("bindata/data.bin", 512 * 512 * 8);
        String xml = claim(sampleXml("ISO5436-sample1_bin.x3p"), 512, 512)
                .replaceAll("<MD5ChecksumPointData>[0-9a-f]+</MD5ChecksumPointData>", "")
                .replaceAll("<ValidPointsLink>.*</ValidPointsLink>", "")
                .replaceAll("<MD5ChecksumValidPoints>[0-9a-f]+</MD5ChecksumValidPoints>", "");
        refused("ratio.x3p", withMain(xml).add(dense).bytes(), new X3pProfileReader(), "compression ratio");
    }

    @Test
    void an_entry_that_inflates_to_more_than_its_header_declares_is_refused() throws Exception {
        RawZip.Entry big = RawZip.zeros("bindata/data.bin", 4 << 20);
        String xml = sampleXml("ISO5436-sample1_bin.x3p")
                .replaceAll("<MD5ChecksumPointData>[0-9a-f]+</MD5ChecksumPointData>", "")
                .replaceAll("<ValidPointsLink>.*</ValidPointsLink>", "")
                .replaceAll("<MD5ChecksumValidPoints>[0-9a-f]+</MD5ChecksumValidPoints>", "");
        RawZip zip = withMain(xml).add(new RawZip.Entry("bindata/data.bin", big.deflated(), big.crc(), 128));
        refused("liar.x3p", zip.bytes(), new X3pProfileReader(), "inflates to more bytes");
    }

    @Test
    void an_smd_claiming_200_million_points_with_four_values_is_refused_without_allocating_them() {
        String smd = "ISO 5436 - 2000 big\nPRF 1 ISO5436\nCX I 200000000 mm 1.0e0 D 2.5e-4\n"
                + "CZ A 200000000 um 1.0e0 D\nEOR\nDATE x\nEOR\n0.1\n0.2\n0.3\n0.4\nEOR\nEOR\nEOF\n";
        refused("big.smd", smd.getBytes(StandardCharsets.UTF_8), new SmdProfileReader(),
                "truncated data record: 4 points, the header announces 200000000");
    }

    @Test
    void a_text_file_above_the_limit_is_refused_before_it_is_decoded() {
        byte[] big = new byte[ProfileReaders.MAX_TEXT_BYTES + 1];
        java.util.Arrays.fill(big, (byte) '1');
        Allocation.Measured m = Allocation.measure(() -> new CsvProfileReader(1.0).read("big.csv", big));
        assertThat(m.thrown()).isInstanceOf(ProfileFormatException.class).hasMessageContaining("more than the limit");
        assertThat(m.bytes()).isLessThan(1 << 20);
        Allocation.Measured s = Allocation.measure(() -> new SmdProfileReader().read("big.smd", big));
        assertThat(s.thrown()).isInstanceOf(ProfileFormatException.class).hasMessageContaining("more than the limit");
    }

    @Test
    void a_point_list_of_many_short_runs_allocates_by_the_points_present() throws Exception {
        // 100 000 points in runs of 2 with alternating y: 50 000 profiles of 2 points
        int n = 100_000;
        StringBuilder xml = new StringBuilder(sampleXml("ISO5436-sample2.x3p"));
        int a = xml.indexOf("<DataList>");
        int b = xml.indexOf("</DataList>");
        StringBuilder list = new StringBuilder("<DataList>");
        for (int i = 0; i < n; i++) {
            list.append("<Datum>").append(i % 2).append(';').append(i / 2).append(';').append(0.001 * i).append("</Datum>");
        }
        xml.replace(a, b, list.toString());
        String doc = xml.toString().replaceFirst("<ListDimension>\\d+</ListDimension>", "<ListDimension>" + n + "</ListDimension>");
        byte[] file = withMain(doc).bytes();
        List<Profile>[] out = new List[1];
        Allocation.Measured m = Allocation.measure(() -> out[0] = new X3pProfileReader().read("runs.x3p", file));
        assertThat(m.thrown()).isNull();
        assertThat(out[0]).hasSize(n / 2);
        assertThat(m.bytes()).isLessThan(256L << 20);
    }
}
