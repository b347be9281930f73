package org.sinterscope.models.crack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.inspection.crack.CrackDetector;
import org.sinterscope.inspection.crack.CrackDetectorConfig;
import org.sinterscope.inspection.crack.CrackEvaluator;

class CrackDatasetEvaluationTest {

    private static void write(Path p, Mat m) {
        assertThat(Imgcodecs.imwrite(p.toString(), m)).isTrue();
        m.release();
    }

    private static Mat crackImage(int w, int h) {
        Mat img = new Mat(h, w, CvType.CV_8UC1, new Scalar(150));
        Imgproc.line(img, new Point(10, 20), new Point(w - 10, h - 30), new Scalar(60), 3);
        return img;
    }

    private static Mat redMask(int w, int h) {
        Mat m = new Mat(h, w, CvType.CV_8UC3, new Scalar(0, 0, 0));
        Imgproc.line(m, new Point(10, 20), new Point(w - 10, h - 30), new Scalar(0, 0, 255), 3); // BGR red
        return m;
    }

    @Test
    void missing_mask_size_mismatch_and_unreadable_file_are_reported_per_image(@TempDir Path dir) throws Exception {
        OpenCvNative.load();
        Path images = Files.createDirectories(dir.resolve("images"));
        Path masks = Files.createDirectories(dir.resolve("masks"));
        write(images.resolve("good.png"), crackImage(160, 120));
        write(masks.resolve("good.png"), redMask(160, 120));
        write(images.resolve("nomask.png"), crackImage(160, 120));
        write(images.resolve("mismatch.png"), crackImage(160, 120));
        write(masks.resolve("mismatch.png"), redMask(100, 80));
        Files.writeString(images.resolve("broken.jpg"), "not a jpeg");
        write(masks.resolve("broken.png"), redMask(160, 120));

        CrackDatasetEvaluation.Report r = new CrackDatasetEvaluation(
                new CrackEvaluator(new CrackDetector(CrackDetectorConfig.standard()), 2)).run(CrackDataset.scan(images, masks));

        Map<String, String> errors = r.outcomes().stream().filter(o -> !o.ok())
                .collect(Collectors.toMap(CrackDatasetEvaluation.ImageOutcome::stem, CrackDatasetEvaluation.ImageOutcome::error));
        assertThat(errors).containsOnlyKeys("nomask", "mismatch", "broken");
        assertThat(errors.get("nomask")).contains("no mask");
        assertThat(errors.get("mismatch")).contains("size mismatch").contains("160x120").contains("100x80");
        assertThat(errors.get("broken")).contains("broken.jpg");
        assertThat(r.summary().images()).isEqualTo(1);
        // the red (RGB) mask reads as crack, and the synthetic crack is found
        assertThat(r.summary().tolerantF1()).isGreaterThan(0.9);
    }

    @Test
    void scale_resizes_image_and_mask_together(@TempDir Path dir) throws Exception {
        OpenCvNative.load();
        Path images = Files.createDirectories(dir.resolve("images"));
        Path masks = Files.createDirectories(dir.resolve("masks"));
        write(images.resolve("a.png"), crackImage(320, 240));
        write(masks.resolve("a.png"), redMask(320, 240));
        CrackDataset data = CrackDataset.scan(images, masks);
        CrackEvaluator ev = new CrackEvaluator(new CrackDetector(CrackDetectorConfig.standard()), 2);
        long truth1 = new CrackDatasetEvaluation(ev).run(data).outcomes().get(0).evaluation().mask().truth();
        for (double scale : new double[] {0.5, 2.0}) {
            CrackDatasetEvaluation.Report r = new CrackDatasetEvaluation(ev, scale).run(data);
            assertThat(r.failed()).isZero();
            // a line's area scales with the square of the factor (its width and its length)
            double ratio = (double) r.outcomes().get(0).evaluation().mask().truth() / truth1;
            assertThat(ratio).as("truth area ratio at %s", scale).isBetween(0.7 * scale * scale, 1.3 * scale * scale);
            assertThat(r.summary().tolerantF1()).as("tolerant F1 at %s", scale).isGreaterThan(0.9);
        }
        assertThatThrownBy(() -> new CrackDatasetEvaluation(ev, 0.05)).hasMessageContaining("0.05");
    }

    @Test
    void seeded_split_is_stable_and_disjoint(@TempDir Path dir) throws Exception {
        Path images = Files.createDirectories(dir.resolve("i"));
        Path masks = Files.createDirectories(dir.resolve("m"));
        for (int i = 0; i < 30; i++) {
            Files.writeString(images.resolve("im" + i + ".jpg"), "x");
        }
        CrackDataset all = CrackDataset.scan(images, masks);
        CrackDataset a = all.part(CrackDataset.Part.HELDOUT, 4, 10);
        CrackDataset b = all.part(CrackDataset.Part.HELDOUT, 4, 10);
        CrackDataset tune = all.part(CrackDataset.Part.TUNE, 4, 10);
        assertThat(a).isEqualTo(b);
        assertThat(a.size()).isEqualTo(10);
        assertThat(tune.size()).isEqualTo(20);
        assertThat(tune.items()).doesNotContainAnyElementsOf(a.items());
    }
}
