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
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinterscope.camera.gige.FakeGigeCamera;

/**
 * {@code sinterscope run --config} with a GigE camera (Aravis' fake camera on 127.0.0.1) as a child
 * process: frames are inspected ({@code /metrics}); killing the camera raises the alarm and its
 * missed stretch becomes uninspected reject commands; starting it again resumes acquisition.
 */
class GigeRunTest {

    @TempDir
    Path dir;
    private Process process;
    private FakeGigeCamera fake;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void stationInspectsGigeFramesAlarmsOnLossAndResumes() throws Exception {
        FakeGigeCamera.assumeInstalled();
        fake = new FakeGigeCamera().start();
        int port = freePort();
        Path cfg = dir.resolve("station.properties");
        Files.writeString(cfg, String.join("\n",
                "sinterscope.station.id = gige-line",
                "sinterscope.cameras = gcam",
                "sinterscope.camera.gcam.type = gige",
                "sinterscope.camera.gcam.device = " + fake.serial(),
                "sinterscope.camera.gcam.width = 512",
                "sinterscope.camera.gcam.height = 128",
                "sinterscope.camera.gcam.frame-rate-hz = 10",
                "sinterscope.camera.gcam.timeout-ms = 500",
                "sinterscope.camera.gcam.reconnect-min-ms = 100",
                "sinterscope.camera.gcam.reconnect-max-ms = 400",
                "sinterscope.camera.gcam.feature.ExposureTimeAbs = 2000",
                "sinterscope.camera.pixel-um = 50",
                "sinterscope.classifier.bundle = none",
                "sinterscope.journal.dir = " + dir.resolve("journal"),
                "sinterscope.store.dir = " + dir.resolve("store"),
                "sinterscope.foil.inbox = " + dir.resolve("foil"),
                "sinterscope.web.port = -1",
                "sinterscope.metrics.port = " + port) + "\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-Xmx1g", "-Djava.io.tmpdir=" + dir, "-cp", System.getProperty("java.class.path"),
                SinterscopeCli.class.getName(), "run", "--config", cfg.toString(), "--json")
                .redirectError(dir.resolve("stderr.log").toFile()).redirectOutput(dir.resolve("stdout.json").toFile()).start();
        String metrics = "http://127.0.0.1:" + port + "/metrics";
        await("frames inspected").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> !process.isAlive() || inspected(metrics) >= 5);
        assertTrue(process.isAlive(), this::stderr);
        assertEquals(0, metric(metrics, "sinterscope_camera_frames_lost_total"));

        fake.kill();
        await("alarm and uninspected stretch").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> metric(metrics, "sinterscope_camera_connected") == 0 && metric(metrics, "sinterscope_alarms_total") >= 1);
        double before = inspected(metrics);
        fake.start();
        await("acquisition resumed").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> inspected(metrics) >= before + 5);
        String scrape = get(metrics);
        assertEquals(1.0, metric(metrics, "sinterscope_camera_reconnects_total"), scrape);
        assertTrue(metric(metrics, "sinterscope_camera_frames_lost_total") > 0, scrape);
        await("missed stretch rejected as uninspected").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                .until(() -> get(metrics).contains("sinterscope_commands_total{outcome=\"uninspected\"}")
                        && uninspectedCommands(get(metrics)) >= 1);
        assertTrue(stderr().contains("ALARM camera gcam"), "alarm logged");
        assertTrue(stderr().contains("feature ExposureTimeAbs = 2000"), "feature echoed in the log");

        process.destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "station ended after SIGTERM");
        assertEquals(0, process.exitValue(), stderr());
    }

    private static double uninspectedCommands(String scrape) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^sinterscope_commands_total\\{outcome=\"uninspected\"[^}]*} ([0-9.eE+-]+)$")
                .matcher(scrape);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    private double inspected(String url) throws IOException, InterruptedException {
        return metric(url, "sinterscope_frames_inspected_total");
    }

    private double metric(String url, String name) throws IOException, InterruptedException {
        return RunServiceTest.metric(get(url), name);
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    private String stderr() {
        try {
            String e = Files.readString(dir.resolve("stderr.log"), StandardCharsets.UTF_8);
            return e.substring(Math.max(0, e.length() - 6000));
        } catch (IOException ex) {
            return ex.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
