package org.sinterscope.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierCommandTest {

    static Path defaultBundle() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("models/bundles/default-classifier.zip"))) {
            p = p.getParent();
        }
        return p == null ? null : p.resolve("models/bundles/default-classifier.zip");
    }

    @Test
    void evaluate_prints_one_json_document_with_figures_and_named_confusion_matrix(@TempDir Path dir) throws Exception {
        Path bundle = defaultBundle();
        assumeTrue(bundle != null, "default bundle not found");
        CliRun gen = CliRun.of("classifier", "generate", "--kind", "line", "--out", dir.toString(), "--per-class", "6", "--seed", "123", "--json");
        assertThat(gen.exit()).as(gen.err()).isZero();
        CliRun r = CliRun.of("classifier", "evaluate", "--model", bundle.toString(), "--data", dir.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("samples").asInt()).isEqualTo(42);
        assertThat(doc.get("accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(doc.get("macroF1").asDouble()).isBetween(0.0, 1.0);
        assertThat(doc.get("perClass")).hasSize(7);
        assertThat(doc.get("perClass").get(0).has("precision")).isTrue();
        assertThat(doc.get("confusion").get("classes").get(2).asText()).isEqualTo("lookalike");
        assertThat(doc.get("confusion").get("rowsActualColumnsPredicted")).hasSize(7);
    }

    @Test
    void train_writes_a_bundle_and_reports_validation_figures(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        assertThat(CliRun.of("classifier", "generate", "--kind", "textures", "--out", data.toString(), "--per-class", "8").exit()).isZero();
        Path out = dir.resolve("m.zip");
        CliRun r = CliRun.of("classifier", "train", "--data", data.toString(), "--out", out.toString(), "--epochs", "1",
                "--input-size", "32", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("bundle").asText()).isEqualTo(out.toAbsolutePath().toString());
        assertThat(doc.get("validation").get("macroF1").isNumber()).isTrue();
        assertThat(Files.size(out)).isPositive();
    }

    @Test
    void missing_data_folder_fails_with_its_name() {
        CliRun r = CliRun.of("classifier", "evaluate", "--model", "nope.zip", "--data", "/no/such/dir");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("nope.zip");
    }
}
