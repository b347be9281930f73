package org.sinterscope.camera.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of malformed reading is refused with the file's name and what is wrong. */
class MalformedFilesTest {

    @TempDir
    Path dir;

    @Test
    void truncated_x3p_is_refused() throws Exception {
        byte[] whole = Files.readAllBytes(SharedData.folder("x3p-samples").resolve("ISO5436-sample1.x3p"));
        for (int cut : new int[] {whole.length / 2, whole.length - 30, 100}) {
            Path f = write("cut" + cut + ".x3p", Arrays.copyOf(whole, cut));
            assertThatThrownBy(() -> new X3pProfileReader().read(f))
                    .isInstanceOf(ProfileFormatException.class)
                    .hasMessageStartingWith(f.toString())
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void x3p_whose_main_xml_does_not_match_its_md5_is_refused() throws Exception {
        Map<String, byte[]> e = entries("ISO5436-sample1.x3p");
        String xml = new String(e.get("main.xml"), StandardCharsets.UTF_8).replace("4.86219120804151E-0001", "4.86219120804152E-0001");
        e.put("main.xml", xml.getBytes(StandardCharsets.UTF_8));
        Path f = write("tampered.x3p", zip(e));
        assertThatThrownBy(() -> new X3pProfileReader().read(f))
                .isInstanceOf(ProfileFormatException.class)
                .hasMessageStartingWith(f.toString())
                .hasMessageContaining("checksum mismatch for main.xml");
    }

    @Test
    void x3p_whose_binary_data_does_not_match_its_md5_is_refused() throws Exception {
        Map<String, byte[]> e = entries("ISO5436-sample1_bin.x3p");
        byte[] data = e.get("bindata/data.bin").clone();
        data[3] ^= 1;
        e.put("bindata/data.bin", data);
        Path f = write("tampered_bin.x3p", zip(e));
        assertThatThrownBy(() -> new X3pProfileReader().read(f))
                .hasMessageStartingWith(f.toString())
                .hasMessageContaining("checksum mismatch for bindata/data.bin");
    }

    @Test
    void x3p_with_a_short_binary_file_is_refused_as_truncated() throws Exception {
        Map<String, byte[]> e = entries("ISO5436-sample4_bin.x3p");
        e.put("bindata/data.bin", Arrays.copyOf(e.get("bindata/data.bin"), 20));
        String xml = new String(e.get("main.xml"), StandardCharsets.UTF_8).replaceAll(
                "<MD5ChecksumPointData>[0-9a-f]+</MD5ChecksumPointData>", "");
        e.put("main.xml", xml.getBytes(StandardCharsets.UTF_8));
        e.put("md5checksum.hex", (X3pArchive.md5Hex(e.get("main.xml")) + " *main.xml\n").getBytes(StandardCharsets.US_ASCII));
        Path f = write("short_bin.x3p", zip(e));
        assertThatThrownBy(() -> new X3pProfileReader().read(f))
                .hasMessageStartingWith(f.toString())
                .hasMessageContaining("bindata/data.bin has 20 bytes, expected 32")
                .hasMessageContaining("truncated");
    }

    @Test
    void x3p_with_an_external_entity_is_refused() throws Exception {
        Path secret = write("secret.txt", "top secret".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> e = entries("ISO5436-sample1.x3p");
        String xml = new String(e.get("main.xml"), StandardCharsets.UTF_8).replace("\uFEFF", "")
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE p [<!ENTITY xxe SYSTEM \""
                                + secret.toUri() + "\">]>")
                .replace("<Creator>Name of measuring person</Creator>", "<Creator>&xxe;</Creator>");
        e.put("main.xml", xml.getBytes(StandardCharsets.UTF_8));
        e.put("md5checksum.hex", (X3pArchive.md5Hex(e.get("main.xml")) + " *main.xml\n").getBytes(StandardCharsets.US_ASCII));
        Path f = write("xxe.x3p", zip(e));
        assertThatThrownBy(() -> new X3pProfileReader().read(f))
                .isInstanceOf(ProfileFormatException.class)
                .hasMessageStartingWith(f.toString())
                .hasMessageContaining("DOCTYPE")
                .hasMessageContaining("XXE")
                .hasMessageNotContaining("top secret");
    }

    @Test
    void x3p_with_an_entry_escaping_the_archive_folder_is_refused() throws Exception {
        Map<String, byte[]> e = entries("ISO5436-sample1.x3p");
        e.put("../../evil.sh", "rm -rf /".getBytes(StandardCharsets.UTF_8));
        Path f = write("slip.x3p", zip(e));
        assertThatThrownBy(() -> new X3pProfileReader().read(f))
                .hasMessageStartingWith(f.toString())
                .hasMessageContaining("'../../evil.sh' escapes the archive folder");
        assertThat(dir.getParent().getParent().resolve("evil.sh")).doesNotExist();
    }

    @Test
    void x3p_whose_data_link_points_outside_the_archive_is_refused() throws Exception {
        Map<String, byte[]> e = entries("ISO5436-sample1_bin.x3p");
        String xml = new String(e.get("main.xml"), StandardCharsets.UTF_8).replace("<PointDataLink>bindata/data.bin",
                "<PointDataLink>../outside/data.bin");
        e.put("main.xml", xml.getBytes(StandardCharsets.UTF_8));
        e.put("md5checksum.hex", (X3pArchive.md5Hex(e.get("main.xml")) + " *main.xml\n").getBytes(StandardCharsets.US_ASCII));
        Path f = write("link.x3p", zip(e));
        assertThatThrownBy(() -> new X3pProfileReader().read(f))
                .hasMessageStartingWith(f.toString())
                .hasMessageContaining("escapes the archive folder");
    }

    @Test
    void csv_with_nan_is_refused() throws Exception {
        Path f = write("nan.csv", "x_mm,z_um\n0.000,0.1\n0.001,NaN\n0.002,0.3\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new CsvProfileReader(Double.NaN).read(f))
                .isInstanceOf(ProfileFormatException.class)
                .hasMessageStartingWith(f.toString())
                .hasMessageContaining("line 3")
                .hasMessageContaining("not a finite number");
    }

    @Test
    void csv_with_infinity_is_refused() throws Exception {
        Path f = write("inf.csv", "z_um\n0.1\nInfinity\n0.3\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new CsvProfileReader(0.5).read(f))
                .hasMessageStartingWith(f.toString())
                .hasMessageContaining("line 3")
                .hasMessageContaining("not a finite number");
    }

    @Test
    void csv_with_non_increasing_x_is_refused() throws Exception {
        Path f = write("x.csv", "x_mm,z_um\n0.000,0.1\n0.001,0.2\n0.001,0.3\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new CsvProfileReader(Double.NaN).read(f))
                .hasMessageStartingWith(f.toString())
                .hasMessageContaining("line 4")
                .hasMessageContaining("does not increase");
    }

    @Test
    void csv_with_an_unknown_unit_is_refused() throws Exception {
        Path f = write("unit.csv", "x_mm,z_inch\n0.000,0.1\n0.001,0.2\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new CsvProfileReader(Double.NaN).read(f))
                .hasMessageStartingWith(f.toString())
                .hasMessageContaining("unknown unit 'inch'");
    }

    @Test
    void one_column_csv_without_spacing_is_refused() throws Exception {
        Path f = write("z.csv", "z_um\n0.1\n0.2\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new CsvProfileReader(Double.NaN).read(f))
                .hasMessageStartingWith(f.toString())
                .hasMessageContaining("--spacing-um");
    }

    @Test
    void smd_without_eof_footer_is_refused_as_truncated() throws Exception {
        Path f = write("cut.smd", SmdProfileReaderTest.smd(false, "0.1", "0.2", "0.3").replace("EOF", "")
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new SmdProfileReader().read(f))
                .hasMessageStartingWith(f.toString())
                .hasMessageContaining("truncated");
    }

    @Test
    void smd_with_nan_is_refused() throws Exception {
        Path f = write("nan.smd", SmdProfileReaderTest.smd(false, "0.1", "nan", "0.3").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new SmdProfileReader().read(f))
                .hasMessageStartingWith(f.toString())
                .hasMessageContaining("not a finite number");
    }

    @Test
    void smd_with_an_unknown_unit_is_refused() throws Exception {
        Path f = write("unit.smd", SmdProfileReaderTest.smd(false, "0.1", "0.2", "0.3").replace("CZ A 3 um", "CZ A 3 furlong")
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new SmdProfileReader().read(f))
                .hasMessageStartingWith(f.toString())
                .hasMessageContaining("unknown unit 'furlong'");
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    private static Map<String, byte[]> entries(String sample) throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        byte[] zip = Files.readAllBytes(SharedData.folder("x3p-samples").resolve(sample));
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (!e.isDirectory()) {
                    m.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return m;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(b)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return b.toByteArray();
    }
}
