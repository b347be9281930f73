package org.sinterscope.review.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.sinterscope.simulator.line.SimulatedLineConfig;
import org.sinterscope.inspection.crack.CrackMeasurements;
import org.sinterscope.simulator.demo.DemoOptions;
import org.sinterscope.simulator.demo.DemoRun;
import org.sinterscope.simulator.demo.DemoSummary;
import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.store.StoreFixtures;
import org.sinterscope.review.store.StoreSettings;
import org.sinterscope.review.store.Views;
import org.sinterscope.review.web.auth.Passwords;

/**
 * One review app for the web tests of a test run: the real station runs 2 m of the seeded
 * simulated line into an H2 store (real crops, verdicts and reject commands), then seeded foil
 * readings and crack metrics are added (the foil and crack routes are not on the line yet), and
 * three accounts are made. Built once per JVM, on first use.
 */
final class WebFixture {

    static final String ADMIN = "admin-test";
    static final String QE = "qe-anna";
    static final String OPERATOR = "op-ben";
    static final String PASSWORD = "correct horse battery";

    private static WebFixture instance;

    final DefectStore store;
    final ReviewApp app;
    final DemoSummary demo;
    final String roll;
    final Path dir;

    private WebFixture() throws Exception {
        dir = Files.createTempDirectory(Path.of("target"), "webfixture").toAbsolutePath();
        store = DefectStore.open(StoreSettings.embedded(dir));
        SimulatedLineConfig line = SimulatedLineConfig.defaults().withLengthM(2).withSeed(11).withDefectRatePerM(4);
        demo = DemoRun.run(new DemoOptions(line, true, null, null, Map.of(), Duration.ofMinutes(5)), store);
        roll = store.currentRoll();
        StoreFixtures.foil(store, 5);
        Random rnd = new Random(17);
        for (Views.Span s : segments()) {
            double density = 0.02 + 0.003 * rnd.nextGaussian() + (s.y0Mm() > 1700 && s.y0Mm() < 1760 ? 0.03 : 0);
            double area = 190 * (s.y1Mm() - s.y0Mm());
            store.saveCrackMetrics("line-cam-1", Math.round(s.y0Mm()), s.y0Mm(), s.y1Mm(), java.time.Instant.now(),
                    new CrackMeasurements(density * area, area, density, 18, 35, 4, 3, 1,
                            List.of(1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)));
        }
        if (!store.flush(Duration.ofSeconds(60))) {
            throw new IllegalStateException("store did not flush: " + store.status());
        }
        Passwords pw = new Passwords(10_000);
        store.users().create(ADMIN, "admin", pw.hash(PASSWORD.toCharArray()));
        store.users().create(QE, "quality", pw.hash(PASSWORD.toCharArray()));
        store.users().create(OPERATOR, "operator", pw.hash(PASSWORD.toCharArray()));
        app = ReviewApp.start(store, "127.0.0.1", 0, Duration.ofMinutes(30), pw);
    }

    private List<Views.Span> segments() {
        return store.queries().segments(roll);
    }

    static synchronized WebFixture get() throws Exception {
        if (instance == null) {
            instance = new WebFixture();
        }
        return instance;
    }

    String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }
}
