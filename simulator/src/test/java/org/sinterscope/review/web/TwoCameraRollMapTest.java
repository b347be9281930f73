package org.sinterscope.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.store.StoreSettings;
import org.sinterscope.review.web.auth.Passwords;
import org.sinterscope.simulator.demo.DemoOptions;
import org.sinterscope.simulator.demo.DemoRun;
import org.sinterscope.simulator.demo.DemoSummary;
import org.sinterscope.simulator.line.SimulatedLineConfig;

/**
 * The review app's roll map with two cameras on one roll: a two-stage demo run (coating camera and
 * sintered-layer camera 7.5 m downstream, unpaced, 3 m at 3 defects/m) kept in a store, then the map
 * over real HTTP — both cameras' defects on the one roll, on roll coordinates — and in a browser: the
 * map names both cameras and shows one camera at a time.
 */
class TwoCameraRollMapTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String COATING = "line-cam-1";
    private static final String SINTERED = "sinter-cam-1";
    private static final double METRES = 3;

    private static DefectStore store;
    private static ReviewApp app;
    private static String roll;
    private static DemoSummary summary;

    @BeforeAll
    static void demo_run_kept_in_a_store() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "two-camera-map").toAbsolutePath();
        store = DefectStore.open(StoreSettings.embedded(dir.resolve("store")));
        SimulatedLineConfig line = SimulatedLineConfig.defaults().withLengthM(METRES).withSeed(5).withDefectRatePerM(3);
        summary = DemoRun.run(new DemoOptions(line, true, null, null, Map.of("sinterscope.journal.dir",
                dir.resolve("journal").toString()), Duration.ofMinutes(5), DemoOptions.Stage.BOTH), store);
        roll = store.currentRoll();
        Passwords pw = new Passwords(10_000);
        store.users().create(WebFixture.QE, "quality", pw.hash(WebFixture.PASSWORD.toCharArray()));
        app = ReviewApp.start(store, "127.0.0.1", 0, Duration.ofMinutes(30), pw);
    }

    @AfterAll
    static void close() {
        if (app != null) {
            app.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void the_map_has_both_cameras_defects_on_roll_coordinates() throws Exception {
        assertThat(summary.stages()).containsOnlyKeys("coating", "sintered");
        // one 10.24 mm sintered frame every 500 mm of the 3 m roll: at 0, 500, ..., 2500 mm
        assertThat(summary.stages().get("sintered").frames()).isEqualTo(6);
        assertThat(summary.stages().get("sintered").actuators()).containsExactly("marker-s");
        assertThat(summary.stages().get("sintered").injected()).as("true cracks in the sampled frames").isPositive();
        // unpaced, the cameras go in step on the one encoder (FreeRunGate): no command of either camera late
        summary.stages().values().forEach(g -> assertThat(g.lateCommands()).as("late commands of %s", g.stage()).isZero());
        JsonNode map = ApiClient.json(ApiClient.signedIn(new ApiClient(app), WebFixture.QE).get("/api/rolls/" + roll + "/map"));
        Map<String, List<JsonNode>> byCamera = new LinkedHashMap<>();
        for (JsonNode d : map.get("defects")) {
            byCamera.computeIfAbsent(d.get("cameraId").asText(), k -> new ArrayList<>()).add(d);
        }
        assertThat(byCamera).as("cameras of the roll's defects").containsOnlyKeys(COATING, SINTERED);
        for (JsonNode d : byCamera.get(SINTERED)) {
            assertThat(d.get("defectClass").asText()).isEqualTo("crack");
            // roll y (the camera's offset -7500 mm taken off), inside the 3 m roll, not the camera's own y
            assertThat(d.get("y0Mm").asDouble()).as("sintered defect y on the roll").isBetween(0.0, METRES * 1000);
        }
        for (JsonNode d : byCamera.get(COATING)) {
            assertThat(d.get("defectClass").asText()).isNotEqualTo("crack");
            assertThat(d.get("y0Mm").asDouble()).isBetween(-1.0, METRES * 1000 + 1);
        }
        int sinteredRejecting = (int) byCamera.get(SINTERED).stream().filter(d -> d.get("rejecting").asBoolean()).count();
        assertThat(sinteredRejecting).as("rejecting cracks").isPositive();
        for (JsonNode d : byCamera.get(SINTERED)) {
            if (!d.get("rejecting").asBoolean()) {
                continue;
            }
            double y0 = d.get("y0Mm").asDouble();
            double y1 = d.get("y1Mm").asDouble();
            boolean covered = false;
            for (JsonNode s : map.get("rejects")) {
                covered |= s.get("y0Mm").asDouble() <= y0 && y1 <= s.get("y1Mm").asDouble();
            }
            assertThat(covered).as("the roll's reject spans cover the rejecting crack at %.1f–%.1f mm", y0, y1).isTrue();
        }
    }

    @Test
    void the_browser_map_names_both_cameras_and_shows_one_at_a_time() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Debian chromium and chromium-driver are not installed: browser part skipped");
        JsonNode map = ApiClient.json(ApiClient.signedIn(new ApiClient(app), WebFixture.QE).get("/api/rolls/" + roll + "/map"));
        Map<String, Integer> counts = new java.util.TreeMap<>();
        map.get("defects").forEach(d -> counts.merge(d.get("cameraId").asText(), 1, Integer::sum));
        Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile").toAbsolutePath();
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400,900");
        WebDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build(), o);
        try {
            String base = "http://127.0.0.1:" + app.port();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(base + "/login.html");
            driver.findElement(By.id("user")).sendKeys(WebFixture.QE);
            driver.findElement(By.id("password")).sendKeys(WebFixture.PASSWORD);
            driver.findElement(By.id("signin")).click();
            wait.until(ExpectedConditions.urlContains("/index.html"));
            driver.get(base + "/map.html?roll=" + roll);
            wait.until(ExpectedConditions.attributeToBe(By.id("map"), "data-ready", "true"));
            String expected = String.join(",", counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            assertThat(driver.findElement(By.id("map")).getAttribute("data-cameras")).isEqualTo(expected);
            assertThat(driver.findElement(By.id("legend")).getText()).contains(COATING + ": solid outline")
                    .contains(SINTERED + ": dashed outline");
            new Select(driver.findElement(By.id("camera"))).selectByValue(SINTERED);
            wait.until(ExpectedConditions.attributeToBe(By.id("map"), "data-shown", String.valueOf(counts.get(SINTERED))));
            new Select(driver.findElement(By.id("camera"))).selectByValue("");
            wait.until(ExpectedConditions.attributeToBe(By.id("map"), "data-shown", String.valueOf(map.get("defects").size())));
        } finally {
            driver.quit();
        }
    }
}
