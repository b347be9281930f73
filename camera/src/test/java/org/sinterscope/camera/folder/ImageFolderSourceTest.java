package org.sinterscope.camera.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.PixelPitch;

class ImageFolderSourceTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void opencv() {
        OpenCvNative.load();
    }

    private Path write(String name, int type, Scalar value) {
        Mat m = new Mat(40, 64, type, value);
        Path p = dir.resolve(name);
        assertThat(Imgcodecs.imwrite(p.toString(), m)).as("write %s", name).isTrue();
        m.release();
        return p;
    }

    @Test
    void good_images_of_every_format_become_consecutive_grey_frames() throws IOException {
        write("a.png", CvType.CV_8UC1, new Scalar(10));
        write("b.png", CvType.CV_16UC1, new Scalar(40000));
        write("c.tif", CvType.CV_8UC3, new Scalar(30, 30, 30));
        write("d.bmp", CvType.CV_8UC1, new Scalar(50));
        write("e.jpg", CvType.CV_8UC1, new Scalar(60));
        Quarantine q = new Quarantine(dir.resolve("quarantine"));
        List<String> types = new ArrayList<>();
        double expectY = 0;
        try (ImageFolderSource src = new ImageFolderSource(dir, q, "cam", PixelPitch.square(50), 0)) {
            while (src.hasNext()) {
                try (Frame f = src.next()) {
                    assertThat(f.yStartMm()).isEqualTo(expectY);
                    expectY = f.yEndMm();
                    types.add(CvType.typeToString(f.image().type()));
                }
            }
        }
        assertThat(types).containsExactly("CV_8UC1", "CV_16UC1", "CV_8UC1", "CV_8UC1", "CV_8UC1");
        assertThat(expectY).isEqualTo(5 * 40 * 0.05, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(q.entries()).isEmpty();
    }

    @Test
    void bad_files_are_quarantined_with_their_reason_and_the_source_goes_on() throws IOException {
        Path good1 = write("01-good.png", CvType.CV_8UC1, new Scalar(100));
        Path truncated = write("02-truncated.png", CvType.CV_8UC1, new Scalar(100));
        byte[] all = Files.readAllBytes(truncated);
        Files.write(truncated, Arrays.copyOf(all, all.length / 2));
        Files.write(dir.resolve("03-corrupt.png"), "this is not an image at all, just text".getBytes());
        Files.write(dir.resolve("04-empty.jpg"), new byte[0]);
        write("05-float.tif", CvType.CV_32FC1, new Scalar(0.5));
        Path jpg = write("06-cut.jpg", CvType.CV_8UC1, new Scalar(70));
        byte[] j = Files.readAllBytes(jpg);
        Files.write(jpg, Arrays.copyOf(j, j.length - 40));
        write("07-good.png", CvType.CV_8UC1, new Scalar(120));
        Quarantine q = new Quarantine(dir.resolve("quarantine"));
        List<Long> seqs = new ArrayList<>();
        try (ImageFolderSource src = new ImageFolderSource(dir, q, "cam", PixelPitch.square(50), 0)) {
            while (src.hasNext()) {
                try (Frame f = src.next()) {
                    seqs.add(f.sequence());
                }
            }
        }
        assertThat(seqs).containsExactly(0L, 1L);
        Map<String, String> reasons = q.entries().stream().collect(Collectors.toMap(
                e -> e.moved().getFileName().toString(), Quarantine.Entry::reason, (a, b) -> a, TreeMap::new));
        assertThat(reasons).containsOnlyKeys("02-truncated.png", "03-corrupt.png", "04-empty.jpg", "05-float.tif", "06-cut.jpg");
        assertThat(reasons.get("02-truncated.png")).contains("truncated PNG");
        assertThat(reasons.get("03-corrupt.png")).contains("truncated PNG");
        assertThat(reasons.get("04-empty.jpg")).contains("empty file");
        assertThat(reasons.get("05-float.tif")).contains("unsupported pixel type CV_32FC1");
        assertThat(reasons.get("06-cut.jpg")).contains("truncated JPEG");
        for (String name : reasons.keySet()) {
            assertThat(dir.resolve("quarantine").resolve(name)).exists();
            assertThat(Files.readString(dir.resolve("quarantine").resolve(name + ".reason.txt"))).contains(reasons.get(name));
            assertThat(dir.resolve(name)).doesNotExist();
        }
        assertThat(good1).exists();
    }

    @Test
    void undecodable_bytes_with_a_complete_trailer_are_refused_as_corrupt() {
        byte[] fake = new byte[64];
        fake[fake.length - 2] = (byte) 0xFF;
        fake[fake.length - 1] = (byte) 0xD9;
        assertThatThrownBy(() -> ImageFiles.decodeGrey("x.jpg", fake))
                .isInstanceOf(ImageFiles.UnusableImageException.class)
                .hasMessageContaining("cannot decode");
    }

    @Test
    void a_missing_folder_is_a_clear_error() {
        assertThatThrownBy(() -> new ImageFolderSource(dir.resolve("nope"), new Quarantine(dir.resolve("q")), "cam",
                PixelPitch.square(50), 0)).hasMessageContaining("does not exist");
    }
}
