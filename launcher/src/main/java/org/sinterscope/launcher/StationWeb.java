package org.sinterscope.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.web.ReviewApp;
import org.sinterscope.review.web.WebExtension;
import org.sinterscope.review.web.WebSettings;
import org.sinterscope.review.web.auth.Passwords;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.metrics.Health;
import org.sinterscope.routes.metrics.StationEndpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's web server for {@code run}: the review app on {@code sinterscope.web.*}, with the
 * station's {@code GET /metrics} and {@code GET /health} mounted on it (open, no sign-in).
 */
final class StationWeb {

    private static final Logger LOG = LoggerFactory.getLogger(StationWeb.class);

    private StationWeb() {
    }

    /** The routes of {@code endpoints} as a review-app extension. */
    static WebExtension endpoints(StationEndpoints endpoints) {
        return routes -> {
            routes.get("/metrics", ctx -> ctx.contentType(StationEndpoints.METRICS_CONTENT_TYPE).result(endpoints.metricsText()));
            routes.get("/health", ctx -> {
                Health h = endpoints.health();
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("live", h.live());
                doc.put("ready", h.ready());
                doc.put("checks", h.checks());
                ctx.status(h.ready() ? 200 : 503).contentType("application/json").result(Json.mapper().writeValueAsString(doc));
            });
        };
    }

    /** Starts the review app with the station's endpoints; the admin's password is logged once. */
    static ReviewApp start(DefectStore store, StationSettings settings, StationEndpoints endpoints) {
        Passwords passwords = new Passwords();
        String password = passwords.randomPassword();
        boolean created = ReviewApp.ensureAdmin(store, passwords, "admin", password);
        ReviewApp app = ReviewApp.start(store, WebSettings.from(settings, null), passwords, List.of(endpoints(endpoints)));
        LOG.info("review app on {} (metrics {}metrics, health {}health); sign in as admin, password {}{}", app.url(), app.url(),
                app.url(), password, created ? " (account created)" : " (password reset for this start)");
        return app;
    }
}
