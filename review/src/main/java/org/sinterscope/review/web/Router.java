package org.sinterscope.review.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import org.sinterscope.review.store.StoreException;
import org.sinterscope.review.web.auth.Role;
import org.sinterscope.review.web.auth.Session;
import org.sinterscope.review.web.auth.Sessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's request dispatch: declared routes ({@code /api/defects/{id}/label}), the access rule
 * of each, and the checks every request goes through, in this order:
 * <ol>
 *   <li>a path with a {@code .} or {@code ..} segment, or a segment that decodes to a slash,
 *   backslash or NUL, is 404 before anything else;</li>
 *   <li>a route that needs a role needs a live session (401) with that role or above (403);</li>
 *   <li>a POST, PUT or DELETE is refused (403) when its {@code Origin} is another site, and, on a
 *   route that needs a session, when its {@code X-CSRF-Token} header is not the session's.</li>
 * </ol>
 * Errors are {@code {"error": "..."}} JSON with a 4xx status; an unexpected failure is a 500
 * with a generic message (the details go to the log).
 */
public final class Router {

    /** Handles one request. */
    @FunctionalInterface
    public interface Handler {
        void handle(Ctx ctx) throws Exception;
    }

    private record Route(String method, String[] pattern, Role role, Handler handler) {
    }

    public static final String COOKIE = "sinterscope_session";
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final List<Route> routes = new ArrayList<>();
    private final Sessions sessions;
    private Handler fallback;

    public Router(Sessions sessions) {
        this.sessions = sessions;
    }

    /** {@code role} null: open to anyone. */
    public Router add(String method, String pattern, Role role, Handler h) {
        routes.add(new Route(method, pattern.substring(1).split("/"), role, h));
        return this;
    }

    /** What answers GETs no route matches (static files). */
    public Router fallback(Handler h) {
        this.fallback = h;
        return this;
    }

    void dispatch(HttpExchange ex) {
        Ctx ctx = null;
        try {
            String[] segs = segments(ex.getRequestURI().getRawPath());
            Session session = cookie(ex).flatMap(sessions::find).orElse(null);
            String method = ex.getRequestMethod();
            Route match = null;
            Map<String, String> params = null;
            boolean pathKnown = false;
            for (Route r : routes) {
                Map<String, String> p = match(r.pattern(), segs);
                if (p != null) {
                    pathKnown = true;
                    if (r.method().equals(method)) {
                        match = r;
                        params = p;
                        break;
                    }
                }
            }
            ctx = new Ctx(ex, params == null ? Map.of() : params, session);
            if (match == null) {
                if (pathKnown) {
                    throw new HttpError(405, method + " is not allowed on " + ex.getRequestURI().getRawPath());
                }
                if (fallback != null && (method.equals("GET") || method.equals("HEAD"))) {
                    fallback.handle(ctx);
                    return;
                }
                throw HttpError.notFound("no such resource: " + ex.getRequestURI().getRawPath());
            }
            boolean changes = !method.equals("GET") && !method.equals("HEAD");
            if (changes) {
                checkOrigin(ex);
            }
            if (match.role() != null) {
                if (session == null) {
                    throw new HttpError(401, "sign in first (no session, or it expired)");
                }
                if (!session.role().includes(match.role())) {
                    throw new HttpError(403, "role " + session.role().label() + " may not do this; it needs "
                            + match.role().label());
                }
                if (changes && !Sessions.csrfMatches(session, ex.getRequestHeaders().getFirst("X-CSRF-Token"))) {
                    throw new HttpError(403, "CSRF token missing or wrong: send the session's token in X-CSRF-Token");
                }
            }
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            match.handler().handle(ctx);
        } catch (HttpError e) {
            error(ex, ctx, e.status(), e.getMessage());
        } catch (StoreException e) {
            LOG.error("store failure on {} {}: {}", ex.getRequestMethod(), ex.getRequestURI(), e.getMessage(), e);
            error(ex, ctx, 503, "the defect store is not available: " + e.getMessage());
        } catch (Exception e) {
            LOG.error("failure on {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
            error(ex, ctx, 500, "internal error; see the station log");
        } finally {
            ex.close();
        }
    }

    private static void checkOrigin(HttpExchange ex) {
        String origin = ex.getRequestHeaders().getFirst("Origin");
        String host = ex.getRequestHeaders().getFirst("Host");
        if (origin != null && !(origin.equals("http://" + host) || origin.equals("https://" + host))) {
            throw new HttpError(403, "cross-site request refused (Origin " + origin + ")");
        }
    }

    private static void error(HttpExchange ex, Ctx ctx, int status, String message) {
        try {
            if (ctx != null && ctx.sent()) {
                return;
            }
            byte[] body = Ctx.JSON.writeValueAsBytes(Map.of("error", message, "status", status));
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
        } catch (IOException e) {
            LOG.debug("could not send error response: {}", e.getMessage());
        }
    }

    /** Decoded path segments; 404 for dot segments and encoded separators. */
    static String[] segments(String rawPath) {
        String p = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        String[] raw = p.substring(1).split("/", -1);
        String[] out = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            String s;
            try {
                s = URLDecoder.decode(raw[i].replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw HttpError.notFound("no such resource");
            }
            if (s.equals(".") || s.equals("..") || s.contains("/") || s.contains("\\") || s.indexOf('\0') >= 0) {
                throw HttpError.notFound("no such resource");
            }
            out[i] = s;
        }
        return out;
    }

    private static Map<String, String> match(String[] pattern, String[] segs) {
        if (pattern.length != segs.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                if (segs[i].isEmpty()) {
                    return null;
                }
                params.put(p.substring(1, p.length() - 1), segs[i]);
            } else if (!p.equals(segs[i])) {
                return null;
            }
        }
        return params;
    }

    private static Optional<String> cookie(HttpExchange ex) {
        List<String> headers = ex.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return Optional.empty();
        }
        for (String h : headers) {
            for (String c : h.split(";")) {
                String t = c.trim();
                if (t.startsWith(COOKIE + "=")) {
                    return Optional.of(t.substring(COOKIE.length() + 1));
                }
            }
        }
        return Optional.empty();
    }
}
