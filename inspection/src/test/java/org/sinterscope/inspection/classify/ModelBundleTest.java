package org.sinterscope.inspection.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelBundleTest {

    private static byte[] good;

    @BeforeAll
    static void makeBundle() throws Exception {
        good = TinyBundles.bytes(TinyBundles.bundle());
    }

    private static ModelBundle load(byte[] b) throws ModelBundleException {
        return ModelBundle.load(new ByteArrayInputStream(b), "test.zip");
    }

    /** The bundle with one entry replaced (or removed when {@code data} is null). */
    private static byte[] rewrite(String entry, byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(good)); ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] d = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    if (data == null) {
                        continue;
                    }
                    d = data;
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(d);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String entry(String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(good))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " missing");
    }

    @Test
    void written_bundle_loads_with_the_same_metadata_and_normalizer() throws Exception {
        ModelBundle b = load(good);
        ModelBundle original = TinyBundles.bundle();
        assertThat(b.metadata()).isEqualTo(original.metadata());
        assertThat(b.normalizer()).isEqualTo(new Normalizer(0.4, 0.2));
        assertThat(b.metadata().graphSha256()).hasSize(64);
        assertThat(TinyBundles.bytes(b)).isEqualTo(good);
    }

    @Test
    void truncated_bundle_is_refused() {
        for (int len : new int[] {0, 10, good.length / 2, good.length - 30}) {
            byte[] cut = Arrays.copyOf(good, len);
            assertThatThrownBy(() -> load(cut)).as("cut at %d bytes", len).isInstanceOf(ModelBundleException.class)
                    .hasMessageContaining("test.zip");
        }
    }

    @Test
    void flipped_byte_in_the_graph_is_refused() {
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x55;
        assertThatThrownBy(() -> load(bad)).isInstanceOf(ModelBundleException.class).hasMessageContaining("test.zip");
    }

    @Test
    void graph_that_does_not_match_its_checksum_is_refused() throws Exception {
        byte[] other = rewrite("graph.sd", "not a graph".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> load(other)).isInstanceOf(ModelBundleException.class).hasMessageContaining("checksum");
    }

    @Test
    void newer_format_version_is_refused() throws Exception {
        String md = entry("metadata.json").replace("\"formatVersion\" : 1", "\"formatVersion\" : 2");
        assertThat(md).contains("\"formatVersion\" : 2");
        byte[] b = rewrite("metadata.json", md.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> load(b)).isInstanceOf(ModelBundleException.class).hasMessageContaining("format version 2");
    }

    @Test
    void metadata_listing_other_classes_than_the_graph_outputs_is_refused() throws Exception {
        String md = entry("metadata.json").replace("\"edge\"", "\"edge\", \"extra\"");
        byte[] b = rewrite("metadata.json", md.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> load(b)).isInstanceOf(ModelBundleException.class).hasMessageContaining("4 classes");
    }

    @Test
    void missing_normalizer_is_refused() throws Exception {
        byte[] b = rewrite("normalizer.json", null);
        assertThatThrownBy(() -> load(b)).isInstanceOf(ModelBundleException.class).hasMessageContaining("normalizer.json");
    }

    @Test
    void normalizer_with_zero_std_is_refused() throws Exception {
        byte[] b = rewrite("normalizer.json", "{\"mean\": 0.5, \"std\": 0}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> load(b)).isInstanceOf(ModelBundleException.class).hasMessageContaining("std");
    }

    @Test
    void a_file_that_is_not_a_zip_is_refused() {
        byte[] text = "hello, I am a text file".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> load(text)).isInstanceOf(ModelBundleException.class).hasMessageContaining("not a zip file");
    }
}
