package org.sinterscope.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.opencv.core.Point;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.folder.CraftedImages;

/**
 * Bad input and failures on the command line: with {@code --json} every command prints exactly one
 * JSON document (an {@code error} one when it failed) and a non-zero exit code; a crafted or
 * unreadable file in a data folder is skipped and reported while the rest is evaluated.
 */
class BadInputCommandsTest {

    @BeforeAll
    static void opencv() {
        OpenCvNative.load();
    }

    /** The documents on stdout: exactly one is expected. */
    private static List<JsonNode> documents(String out) throws Exception {
        try (MappingIterator<JsonNode> it = Json.mapper().readerFor(JsonNode.class).readValues(out)) {
            return it.readAll();
        }
    }

    private static JsonNode oneError(CliRun r) throws Exception {
        assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isNotZero();
        List<JsonNode> docs = documents(r.out());
        assertThat(docs).as("stdout: %s", r.out()).hasSize(1);
        assertThat(docs.get(0).get("error").asText()).isNotBlank();
        return docs.get(0);
    }

    @Test
    void usage_errors_are_one_json_error_document_with_exit_code_2() throws Exception {
        CliRun r = CliRun.of("demo", "--meters", "abc", "--no-web", "--json");
        JsonNode e = oneError(r);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(e.get("error").asText()).contains("--meters");
        assertThat(e.get("exitCode").asInt()).isEqualTo(2);
        assertThat(oneError(CliRun.of("cracks", "evaluate", "--images", "i", "--masks", "m", "--no-such-option", "--json")).get("error").asText())
                .contains("--no-such-option");
    }

    @Test
    void missing_files_and_folders_are_one_json_error_document() throws Exception {
        assertThat(oneError(CliRun.of("classifier", "evaluate", "--model", "/no/such/model.zip", "--data", "/no/such/dir", "--json"))
                .get("error").asText()).contains("/no/such");
        assertThat(oneError(CliRun.of("cracks", "evaluate", "--images", "/no/such/images", "--masks", "/no/such/masks", "--json"))
                .get("error").asText()).contains("/no/such/images");
        // several files: one document that lists what failed, exit code 1
        CliRun r = CliRun.of("roughness", "/no/such/trace.csv", "--json");
        assertThat(r.exit()).isEqualTo(1);
        List<JsonNode> docs = documents(r.out());
        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).get("ok").asBoolean()).isFalse();
        assertThat(docs.get(0).get("failures").toString()).contains("/no/such/trace.csv");
    }

    private static void writeCrack(Path image, Path mask) {
        Mat img = new Mat(96, 128, CvType.CV_8UC1, new Scalar(170));
        Mat m = new Mat(96, 128, CvType.CV_8UC1, new Scalar(0));
        try {
            Imgproc.line(img, new Point(10, 20), new Point(118, 80), new Scalar(40), 2);
            Imgproc.line(m, new Point(10, 20), new Point(118, 80), new Scalar(255), 2);
            assertThat(Imgcodecs.imwrite(image.toString(), img)).isTrue();
            assertThat(Imgcodecs.imwrite(mask.toString(), m)).isTrue();
        } finally {
            img.release();
            m.release();
        }
    }

    @Test
    void cracks_evaluate_reports_a_crafted_image_and_evaluates_the_rest(@TempDir Path dir) throws Exception {
        Path images = Files.createDirectories(dir.resolve("images"));
        Path masks = Files.createDirectories(dir.resolve("masks"));
        writeCrack(images.resolve("a.png"), masks.resolve("a.png"));
        Files.write(images.resolve("b.png"), CraftedImages.pngClaiming(100_000, 100_000));
        writeCrack(images.resolve("c.png"), masks.resolve("c.png"));
        Files.copy(masks.resolve("a.png"), masks.resolve("b.png"));
        CliRun r = CliRun.of("cracks", "evaluate", "--images", images.toString(), "--masks", masks.toString(), "--model", "none",
                "--json");
        List<JsonNode> docs = documents(r.out());
        assertThat(docs).as("stdout: %s; stderr: %s", r.out(), r.err()).hasSize(1);
        String text = docs.get(0).toString();
        assertThat(text).contains("100000 × 100000");
        assertThat(docs.get(0).get("summary").get("images").asInt()).isEqualTo(2);
    }

    @Test
    void classifier_evaluate_skips_a_file_that_is_not_an_image_and_says_so(@TempDir Path dir) throws Exception {
        Path bundle = ClassifierCommandTest.defaultBundle();
        assumeTrue(bundle != null, "default bundle not found");
        CliRun gen = CliRun.of("classifier", "generate", "--kind", "line", "--out", dir.toString(), "--per-class", "3", "--seed", "5",
                "--json");
        assertThat(gen.exit()).as(gen.err()).isZero();
        Path someClass;
        try (var s = Files.list(dir)) {
            someClass = s.filter(Files::isDirectory).sorted().findFirst().orElseThrow();
        }
        Files.writeString(someClass.resolve("zz-notes.png"), "a note saved with the wrong name");
        Files.write(someClass.resolve("zz-huge.png"), CraftedImages.pngClaiming(100_000, 100_000));
        CliRun r = CliRun.of("classifier", "evaluate", "--model", bundle.toString(), "--data", dir.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> docs = documents(r.out());
        assertThat(docs).hasSize(1);
        JsonNode doc = docs.get(0);
        assertThat(doc.get("samples").asInt()).isEqualTo(21);
        assertThat(doc.get("skipped")).hasSize(2);
        assertThat(doc.get("skipped").toString()).contains("zz-notes.png", "zz-huge.png", "100000 × 100000");
    }
}
