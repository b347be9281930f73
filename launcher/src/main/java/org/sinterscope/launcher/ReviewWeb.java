package org.sinterscope.launcher;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.sinterscope.routes.StationSettings;
import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.web.ReviewApp;
import org.sinterscope.review.web.WebSettings;
import org.sinterscope.review.web.auth.Passwords;

/** Serves the review app over a store until the process is interrupted (Ctrl-C). */
final class ReviewWeb {

    private ReviewWeb() {
    }

    /**
     * Starts the app, makes sure an {@code admin} account exists with a fresh random password,
     * prints where and how to sign in on {@code info}, and blocks until the JVM shuts down.
     */
    static void serveUntilInterrupted(DefectStore store, StationSettings settings, Integer port, PrintWriter info,
                                      String roll) throws Exception {
        serveUntilInterrupted(store, settings, port, info, roll, null);
    }

    /** The same; with {@code json} not null, also prints where and how to sign in as one JSON document there. */
    static void serveUntilInterrupted(DefectStore store, StationSettings settings, Integer port, PrintWriter info,
                                      String roll, PrintWriter json) throws Exception {
        WebSettings web = WebSettings.from(settings, port);
        Passwords passwords = new Passwords();
        String password = passwords.randomPassword();
        boolean created = ReviewApp.ensureAdmin(store, passwords, "admin", password);
        ReviewApp app = ReviewApp.start(store, web, passwords, List.of());
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "review-app-close"));
        info.println();
        info.println("Review app: " + app.url() + (roll == null ? "" : "map.html?roll=" + roll));
        info.println("  sign in as admin, password " + password + (created ? " (account created)" : " (password reset for this run)"));
        info.println("  store: " + store.settings().jdbcUrl() + ", crops in " + store.settings().imageDir());
        info.println("  Ctrl-C stops it.");
        info.flush();
        if (json != null) {
            Json.print(json, java.util.Map.of("url", app.url() + (roll == null ? "" : "map.html?roll=" + roll), "user", "admin",
                    "password", password, "store", store.settings().jdbcUrl()));
        }
        new CountDownLatch(1).await();
    }
}
