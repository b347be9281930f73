package org.sinterscope.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.sinterscope.models.crack.DefaultCrackSegmenter;

class SurfaceDefectSetTest {

    @Test
    void counts_follow_the_imbalanced_make_up_with_at_least_three_per_class() {
        int[] full = SurfaceDefectSet.counts(1);
        assertThat(full).containsExactly(115, 85, 57, 32, 952, 103);
        int total = java.util.Arrays.stream(full).sum();
        assertThat(total).isEqualTo(1344);
        assertThat(full[SurfaceDefectSet.CLASSES.indexOf("free")] / (double) total).isBetween(0.70, 0.72);
        assertThat(SurfaceDefectSet.counts(0.01)).containsOnly(3, 10);
        assertThatThrownBy(() -> SurfaceDefectSet.counts(0)).hasMessageContaining("scale");
    }

    @Test
    void writes_every_class_with_varying_sizes_and_is_reproducible(@TempDir Path dir) throws Exception {
        Path photos = DefaultCrackSegmenter.findData(Path.of(""));
        assumeTrue(photos != null, "shared/data/deepcrack-train not found above " + Path.of("").toAbsolutePath());
        int[] n = SurfaceDefectSet.write(photos, dir.resolve("a"), 0.05, 3);
        SurfaceDefectSet.write(photos, dir.resolve("b"), 0.05, 3);
        assertThat(n).containsExactly(6, 4, 3, 3, 48, 5);
        ImageFolderDataset ds = ImageFolderDataset.scan(dir.resolve("a"));
        assertThat(ds.classes()).containsExactlyElementsOf(SurfaceDefectSet.CLASSES);
        assertThat(ds.allSamples()).hasSize(69);
        Set<String> sizes = new HashSet<>();
        for (ImageFolderDataset.Sample s : ds.allSamples()) {
            Mat img = Imgcodecs.imread(s.file().toString(), Imgcodecs.IMREAD_UNCHANGED);
            try {
                int longer = Math.max(img.cols(), img.rows());
                int shorter = Math.min(img.cols(), img.rows());
                assertThat(shorter).as(s.file().toString()).isGreaterThanOrEqualTo(32);
                assertThat(longer).as(s.file().toString()).isLessThanOrEqualTo(SurfaceDefectSet.MAX_SIDE);
                sizes.add(img.cols() + "x" + img.rows());
            } finally {
                img.release();
            }
        }
        assertThat(sizes.size()).as("distinct image sizes").isGreaterThan(30);
        // same seed, same files
        assertThat(ds.dataHash()).isEqualTo(ImageFolderDataset.scan(dir.resolve("b")).dataHash());
        try (Stream<Path> a = Files.walk(dir.resolve("a")).filter(Files::isRegularFile).sorted()) {
            List<Path> files = a.toList();
            for (Path f : files.subList(0, 5)) {
                assertThat(Files.readAllBytes(f)).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(dir.resolve("a").relativize(f))));
            }
        }
    }
}
