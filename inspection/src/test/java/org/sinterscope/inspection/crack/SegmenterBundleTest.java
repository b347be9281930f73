package org.sinterscope.inspection.crack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.sinterscope.inspection.classify.ModelBundleException;

class SegmenterBundleTest {

    private static byte[] bytes(SegmenterBundle b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.write(out);
        return out.toByteArray();
    }

    @Test
    void a_written_bundle_loads_back_with_the_same_metadata_and_bytes() throws Exception {
        SegmenterBundle b = SegmenterTestGraphs.darkLine();
        byte[] first = bytes(b);
        SegmenterBundle back = SegmenterBundle.load(new ByteArrayInputStream(first), "mem");
        assertThat(back.metadata()).isEqualTo(b.metadata());
        assertThat(back.metadata().graphSha256()).hasSize(64);
        assertThat(bytes(back)).as("reproducible bytes").isEqualTo(first);
    }

    @Test
    void truncated_corrupt_or_foreign_bundles_are_refused_with_the_source_named() throws Exception {
        byte[] good = bytes(SegmenterTestGraphs.darkLine());
        byte[] truncated = Arrays.copyOf(good, good.length / 2);
        assertThatThrownBy(() -> SegmenterBundle.load(new ByteArrayInputStream(truncated), "half.zip"))
                .isInstanceOf(ModelBundleException.class).hasMessageContaining("half.zip");
        assertThatThrownBy(() -> SegmenterBundle.load(new ByteArrayInputStream("not a zip".getBytes()), "text.zip"))
                .isInstanceOf(ModelBundleException.class).hasMessageContaining("text.zip");
        ByteArrayOutputStream other = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(other)) {
            z.putNextEntry(new ZipEntry("metadata.json"));
            z.write("{\"format\":\"sinterscope-classifier-bundle\"}".getBytes());
            z.closeEntry();
            z.putNextEntry(new ZipEntry("graph.sd"));
            z.write(new byte[] {1, 2, 3});
            z.closeEntry();
        }
        assertThatThrownBy(() -> SegmenterBundle.load(new ByteArrayInputStream(other.toByteArray()), "classifier.zip"))
                .isInstanceOf(ModelBundleException.class).hasMessageContaining("classifier.zip");
    }

    @Test
    void a_graph_changed_after_packing_fails_its_checksum() throws Exception {
        SegmenterBundle b = SegmenterTestGraphs.darkLine();
        SegmenterBundle other = SegmenterBundle.of(b.metadata(), SegmenterTestGraphs.conv3(new float[9], 1, 0));
        // metadata of b (with b's checksum) + graph of other
        ByteArrayOutputStream mixed = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(mixed)) {
            z.putNextEntry(new ZipEntry("metadata.json"));
            z.write(b.metadataJson().getBytes());
            z.closeEntry();
            z.putNextEntry(new ZipEntry("graph.sd"));
            java.io.ByteArrayOutputStream g = new java.io.ByteArrayOutputStream();
            other.newGraph().save(g, false);
            z.write(g.toByteArray());
            z.closeEntry();
        }
        assertThatThrownBy(() -> SegmenterBundle.load(new ByteArrayInputStream(mixed.toByteArray()), "mixed.zip"))
                .isInstanceOf(ModelBundleException.class).hasMessageContaining("checksum");
    }

    @Test
    void metadata_refuses_thresholds_outside_the_open_unit_interval() {
        assertThatThrownBy(() -> SegmenterTestGraphs.metadata(1.0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.0");
        assertThatThrownBy(() -> SegmenterTestGraphs.metadata(0.5, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }
}
