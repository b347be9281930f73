package org.sinterscope.camera.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.PixelPitch;

/**
 * Files an outside probe crafted against the image-folder source: each is refused with its reason
 * (quarantined), cheaply, and the valid frames around it are still read.
 */
class CraftedImagesTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void opencv() {
        OpenCvNative.load();
    }

    /** A textured JPEG with the middle third of its bytes zeroed (its start and end markers intact). */
    static byte[] jpegWithZeroedMiddle() {
        Mat m = new Mat(600, 800, CvType.CV_8UC1);
        MatOfByte buf = new MatOfByte();
        try {
            Core.randu(m, 0, 255);
            assertThat(Imgcodecs.imencode(".jpg", m, buf)).isTrue();
            byte[] b = buf.toArray();
            for (int i = b.length / 3; i < 2 * b.length / 3; i++) {
                b[i] = 0;
            }
            return b;
        } finally {
            m.release();
            buf.release();
        }
    }

    private void good(String name, int value) {
        Mat m = new Mat(40, 64, CvType.CV_8UC1, new Scalar(value));
        assertThat(Imgcodecs.imwrite(dir.resolve(name).toString(), m)).isTrue();
        m.release();
    }

    @Test
    void a_header_claiming_10_gigapixels_is_refused_from_the_header_alone() throws IOException {
        byte[] png = CraftedImages.pngClaiming(100_000, 100_000);
        assertThat(png.length).isLessThan(100);
        long before = allocated();
        assertThatThrownBy(() -> ImageFiles.decodeGrey("huge.png", png))
                .isInstanceOf(ImageFiles.UnusableImageException.class)
                .hasMessageContaining("100000 × 100000").hasMessageContaining("limit");
        assertThat(allocated() - before).as("bytes allocated on the Java heap").isLessThan(16L << 20);
    }

    @Test
    void a_jpeg_the_jpeg_library_calls_corrupt_is_refused() {
        assertThatThrownBy(() -> ImageFiles.decodeGrey("zeroed.jpg", jpegWithZeroedMiddle()))
                .isInstanceOf(ImageFiles.UnusableImageException.class).hasMessageContaining("corrupt JPEG data");
    }

    @Test
    void a_smaller_limit_is_honoured_and_an_image_within_it_decodes() throws Exception {
        good("small.png", 7);
        byte[] png = Files.readAllBytes(dir.resolve("small.png"));
        assertThatThrownBy(() -> ImageFiles.decodeGrey("small.png", png, 1000)).hasMessageContaining("64 × 40");
        Mat m = ImageFiles.decodeGrey("small.png", png, 64 * 40);
        try {
            assertThat(m.cols()).isEqualTo(64);
        } finally {
            m.release();
        }
    }

    @Test
    void text_with_an_image_name_is_refused() {
        assertThatThrownBy(() -> ImageFiles.decodeGrey("notes.png", "just text, no image".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImageFiles.UnusableImageException.class);
    }

    @Test
    void the_folder_goes_on_past_crafted_files_and_quarantines_each_with_its_reason() throws IOException {
        good("a.png", 10);
        Files.write(dir.resolve("b-huge.png"), CraftedImages.pngClaiming(100_000, 100_000));
        Files.write(dir.resolve("c-zeroed.jpg"), jpegWithZeroedMiddle());
        Files.writeString(dir.resolve("d-text.tif"), "not a tiff");
        good("e.png", 20);
        Quarantine q = new Quarantine(dir.resolve("quarantine"));
        List<Double> means = new ArrayList<>();
        try (ImageFolderSource src = new ImageFolderSource(dir, q, "cam", PixelPitch.square(50), 0)) {
            while (src.hasNext()) {
                try (Frame f = src.next()) {
                    means.add(Core.mean(f.image()).val[0]);
                }
            }
        }
        assertThat(means).containsExactly(10.0, 20.0);
        assertThat(q.entries()).hasSize(3);
        assertThat(q.entries()).allSatisfy(e -> assertThat(Files.exists(e.moved())).isTrue());
        assertThat(q.entries().stream().map(Quarantine.Entry::reason).toList())
                .anySatisfy(r -> assertThat(r).contains("100000 × 100000"))
                .anySatisfy(r -> assertThat(r).contains("corrupt JPEG"))
                .anySatisfy(r -> assertThat(r).containsIgnoringCase("image"));
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
