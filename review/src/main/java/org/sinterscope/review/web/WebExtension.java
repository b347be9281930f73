package org.sinterscope.review.web;

import io.javalin.config.RoutesConfig;

/**
 * Extra routes mounted on the review app's server (same port, same Jetty, same security
 * headers), e.g. the station's {@code /metrics} and {@code /health}. A route declared without a
 * {@link org.sinterscope.review.web.auth.Role} is open (no session needed); with one, it needs a
 * session of that role or above, and a CSRF token when it changes state.
 */
@FunctionalInterface
public interface WebExtension {

    /** Declares the extension's routes, e.g. {@code routes.get("/health", ctx -> ctx.result("ok"))}. */
    void routes(RoutesConfig routes);
}
