package org.sinterscope.models.crack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.inspection.crack.SegmenterBundle;
import org.sinterscope.inspection.crack.SegmenterMetadata;

class CrackSegmenterTrainerTest {

    @TempDir
    static Path dir;

    /** 10 images 96 × 96: noise around grey 140 with one dark line (grey 70, 2 px) at a seeded place, and its mask. */
    @BeforeAll
    static void data() throws Exception {
        OpenCvNative.load();
        Files.createDirectories(dir.resolve("images"));
        Files.createDirectories(dir.resolve("masks"));
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < 10; i++) {
            Mat img = new Mat(96, 96, CvType.CV_8UC1);
            byte[] v = new byte[96 * 96];
            for (int k = 0; k < v.length; k++) {
                v[k] = (byte) (130 + rnd.nextInt(20));
            }
            img.put(0, 0, v);
            Mat mask = Mat.zeros(96, 96, CvType.CV_8UC1);
            Point a = new Point(rnd.nextInt(20), rnd.nextInt(96));
            Point b = new Point(76 + rnd.nextInt(20), rnd.nextInt(96));
            Imgproc.line(img, a, b, new Scalar(70), 2);
            Imgproc.line(mask, a, b, new Scalar(255), 2);
            assertThat(Imgcodecs.imwrite(dir.resolve("images/" + i + ".png").toString(), img)).isTrue();
            assertThat(Imgcodecs.imwrite(dir.resolve("masks/" + i + ".png").toString(), mask)).isTrue();
            img.release();
            mask.release();
        }
    }

    private static SegmenterTrainingSettings tiny(long seed) {
        return new SegmenterTrainingSettings(seed, 2, 32, 4, 8, 2, 2, 3e-3, 1.0, 4, 8, 8, 0, 3.0, 1.0, 10, 0.6, 0, null);
    }

    private static byte[] bytes(SegmenterBundle b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.write(out);
        return out.toByteArray();
    }

    @Test
    void training_is_reproducible_from_its_seed_and_the_bundle_describes_the_run() throws Exception {
        CrackDataset data = CrackDataset.scan(dir.resolve("images"), dir.resolve("masks"));
        CrackSegmenterTrainer.Result a = new CrackSegmenterTrainer(tiny(5)).train(data);
        CrackSegmenterTrainer.Result b = new CrackSegmenterTrainer(tiny(5)).train(data);
        CrackSegmenterTrainer.Result c = new CrackSegmenterTrainer(tiny(6)).train(data);

        assertThat(a.bundle().metadata().graphSha256()).as("same seed, same graph").isEqualTo(b.bundle().metadata().graphSha256());
        assertThat(a.bundle().metadata().graphSha256()).as("other seed, other graph").isNotEqualTo(c.bundle().metadata().graphSha256());
        assertThat(a.bundle().metadata().threshold()).isEqualTo(b.bundle().metadata().threshold());
        assertThat(a.bundle().metadata().samples()).containsEntry("train", 8).containsEntry("val", 2);
        assertThat(a.bundle().metadata().parameterCount()).isEqualTo(new CrackSegNet(4, 8, 8, 3).parameterCount());
        assertThat(a.bundle().metadata().dataHash()).isEqualTo(c.bundle().metadata().dataHash()).hasSize(64);
        assertThat(a.validation().images()).isEqualTo(2);
        assertThat(a.bestEpoch()).isBetween(1, a.epochsRun());
        // the written bundle loads back (all checks of SegmenterBundle.load)
        Path f = dir.resolve("out/a.zip");
        SegmenterFiles.write(a.bundle(), f);
        assertThat(SegmenterFiles.read(f).metadata()).isEqualTo(a.bundle().metadata());
        assertThat(bytes(SegmenterFiles.read(f)).length).isEqualTo((int) Files.size(f));
    }

    @Test
    void calibration_keeps_the_graph_records_its_settings_and_is_at_least_as_good_as_the_best_plain_threshold()
            throws Exception {
        CrackDataset data = CrackDataset.scan(dir.resolve("images"), dir.resolve("masks"));
        CrackSegmenterTrainer trainer = new CrackSegmenterTrainer(tiny(5));
        SegmenterBundle trained = trainer.train(data).bundle();
        CrackSegmenterTrainer.Result r = trainer.recalibrate(trained, data, 32, List.of(1.0, 0.5));
        SegmenterMetadata md = r.bundle().metadata();
        assertThat(md.graphSha256()).as("same graph").isEqualTo(trained.metadata().graphSha256());
        assertThat(md.normWindowPx()).isEqualTo(32);
        assertThat(md.scales()).containsExactly(1.0, 0.5);
        assertThat(md.seedThreshold()).isGreaterThanOrEqualTo(md.threshold());
        assertThat(r.validation().images()).isEqualTo(2);
        // ODS = best plain threshold of the same map; the calibrated mask (plain or hysteresis) is at least that good
        assertThat(r.validation().tolerantF1()).isGreaterThanOrEqualTo(r.validation().ods() - 1e-9);
        assertThat(md.evaluation()).containsEntry("valTolerantF1", r.validation().tolerantF1());
        assertThat(trainer.recalibrate(trained, data, 32, List.of(1.0, 0.5)).bundle().metadata()).as("deterministic")
                .isEqualTo(md);
    }
}
