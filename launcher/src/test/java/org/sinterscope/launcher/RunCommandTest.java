package org.sinterscope.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --config} in this JVM: the station assembled from a settings file over a hot folder; and its settings check. */
class RunCommandTest {

    @TempDir
    static Path dir;
    static StationFiles files;

    @BeforeAll
    static void simulate() throws IOException {
        files = StationFiles.create(dir, 0.25);
    }

    @Test
    void simulate_writes_one_png_per_frame_and_the_truth() throws IOException {
        assertEquals(files.truth().get("frames").size(), files.frames().size());
        assertTrue(files.frames().size() >= 4, "0.25 m of 51.2 mm frames");
    }

    @Test
    void images_in_the_hot_folder_are_inspected_decided_stored_and_moved() throws IOException {
        List<Path> frames = files.frames();
        files.drop(frames);
        Files.writeString(files.hot().resolve("frame-999999.png"), "not an image");
        Path cfg = files.settings("sinterscope.camera.watch = false", "sinterscope.metrics.port = -1");
        CliRun r = CliRun.of("run", "--config", cfg.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode s = Json.mapper().readTree(r.out());
        assertEquals(frames.size(), s.get("framesIn").asInt(), r.out());
        assertEquals(frames.size(), s.get("verdicts").asInt(), r.out());
        assertEquals(0, s.get("undone").size(), r.out());
        assertEquals(s.get("commands").asLong(), files.journalled("DECIDED"), "every decided command is in the journal");
        assertEquals(frames.size(), count(files.hot().resolve("done")));
        assertTrue(Files.exists(files.hot().resolve("quarantine").resolve("frame-999999.png.reason.txt")));
        assertEquals(0, count(files.hot()) - 2, "only done/ and quarantine/ are left in the hot folder");
    }

    @Test
    void unknown_key_exits_2_naming_the_key_and_the_file() throws IOException {
        Path cfg = files.settings("sinterscope.camera.coat-cam-1.pixel-size = 50");
        CliRun r = CliRun.of("run", "--config", cfg.toString(), "--json");
        assertEquals(2, r.exit(), r.out() + r.err());
        JsonNode p = Json.mapper().readTree(r.out()).get("problems").get(0);
        assertEquals("sinterscope.camera.coat-cam-1.pixel-size", p.get("key").asText());
        assertEquals(cfg.toString(), p.get("file").asText());
    }

    @Test
    void missing_folder_and_bad_number_exit_2() throws IOException {
        Path cfg = files.settings("sinterscope.camera.coat-cam-1.folder = " + dir.resolve("no-such-folder"));
        CliRun r = CliRun.of("run", "--config", cfg.toString(), "--json");
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.out().contains("no-such-folder") && r.out().contains("does not exist"), r.out());
        cfg = files.settings("sinterscope.shutdown.grace-ms = ten seconds");
        r = CliRun.of("run", "--config", cfg.toString());
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("sinterscope.shutdown.grace-ms: must be a whole number, got 'ten seconds'"), r.err());
        r = CliRun.of("run", "--config", dir.resolve("absent.properties").toString(), "--json");
        assertEquals(2, r.exit());
        assertTrue(Json.mapper().readTree(r.out()).get("error").asText().contains("does not exist"), r.out());
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.count();
        }
    }
}
