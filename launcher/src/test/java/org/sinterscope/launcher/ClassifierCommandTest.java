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
        assertThat(doc.get("perClass").get(0).has("predicted")).isTrue();
        assertThat(doc.get("macroRecall").asDouble()).isBetween(0.0, 1.0);
        assertThat(doc.get("warnings").isArray()).isTrue();
    }

    @Test
    void evaluate_warns_in_text_and_json_when_a_class_is_nearly_never_predicted(@TempDir Path dir) throws Exception {
        Path bundle = defaultBundle();
        assumeTrue(bundle != null, "default bundle not found");
        // crop windows of the line's classes, plus a folder "pinhole" filled with streak crops: the
        // model calls them streaks, so "pinhole" is nearly never predicted for its samples
        Path data = dir.resolve("d");
        assertThat(CliRun.of("classifier", "generate", "--kind", "line", "--out", data.toString(), "--per-class", "5", "--seed", "321").exit()).isZero();
        try (var files = Files.list(data.resolve("pinhole"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        try (var files = Files.list(data.resolve("streak"))) {
            for (Path f : files.toList()) {
                Files.copy(f, data.resolve("pinhole").resolve("s-" + f.getFileName()));
            }
        }
        CliRun json = CliRun.of("classifier", "evaluate", "--model", bundle.toString(), "--data", data.toString(), "--json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode doc = Json.mapper().readTree(json.out());
        assertThat(doc.get("warnings").findValuesAsText("class")).contains("pinhole");
        CliRun text = CliRun.of("classifier", "evaluate", "--model", bundle.toString(), "--data", data.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("WARNING: class 'pinhole' is nearly never predicted");
    }

    @Test
    void train_writes_a_bundle_and_reports_validation_figures(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        assertThat(CliRun.of("classifier", "generate", "--kind", "textures", "--out", data.toString(), "--per-class", "8").exit()).isZero();
        Path out = dir.resolve("m.zip");
        CliRun r = CliRun.of("classifier", "train", "--data", data.toString(), "--out", out.toString(), "--epochs", "1",
                "--input-size", "32", "--fit", "pad", "--balance", "weights", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("bundle").asText()).isEqualTo(out.toAbsolutePath().toString());
        assertThat(doc.get("imageFit").asText()).isEqualTo("pad");
        assertThat(doc.get("training").asText()).contains("balance=weights", "select=val_macro_f1");
        assertThat(doc.get("validation").get("macroF1").isNumber()).isTrue();
        assertThat(Files.size(out)).isPositive();
    }

    @Test
    void unknown_choices_are_bad_usage() {
        for (String[] bad : new String[][] {{"--fit", "crop"}, {"--balance", "smote"}, {"--select", "accuracy"}, {"--pool", "max"}}) {
            CliRun r = CliRun.of("classifier", "train", "--data", "/no/such/dir", "--out", "x.zip", bad[0], bad[1]);
            assertThat(r.exit()).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(r.err()).contains(bad[0]);
        }
    }

    @Test
    void missing_data_folder_fails_with_its_name() {
        CliRun r = CliRun.of("classifier", "evaluate", "--model", "nope.zip", "--data", "/no/such/dir");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("nope.zip");
    }
}
