package org.sinterscope.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.OpenCvNative;

class CracksModelOptionTest {

    private static Path image(Path dir) {
        OpenCvNative.load();
        Mat img = new Mat(120, 160, CvType.CV_8UC1, new Scalar(150));
        Imgproc.line(img, new Point(10, 20), new Point(150, 90), new Scalar(60), 3);
        Path f = dir.resolve("a.png");
        assertThat(Imgcodecs.imwrite(f.toString(), img)).isTrue();
        img.release();
        return f;
    }

    @Test
    void a_broken_model_file_fails_with_one_json_error_and_exit_1(@TempDir Path dir) throws Exception {
        Path img = image(dir);
        Path bad = Files.writeString(dir.resolve("bad.zip"), "not a bundle");
        CliRun r = CliRun.of("cracks", "detect", img.toString(), "--model", bad.toString(), "--json");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("error").asText()).contains("bad.zip");
    }

    @Test
    void model_none_runs_the_classical_detector(@TempDir Path dir) throws Exception {
        Path img = image(dir);
        CliRun r = CliRun.of("cracks", "detect", img.toString(), "--model", "none", "--json");
        assertThat(r.exit()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("detector").asText()).startsWith("classical");
        assertThat(doc.get("images").get(0).get("measurements").get("crackCount").asInt()).isEqualTo(1);
    }

    @Test
    void without_model_the_shipped_learned_segmenter_runs(@TempDir Path dir) throws Exception {
        Path img = image(dir);
        CliRun r = CliRun.of("cracks", "detect", img.toString(), "--json");
        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("detector").asText()).startsWith("learned").contains("default-crack-segmenter.zip");
    }

    @Test
    void a_seed_threshold_below_the_mask_threshold_fails_with_one_json_error(@TempDir Path dir) throws Exception {
        Path img = image(dir);
        CliRun r = CliRun.of("cracks", "detect", img.toString(), "--threshold", "0.5", "--seed-threshold", "0.3", "--json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(r.out()).get("error").asText()).contains("seed threshold").contains("0.3");
        CliRun plain = CliRun.of("cracks", "detect", img.toString(), "--threshold", "0.6", "--seed-threshold", "0.6", "--json");
        assertThat(plain.exit()).as("stderr: %s", plain.err()).isZero();
        assertThat(new ObjectMapper().readTree(plain.out()).get("detector").asText()).contains("seed threshold 0.6");
    }

    @Test
    void calibrate_refuses_input_scales_out_of_range_as_bad_usage(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("cracks", "calibrate", "--out", dir.resolve("c.zip").toString(), "--data", dir.toString(),
                "--scales", "1,5", "--json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(new ObjectMapper().readTree(r.out()).get("error").asText()).contains("--scales");
    }
}
