package org.sinterscope.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review app in a real headless Chromium (Debian's chromium and chromium-driver, never a
 * downloaded driver): sign in, roll map, keyboard relabel in the gallery, the change in the
 * labelled export, trends, compliance and report. Screenshots go to target/screenshots, and also to the folder
 * named by the system property {@code sinterscope.screenshots.dir} (docs/img for the docs).
 */
class ReviewBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private static WebFixture fx;
    private static WebDriver driver;
    private static Path profile;

    @BeforeAll
    static void browser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Debian chromium and chromium-driver are not installed (run .ci/install-test-deps): browser test skipped");
        fx = WebFixture.get();
        profile = Files.createTempDirectory(Path.of("target"), "chromium-profile").toAbsolutePath();
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static WebDriverWait waiting() {
        WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(20));
        // the gallery re-renders its tiles on every key: an element found a moment ago may be gone
        w.ignoring(StaleElementReferenceException.class);
        return w;
    }

    /** An attribute of the element at {@code css}, read again if the page replaced the element meanwhile. */
    private static String attributeOf(String css, String attribute) {
        return waiting().until(d -> d.findElement(By.cssSelector(css)).getAttribute(attribute));
    }

    private static void signIn(String user) {
        driver.get(fx.url("/login.html"));
        driver.findElement(By.id("user")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(WebFixture.PASSWORD);
        driver.findElement(By.id("signin")).click();
        waiting().until(ExpectedConditions.urlContains("/index.html"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("nav"), user));
    }

    private static void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), png);
        String docs = System.getProperty("sinterscope.screenshots.dir");
        if (docs != null && !docs.isBlank()) {
            Files.createDirectories(Path.of(docs));
            Files.write(Path.of(docs, name), png);
        }
    }

    @Test
    void sign_in_open_the_roll_map_relabel_with_the_keyboard_and_find_it_in_the_export() throws Exception {
        signIn(WebFixture.QE);
        assertThat(driver.findElement(By.id("rolls")).getText()).contains(fx.roll);

        // roll map: whole roll drawn, then click the first defect's mark
        driver.get(fx.url("/map.html?roll=" + fx.roll));
        WebElement canvas = driver.findElement(By.id("map"));
        waiting().until(ExpectedConditions.attributeToBe(canvas, "data-ready", "true"));
        JsonNode map = ApiClient.json(ApiClient.signedIn(fx, WebFixture.QE).get("/api/rolls/" + fx.roll + "/map"));
        assertThat(canvas.getAttribute("data-defects")).isEqualTo(String.valueOf(map.get("defects").size()));
        JsonNode d0 = map.get("defects").get(0);
        JsonNode roll = map.get("roll");
        int w = canvas.getSize().getWidth();
        int h = canvas.getSize().getHeight();
        double px = 56 + ((d0.get("y0Mm").asDouble() + d0.get("y1Mm").asDouble()) / 2) / roll.get("lengthMm").asDouble() * (w - 68);
        double py = 12 + ((d0.get("x0Mm").asDouble() + d0.get("x1Mm").asDouble()) / 2 - roll.get("viewX0Mm").asDouble())
                / (roll.get("viewX1Mm").asDouble() - roll.get("viewX0Mm").asDouble()) * (h - 42);
        new Actions(driver).moveToElement(canvas, (int) Math.round(px - w / 2.0), (int) Math.round(py - h / 2.0)).click().perform();
        WebElement detail = driver.findElement(By.id("detail"));
        waiting().until(ExpectedConditions.visibilityOf(detail));
        assertThat(detail.getText()).contains("#" + d0.get("id").asLong());
        screenshot("roll-map.png");

        // gallery: not-yet-reviewed defects of the roll; move on with j, relabel with 7 (crack)
        driver.get(fx.url("/gallery.html?roll=" + fx.roll));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("reviewed"))).selectByValue("false");
        driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
        WebElement grid = driver.findElement(By.id("grid"));
        waiting().until(ExpectedConditions.attributeToBe(grid, "data-ready", "true"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tile.focus")));
        new Actions(driver).sendKeys("j").perform();
        String second = waiting().until(d -> {
            List<WebElement> tiles = d.findElements(By.cssSelector(".tile"));
            return tiles.size() >= 2 ? tiles.get(1).getAttribute("data-id") : null;
        });
        String id = attributeOf(".tile.focus", "data-id");
        assertThat(id).isEqualTo(second);
        new Actions(driver).sendKeys("7").perform();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "#" + id + " labelled crack"));
        assertThat(driver.findElement(By.id("defect-" + id)).getAttribute("data-label")).isEqualTo("crack");
        screenshot("gallery.png");

        // the change is in the labelled export
        ApiClient qe = ApiClient.signedIn(fx, WebFixture.QE);
        List<String> names = new ArrayList<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(qe.getBytes("/api/export/labelled.zip").body()))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        assertThat(names).contains("crack/" + fx.roll + "_" + id + ".png");
        JsonNode hist = ApiClient.json(qe.get("/api/defects/" + id + "/history"));
        assertThat(hist.get(hist.size() - 1).get("byUser").asText()).isEqualTo(WebFixture.QE);

        // trends: three control charts, the foil reading far off is out of control
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1250));
        driver.get(fx.url("/trends.html?roll=" + fx.roll));
        waiting().until(ExpectedConditions.attributeToBe(By.cssSelector(".charts"), "data-ready", "true"));
        assertThat(Integer.parseInt(driver.findElement(By.id("foil-ra")).getAttribute("data-out"))).isPositive();
        assertThat(Integer.parseInt(driver.findElement(By.id("coating-cv")).getAttribute("data-points"))).isEqualTo(
                WebFixture.SEGMENTS);
        assertThat(driver.findElements(By.cssSelector("#coating-cv canvas"))).isNotEmpty();
        screenshot("trends.png");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));

        driver.get(fx.url("/report.html?roll=" + fx.roll));
        waiting().until(ExpectedConditions.attributeToBe(By.id("summary"), "data-ready", "true"));
        assertThat(driver.findElement(By.id("summary")).getText()).contains("Yield");
        screenshot("report.png");
    }

    @Test
    void the_compliance_page_shows_the_furnace_excursions_and_the_crystalline_sample() throws Exception {
        signIn(WebFixture.OPERATOR);
        driver.findElement(By.linkText("Compliance")).click();
        waiting().until(ExpectedConditions.urlContains("/compliance.html"));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1500));
        driver.get(fx.url("/compliance.html?roll=" + fx.roll));
        waiting().until(ExpectedConditions.attributeToBe(By.cssSelector(".charts"), "data-ready", "true"));
        // the fixture's temperature excursion (0.8-0.9 m) and O2 spike (1.5-1.6 m), the crystalline sample
        assertThat(driver.findElement(By.cssSelector("tr[data-condition=sinter-temperature]")).getAttribute("data-status"))
                .isEqualTo("fail");
        assertThat(driver.findElement(By.cssSelector("tr[data-condition=atmosphere]")).getAttribute("data-status"))
                .isEqualTo("fail");
        assertThat(driver.findElement(By.cssSelector("tr[data-condition=dwell]")).getAttribute("data-status"))
                .isEqualTo("pass");
        assertThat(driver.findElement(By.cssSelector("tr[data-condition=xrd-amorphous]")).getAttribute("data-status"))
                .isEqualTo("fail");
        assertThat(driver.findElement(By.cssSelector("tr[data-condition=dried-rolled]")).getAttribute("data-status"))
                .isEqualTo("nodata");
        WebElement furnace = driver.findElement(By.id("furnace"));
        assertThat(furnace.getAttribute("data-points")).isEqualTo(String.valueOf(WebFixture.SEGMENTS));
        assertThat(furnace.getAttribute("data-flagged")).isEqualTo("2");
        assertThat(driver.findElements(By.cssSelector("#furnace canvas"))).isNotEmpty();
        assertThat(driver.findElement(By.id("flagged")).getText()).contains("0.80–0.90").contains("furnace-temperature")
                .contains("1.50–1.60").contains("furnace-o2");
        assertThat(driver.findElement(By.id("xrd")).getText()).contains("S-si111").contains("CRYSTALLINE")
                .contains("S-amorphous");
        assertThat(driver.findElement(By.id("foil")).getAttribute("data-rows")).isEqualTo("8");
        screenshot("compliance.png");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
    }

    @Test
    void after_sign_in_the_browser_stays_on_this_origin_whatever_next_says() throws Exception {
        // query strings as an attacker would link them; URLSearchParams decodes them once
        for (String q : List.of("/%5Cevil.example/", "%2F%5Cevil.example/", "/%255Cevil.example/", "//evil.example/",
                "https://evil.example/", "/%252F%252Fevil.example/", "/\\evil.example/")) {
            driver.manage().deleteAllCookies();
            driver.get(fx.url("/login.html?next=" + q));
            driver.findElement(By.id("user")).sendKeys(WebFixture.OPERATOR);
            driver.findElement(By.id("password")).sendKeys(WebFixture.PASSWORD);
            driver.findElement(By.id("signin")).click();
            waiting().until(d -> !d.getCurrentUrl().contains("/login.html"));
            assertThat(java.net.URI.create(driver.getCurrentUrl()).getHost()).as(q).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void an_admin_sees_the_audit_log() throws Exception {
        signIn(WebFixture.ADMIN);
        driver.get(fx.url("/admin.html"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#audit tbody tr")));
        assertThat(driver.findElement(By.id("audit")).getText()).contains("login").contains(WebFixture.ADMIN)
                .contains("127.0.0.1");
        screenshot("admin-audit.png");
    }

    @Test
    void an_operator_sees_the_gallery_but_cannot_relabel() throws Exception {
        signIn(WebFixture.OPERATOR);
        driver.get(fx.url("/gallery.html?roll=" + fx.roll));
        waiting().until(ExpectedConditions.attributeToBe(By.id("grid"), "data-ready", "true"));
        String id = attributeOf(".tile.focus", "data-id");
        String before = attributeOf(".tile.focus", "data-label");
        new Actions(driver).sendKeys("3").perform();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "may view but not relabel"));
        JsonNode d = ApiClient.json(ApiClient.signedIn(fx, WebFixture.OPERATOR).get("/api/defects/" + id));
        assertThat(d.path("label").isNull() ? "" : d.path("label").asText()).isEqualTo(before);
        driver.findElement(By.id("signout")).click();
        waiting().until(ExpectedConditions.urlContains("/login.html"));
        assertThat(new File("target").isDirectory()).isTrue();
    }
}
