package org.sinterscope.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.sinterscope.camera.OpenCvNative;

class ImageFolderDatasetTest {

    private static void image(Path file, int w, int h, Scalar value, int type) throws Exception {
        OpenCvNative.load();
        Files.createDirectories(file.getParent());
        Mat m = new Mat(h, w, type, value);
        try {
            assertThat(Imgcodecs.imwrite(file.toString(), m)).isTrue();
        } finally {
            m.release();
        }
    }

    @Test
    void given_split_is_used_as_it_is(@TempDir Path dir) throws Exception {
        for (String s : new String[] {"train", "val", "test"}) {
            for (String c : new String[] {"a", "b"}) {
                for (int i = 0; i < (s.equals("train") ? 3 : 1); i++) {
                    image(dir.resolve(s).resolve(c).resolve(i + ".png"), 20, 30, new Scalar(c.equals("a") ? 10 : 200), CvType.CV_8UC1);
                }
            }
        }
        ImageFolderDataset ds = ImageFolderDataset.scan(dir);
        assertThat(ds.hasSplit()).isTrue();
        DataSplit split = ds.load(16, 0.15, 0.15, 1);
        assertThat(split.train().size()).isEqualTo(6);
        assertThat(split.val().size()).isEqualTo(2);
        assertThat(split.test().size()).isEqualTo(2);
        assertThat(split.train().classes()).containsExactly("a", "b");
    }

    @Test
    void colour_images_of_any_size_are_read_as_grey(@TempDir Path dir) throws Exception {
        image(dir.resolve("a/x.png"), 50, 40, new Scalar(255, 0, 0), CvType.CV_8UC3);
        image(dir.resolve("b/y.bmp"), 300, 10, new Scalar(128), CvType.CV_8UC1);
        ImageFolderDataset ds = ImageFolderDataset.scan(dir);
        PatchSet all = ds.loadForEvaluation(8);
        assertThat(all.size()).isEqualTo(2);
        // pure blue reads as grey 0.114 * 255 = 29
        assertThat((double) all.values()[0]).isCloseTo(29.0 / 255, org.assertj.core.data.Offset.offset(1.0 / 255));
        assertThat((double) all.values()[64]).isCloseTo(128.0 / 255, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void stratified_split_is_seeded_disjoint_and_keeps_every_class(@TempDir Path dir) throws Exception {
        SyntheticTextures.write(dir, 10, 3);
        ImageFolderDataset ds = ImageFolderDataset.scan(dir);
        DataSplit a = ds.load(16, 0.2, 0.2, 9);
        DataSplit b = ds.load(16, 0.2, 0.2, 9);
        DataSplit c = ds.load(16, 0.2, 0.2, 10);
        assertThat(a.val().sources()).isEqualTo(b.val().sources());
        assertThat(a.val().sources()).isNotEqualTo(c.val().sources());
        Set<String> seen = new HashSet<>(a.train().sources());
        assertThat(a.val().sources()).noneMatch(seen::contains);
        assertThat(a.test().sources()).noneMatch(seen::contains).noneMatch(a.val().sources()::contains);
        assertThat(a.train().size() + a.val().size() + a.test().size()).isEqualTo(60);
        assertThat(a.val().countsPerClass()).containsOnly(2);
        assertThat(Arrays.stream(a.test().countsPerClass()).min().orElse(0)).isEqualTo(2);
    }

    @Test
    void unreadable_image_is_named_in_the_error(@TempDir Path dir) throws Exception {
        image(dir.resolve("a/ok.png"), 10, 10, new Scalar(1), CvType.CV_8UC1);
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/broken.png"), "not a png");
        ImageFolderDataset ds = ImageFolderDataset.scan(dir);
        assertThatThrownBy(() -> ds.loadForEvaluation(8)).hasMessageContaining("broken.png");
    }

    @Test
    void missing_folder_or_single_class_is_refused(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ImageFolderDataset.scan(dir.resolve("nope"))).hasMessageContaining("nope");
        image(dir.resolve("only/x.png"), 10, 10, new Scalar(1), CvType.CV_8UC1);
        assertThatThrownBy(() -> ImageFolderDataset.scan(dir)).hasMessageContaining("at least 2 class");
    }
}
