package org.sinterscope.review.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.store.StoreFixtures;
import org.sinterscope.review.store.StoreSettings;
import org.sinterscope.review.store.Views;
import org.sinterscope.review.web.auth.Passwords;
import org.sinterscope.routes.reject.ActuatorEvent;
import org.sinterscope.routes.reject.RejectCommand;

/**
 * One review app for the web tests of a test run, over an H2 store filled by the store's own
 * fixtures (no simulator): 24 seeded frames of one roll with real crops and verdicts by the
 * default recipe, a reject command per rejected span (fired), seeded foil readings, a furnace history with one
 * temperature excursion and one O₂ spike and two XRD results (one crystalline), and three
 * accounts. Built once per JVM, on first use.
 */
final class WebFixture {

    static final String ADMIN = "admin-test";
    static final String QE = "qe-anna";
    static final String OPERATOR = "op-ben";
    static final String PASSWORD = "correct horse battery";
    static final int SEGMENTS = 24;

    private static WebFixture instance;

    final DefectStore store;
    final ReviewApp app;
    final String roll = "R-web-1";
    final int defects;
    final Path dir;

    private WebFixture() throws Exception {
        dir = Files.createTempDirectory(Path.of("target"), "webfixture").toAbsolutePath();
        StoreSettings e = StoreSettings.embedded(dir);
        // retention 0: the fixture's roll is dated 2026-03-01 and must not be purged during the run
        store = DefectStore.open(new StoreSettings(e.jdbcUrl(), e.user(), e.password(), e.imageDir(), e.queueCapacity(),
                e.batchSize(), 0, e.modelVersion()));
        store.openRoll(StoreFixtures.roll(roll, "foil-A19", Instant.parse("2026-03-01T07:59:00Z")));
        defects = StoreFixtures.fill(store, SEGMENTS, 11);
        StoreFixtures.foil(store, 5);
        StoreFixtures.furnace(store, roll, SEGMENTS, 3);
        flush();
        List<Views.Span> rejects = store.queries().rejects(roll);
        for (int i = 0; i < rejects.size(); i++) {
            Views.Span s = rejects.get(i);
            RejectCommand c = new RejectCommand("st/cam-1/" + i + "/m1", "station-test", "m1", s.y0Mm(), s.y1Mm(),
                    List.of(s.causes() == null || s.causes().isBlank() ? "defect" : s.causes()), List.of("cam-1/" + i),
                    s.y1Mm() + 2000, Instant.now(), Instant.now(), s.y1Mm());
            store.saveCommand(c);
            store.saveActuatorEvent(new ActuatorEvent(ActuatorEvent.Kind.FIRED, c.id(), s.y1Mm() + 2000, Instant.now(), ""));
        }
        flush();
        Passwords pw = new Passwords(10_000);
        store.users().create(ADMIN, "admin", pw.hash(PASSWORD.toCharArray()));
        store.users().create(QE, "quality", pw.hash(PASSWORD.toCharArray()));
        store.users().create(OPERATOR, "operator", pw.hash(PASSWORD.toCharArray()));
        app = ReviewApp.start(store, "127.0.0.1", 0, Duration.ofMinutes(30), pw);
    }

    private void flush() throws InterruptedException {
        if (!store.flush(Duration.ofSeconds(60))) {
            throw new IllegalStateException("store did not flush: " + store.status());
        }
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
