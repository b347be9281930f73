package org.sinterscope.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/** A simulated stretch of line written by {@code simulate}, and station settings for a hot folder over it. */
record StationFiles(Path dir, Path sim, Path hot, Path config, JsonNode truth) {

    /** {@code simulate --meters meters --seed 5} into {@code dir/sim}; the hot folder {@code dir/hot} (empty). */
    static StationFiles create(Path dir, double meters) throws IOException {
        Path sim = dir.resolve("sim");
        CliRun r = CliRun.of("simulate", "--meters", Double.toString(meters), "--seed", "5", "--out", sim.toString(), "--json");
        if (r.exit() != 0) {
            throw new AssertionError("simulate failed: " + r.err());
        }
        JsonNode truth = Json.mapper().readTree(sim.resolve("truth.json").toFile());
        return new StationFiles(dir, sim, Files.createDirectories(dir.resolve("hot")), dir.resolve("station.properties"), truth);
    }

    /** Writes the settings file: these lines after the ones that put the station's files under {@code dir}. */
    Path settings(String... lines) throws IOException {
        String base = String.join("\n",
                "sinterscope.station.id = test-line",
                "sinterscope.camera.coat-cam-1.folder = " + hot,
                "sinterscope.camera.x0-mm = " + truth.get("x0Mm").asDouble(),
                "sinterscope.camera.pixel-um = " + truth.get("pixelUm").asDouble(),
                "sinterscope.camera.settle-ms = 0",
                "sinterscope.camera.poll-ms = 50",
                "sinterscope.classifier.bundle = none",
                "sinterscope.journal.dir = " + dir.resolve("journal"),
                "sinterscope.store.dir = " + dir.resolve("store"),
                "sinterscope.foil.inbox = " + dir.resolve("foil"),
                "sinterscope.web.port = -1");
        Files.writeString(config, base + "\n" + String.join("\n", lines) + "\n");
        return config;
    }

    /** The simulated frames, in order. */
    List<Path> frames() throws IOException {
        try (Stream<Path> s = Files.list(sim)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().toList();
        }
    }

    /** Copies the frames into the hot folder, each appearing whole (copy, then rename). */
    void drop(List<Path> frames) throws IOException {
        for (Path f : frames) {
            Path part = hot.resolve("." + f.getFileName() + ".part");
            Files.copy(f, part);
            Files.move(part, hot.resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Lines of the journal with outcome {@code outcome}. */
    long journalled(String outcome) throws IOException {
        Path j = dir.resolve("journal").resolve("test-line.jsonl");
        if (!Files.exists(j)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(j)) {
            return lines.filter(l -> l.contains("\"outcome\":\"" + outcome + "\"")).count();
        }
    }
}
