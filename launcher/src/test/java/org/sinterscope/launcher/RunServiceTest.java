package org.sinterscope.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sinterscope run} as a real child process (the launcher's java command): images dropped
 * into its hot folder are counted on {@code /metrics} over HTTP, {@code /health} is ready, and
 * SIGTERM ends it with exit 0, every frame decided and every decided command in the journal.
 */
class RunServiceTest {

    @TempDir
    Path dir;
    private Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void sigterm_drains_the_station_and_exits_0() throws Exception {
        StationFiles files = StationFiles.create(dir, 0.2);
        int port = freePort();
        int webPort = freePort();
        Path cfg = files.settings("sinterscope.metrics.port = " + port, "sinterscope.web.port = " + webPort);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String natives = System.getProperty("org.bytedeco.javacpp.cachedir", System.getProperty("java.io.tmpdir"));
        process = new ProcessBuilder(java, "-Xmx1500m", "-Djava.io.tmpdir=" + dir, "-Dorg.bytedeco.javacpp.cachedir=" + natives,
                "-cp", System.getProperty("java.class.path"), SinterscopeCli.class.getName(), "run", "--config", cfg.toString(), "--json")
                .redirectError(dir.resolve("stderr.log").toFile()).redirectOutput(dir.resolve("stdout.json").toFile()).start();
        String base = "http://127.0.0.1:" + port;
        String web = "http://127.0.0.1:" + webPort; // the review app, with the station's endpoints mounted
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                // the ops server starts before the review app: wait for both
                .until(() -> !process.isAlive() || get(base + "/health").statusCode() == 200 && get(web + "/health").statusCode() == 200);
        assertTrue(process.isAlive(), () -> "the station ended at start: " + stderr());
        assertTrue(get(base + "/health").body().contains("\"ready\" : true"));
        HttpResponse<String> h = get(web + "/health");
        assertEquals(200, h.statusCode(), h.body());
        List<Path> frames = files.frames();
        files.drop(frames);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> metric(get(web + "/metrics").body(), "sinterscope_verdicts_total") >= frames.size());
        String scrape = get(web + "/metrics").body();
        assertEquals(frames.size(), metric(get(base + "/metrics").body(), "sinterscope_frames_inspected_total"));
        assertEquals(frames.size(), metric(scrape, "sinterscope_frames_in_total"), scrape);
        assertEquals(frames.size(), metric(scrape, "sinterscope_frames_inspected_total"), scrape);
        assertTrue(scrape.contains("sinterscope_inspection_seconds_bucket{camera=\"coat-cam-1\""), "inspection time histogram");
        assertTrue(scrape.contains("jvm_memory_used_bytes"), "JVM memory");
        assertTrue(scrape.contains("routeId=\"inspect\""), "Camel's route metrics (camel-micrometer)");

        process.destroy(); // SIGTERM
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the station ended within the grace period and its shutdown");
        String err = Files.readString(dir.resolve("stderr.log"), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), err);
        JsonNode s = Json.mapper().readTree(dir.resolve("stdout.json").toFile());
        assertEquals(frames.size(), s.get("verdicts").asInt(), s.toString());
        assertEquals(0, s.get("undone").size(), s.toString());
        assertEquals(s.get("commands").asLong(), files.journalled("DECIDED"), "every decided command is journalled");
        assertEquals(frames.size(), Files.list(files.hot().resolve("done")).count());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private String stderr() {
        try {
            String e = Files.readString(dir.resolve("stderr.log"), StandardCharsets.UTF_8);
            return e.substring(Math.max(0, e.length() - 4000));
        } catch (IOException ex) {
            return ex.toString();
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sum over all label sets of the metric {@code name} in a Prometheus scrape. */
    static double metric(String scrape, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(scrape);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
        }
        return sum;
    }
}
