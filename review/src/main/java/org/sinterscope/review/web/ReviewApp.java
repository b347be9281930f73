package org.sinterscope.review.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.web.api.DefectApi;
import org.sinterscope.review.web.api.ReportApi;
import org.sinterscope.review.web.api.RollApi;
import org.sinterscope.review.web.auth.AdminApi;
import org.sinterscope.review.web.auth.AuthApi;
import org.sinterscope.review.web.auth.Passwords;
import org.sinterscope.review.web.auth.Role;
import org.sinterscope.review.web.auth.Sessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quality engineers' review app: pages, JSON API and OpenAPI document on one port, in the
 * station's process (the JDK's HTTP server, no extra runtime). Build it with {@link #start};
 * tests do the same with port 0.
 *
 * <pre>
 * /                      pages (web/ on the class path) and /webjars/…
 * /api/login, /api/logout, /api/session               open / operator
 * /api/rolls, /api/rolls/{roll}[/map|/report|.csv|.pdf] operator
 * /api/defects[?filters], /api/defects/{id}[/crop.png|/overlay.png|/history]  operator
 * /api/defects/{id}/label (POST)                       quality
 * /api/spc/coating-cv|crack-density|foil-ra            operator
 * /api/export/labelled.zip                             quality
 * /api/admin/users[/{name}], /api/admin/settings       admin
 * /api/openapi.json                                    open
 * </pre>
 */
public final class ReviewApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewApp.class);

    private final HttpServer server;
    private final ExecutorService pool;
    private final Sessions sessions;

    private ReviewApp(HttpServer server, ExecutorService pool, Sessions sessions) {
        this.server = server;
        this.pool = pool;
        this.sessions = sessions;
    }

    /** Starts the app on {@code host:port} (port 0: a free one) over {@code store}. */
    public static ReviewApp start(DefectStore store, String host, int port, Duration sessionIdle, Passwords passwords)
            throws IOException {
        Sessions sessions = new Sessions(sessionIdle, Clock.systemUTC());
        Router router = new Router(sessions);
        new AuthApi(store.users(), sessions, passwords).routes(router);
        new RollApi(store).routes(router);
        new DefectApi(store).routes(router);
        new ReportApi(store).routes(router);
        new AdminApi(store, sessions, passwords).routes(router);
        router.add("GET", "/api/openapi.json", null, ReviewApp::openApi);
        router.fallback(new StaticFiles());
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "review-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", router::dispatch);
        server.start();
        ReviewApp app = new ReviewApp(server, pool, sessions);
        LOG.info("review app at {}", app.url());
        return app;
    }

    /** Makes sure an admin account {@code name} exists with {@code password}; true when it was created. */
    public static boolean ensureAdmin(DefectStore store, Passwords passwords, String name, String password) {
        String hash = passwords.hash(password.toCharArray());
        if (store.users().create(name, Role.ADMIN.label(), hash)) {
            return true;
        }
        store.users().setPasswordHash(name, hash);
        store.users().setRole(name, Role.ADMIN.label());
        store.users().setDisabled(name, false);
        return false;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        String host = server.getAddress().getHostString();
        return "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + port() + "/";
    }

    public Sessions sessions() {
        return sessions;
    }

    private static void openApi(Ctx ctx) throws IOException {
        try (InputStream in = ReviewApp.class.getClassLoader().getResourceAsStream("web/openapi.json")) {
            if (in == null) {
                throw HttpError.notFound("openapi.json is missing from the class path");
            }
            ctx.send(200, "application/json; charset=utf-8", in.readAllBytes());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
