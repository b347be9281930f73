package org.sinterscope.review.web;

import java.util.Set;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import org.sinterscope.review.web.auth.Role;
import org.sinterscope.review.web.auth.Session;
import org.sinterscope.review.web.auth.Sessions;

/**
 * The checks and headers every request gets, as Javalin before-handlers:
 * <ol>
 *   <li>security headers on every response: {@code X-Content-Type-Options: nosniff},
 *   {@code X-Frame-Options: DENY}, a same-origin Content-Security-Policy, {@code Referrer-Policy},
 *   {@code Cache-Control: no-store} on {@code /api/}, and HSTS when the request came over TLS;</li>
 *   <li>a route that needs a role needs a live session (401) with that role or above (403);</li>
 *   <li>a request that is not GET, HEAD or OPTIONS is refused (403) when its {@code Origin} is
 *   another site, and, on a route that needs a role, when its {@code X-CSRF-Token} header is not
 *   the session's.</li>
 * </ol>
 */
final class Guard {

    private static final String SESSION = "sinterscope.session";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final Sessions sessions;

    Guard(Sessions sessions) {
        this.sessions = sessions;
    }

    void install(RoutesConfig routes) {
        routes.before(this::headers);
        routes.beforeMatched(this::access);
    }

    /** The signed-in session of the request (never null on a route that needs a role). */
    static Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    private void headers(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
        if (ctx.req().isSecure()) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
    }

    private void access(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        boolean changes = !SAFE.contains(ctx.method());
        if (changes) {
            checkOrigin(ctx);
        }
        Session s = sessions.current(ctx.req()).orElse(null);
        if (s != null) {
            ctx.attribute(SESSION, s);
        }
        if (roles.isEmpty()) {
            return;
        }
        if (s == null) {
            throw new HttpError(401, "sign in first (no session, or it expired)");
        }
        Role needed = roles.stream().filter(Role.class::isInstance).map(Role.class::cast).min(Enum::compareTo).orElseThrow();
        if (!s.role().includes(needed)) {
            throw new HttpError(403, "role " + s.role().label() + " may not do this; it needs " + needed.label());
        }
        if (changes && !Sessions.csrfMatches(s, ctx.header("X-CSRF-Token"))) {
            throw new HttpError(403, "CSRF token missing or wrong: send the session's token in X-CSRF-Token");
        }
    }

    private static void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        if (origin != null && !(origin.equals("http://" + host) || origin.equals("https://" + host))) {
            throw new HttpError(403, "cross-site request refused (Origin " + origin + ")");
        }
    }
}
