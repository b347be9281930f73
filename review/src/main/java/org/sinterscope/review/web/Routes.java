package org.sinterscope.review.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import org.sinterscope.review.web.auth.Role;

/** Declaring routes: a GET route answers HEAD too (same checks, no body). */
public final class Routes {

    private Routes() {
    }

    /** GET and HEAD on {@code path}; {@code role} null: open to anyone. */
    public static void get(RoutesConfig routes, String path, Handler h, Role... role) {
        routes.addHttpHandler(HandlerType.GET, path, h, role);
        routes.addHttpHandler(HandlerType.HEAD, path, h, role);
    }
}
