package org.sinterscope.review.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.web.api.ComplianceApi;
import org.sinterscope.review.web.api.DefectApi;
import org.sinterscope.review.web.api.ReportApi;
import org.sinterscope.review.web.api.RollApi;
import org.sinterscope.review.web.auth.AdminApi;
import org.sinterscope.review.web.auth.AuthApi;
import org.sinterscope.review.web.auth.LoginThrottle;
import org.sinterscope.review.web.auth.Passwords;
import org.sinterscope.review.web.auth.Role;
import org.sinterscope.review.web.auth.Sessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quality engineers' review app on Javalin 7 (Jetty 12): pages, JSON API and OpenAPI
 * document on one port, in the station's process. Build it with {@link #start}; tests do the
 * same with port 0. Extra routes (the station's {@code /metrics}, {@code /health}) come in as
 * {@link WebExtension}s.
 *
 * <pre>
 * /                      pages (web/ on the class path) and /webjars/…
 * /api/login, /api/logout, /api/session               open / operator
 * /api/rolls, /api/rolls/{roll}[/map|/genealogy|/report|.csv|.pdf] operator
 * /api/defects[?filters], /api/defects/{id}[/crop.png|/overlay.png|/history]  operator
 * /api/defects/{id}/label (POST)                       quality
 * /api/spc/coating-cv|crack-density|foil-ra            operator
 * /api/export/labelled.zip                             quality
 * /api/admin/users[/{name}], /api/admin/settings, /api/admin/audit, /api/admin/lockouts  admin
 * /api/openapi.json                                    open
 * </pre>
 *
 * Server limits ({@link WebSettings}): a bounded worker pool, an idle
 * timeout on every connection, a cap on open connections in all and per client address; a
 * slow client holds a connection (not a thread) until its idle timeout.
 */
public final class ReviewApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewApp.class);

    private final Javalin javalin;
    private final ServerConnector connector;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final ErrorReplies errors;
    private final ClientConnectionLimit perClient;
    private final boolean tls;

    private ReviewApp(Javalin javalin, ServerConnector connector, Sessions sessions, LoginThrottle throttle,
                      ErrorReplies errors, ClientConnectionLimit perClient, boolean tls) {
        this.javalin = javalin;
        this.connector = connector;
        this.sessions = sessions;
        this.throttle = throttle;
        this.errors = errors;
        this.perClient = perClient;
        this.tls = tls;
    }

    /** Starts the app on plain HTTP at {@code host:port} with the default limits and no extensions. */
    public static ReviewApp start(DefectStore store, String host, int port, Duration sessionIdle, Passwords passwords) {
        WebSettings w = WebSettings.local(port).withSessionIdle(sessionIdle);
        return start(store, new WebSettings(host, port, sessionIdle, null, "", w.maxThreads(), w.idleTimeout(),
                w.maxConnections(), w.maxConnectionsPerClient()), passwords, List.of());
    }

    /** Starts the app as {@code settings} say, with {@code extensions}' routes on the same server. */
    public static ReviewApp start(DefectStore store, WebSettings settings, Passwords passwords,
                                  List<WebExtension> extensions) {
        return start(store, settings, passwords, LoginThrottle.defaults(Clock.systemUTC()), extensions);
    }

    /** The same with a given sign-in throttle (tests use a clock they move). */
    public static ReviewApp start(DefectStore store, WebSettings settings, Passwords passwords, LoginThrottle throttle,
                                  List<WebExtension> extensions) {
        Sessions sessions = new Sessions(settings.sessionIdle(), Clock.systemUTC());
        Audit audit = new Audit(store.audit());
        ErrorReplies errors = new ErrorReplies();
        ClientConnectionLimit perClient = new ClientConnectionLimit(settings.maxConnectionsPerClient());
        ServerConnector[] made = new ServerConnector[1];
        Javalin javalin = Javalin.create(cfg -> {
            configureServer(cfg, settings, sessions, perClient, made);
            cfg.router.handlerWrapper(errors::wrap);
            cfg.requestLogger.http(errors::logged);
            new Guard(sessions).install(cfg.routes);
            errors.install(cfg.routes);
            new AuthApi(store.users(), sessions, passwords, throttle, audit).routes(cfg.routes);
            new RollApi(store).routes(cfg.routes);
            new ComplianceApi(store).routes(cfg.routes);
            new DefectApi(store, audit).routes(cfg.routes);
            new ReportApi(store, audit).routes(cfg.routes);
            new AdminApi(store, sessions, passwords, throttle, audit).routes(cfg.routes);
            Routes.get(cfg.routes, "/api/openapi.json", ReviewApp::openApi);
            for (WebExtension x : extensions) {
                x.routes(cfg.routes);
            }
        });
        javalin.start();
        ReviewApp app = new ReviewApp(javalin, made[0], sessions, throttle, errors, perClient, settings.tls());
        LOG.info("review app at {}", app.url());
        return app;
    }

    private static void configureServer(JavalinConfig cfg, WebSettings settings, Sessions sessions,
                                        ClientConnectionLimit perClient, ServerConnector[] made) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.jsonMapper(new JavalinJackson(Requests.JSON, false));
        cfg.http.maxRequestSize = Requests.MAX_BODY;
        cfg.http.prefer405over404 = true;
        // bounded threads; the task queue is Jetty's unbounded default (Jetty warns against a bounded one), and
        // what can queue is bounded by the connection limits instead
        QueuedThreadPool pool = new QueuedThreadPool(settings.maxThreads(), Math.min(4, settings.maxThreads()));
        pool.setName("review-http");
        pool.setDaemon(true);
        cfg.jetty.threadPool = pool;
        cfg.jetty.modifyServletContextHandler(h -> h.setSessionHandler(sessions.handler()));
        cfg.jetty.modifyHttpConfiguration(hc -> {
            hc.setSendServerVersion(false);
            hc.setSendXPoweredBy(false);
            hc.setRequestHeaderSize(16 * 1024);
        });
        cfg.jetty.addConnector((server, httpConfig) -> {
            ServerConnector c = connector(server, httpConfig, settings);
            c.addBean(perClient);
            made[0] = c;
            return c;
        });
        cfg.jetty.modifyServer(server -> {
            server.addBean(new ConnectionLimit(settings.maxConnections(), server));
            server.setErrorHandler(new JsonErrorHandler());
        });
        cfg.staticFiles.add(sf -> {
            sf.hostedPath = "/";
            sf.directory = "/web";
            sf.location = Location.CLASSPATH;
            sf.headers = Map.of("Cache-Control", "no-cache");
        });
        cfg.staticFiles.enableWebjars();
    }

    private static ServerConnector connector(Server server, HttpConfiguration http, WebSettings settings) {
        ServerConnector c;
        if (settings.tls()) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(settings.keystore().toAbsolutePath().toString());
            ssl.setKeyStorePassword(settings.keystorePassword());
            HttpConfiguration https = new HttpConfiguration(http);
            SecureRequestCustomizer src = new SecureRequestCustomizer();
            src.setSniHostCheck(false);
            https.addCustomizer(src);
            c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        } else {
            c = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        c.setHost(settings.host());
        c.setPort(settings.port());
        c.setIdleTimeout(settings.idleTimeout().toMillis());
        c.setAcceptQueueSize(128);
        return c;
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
        return connector.getLocalPort();
    }

    public String url() {
        String host = connector.getHost();
        return (tls ? "https" : "http") + "://" + (host == null || host.equals("0.0.0.0") ? "localhost" : host) + ":"
                + port() + "/";
    }

    /** The declared routes as {@code "METHOD /path"} (Javalin's router), extensions' included. */
    public List<String> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path).toList();
    }

    public Sessions sessions() {
        return sessions;
    }

    public LoginThrottle throttle() {
        return throttle;
    }

    /** Requests that failed with a 500 since start (each logged at ERROR). */
    public long failures() {
        return errors.failures();
    }

    /** Responses cut short because the client went away (logged at DEBUG only). */
    public long clientAborts() {
        return errors.clientAborts();
    }

    /** Sockets open now from {@code address}, as the per-client limit counts them. */
    public int openConnections(java.net.InetAddress address) {
        return perClient.open(address);
    }

    /** Connections closed at once because their client address had too many open. */
    public long refusedConnections() {
        return perClient.refused();
    }

    private static void openApi(io.javalin.http.Context ctx) throws IOException {
        try (InputStream in = ReviewApp.class.getClassLoader().getResourceAsStream("web/openapi.json")) {
            if (in == null) {
                throw HttpError.notFound("openapi.json is missing from the class path");
            }
            ctx.contentType("application/json; charset=utf-8").result(in.readAllBytes());
        }
    }

    @Override
    public void close() {
        javalin.stop();
    }

    /** Jetty's own error replies (a malformed request line, an ambiguous path) as JSON, never HTML. */
    private static final class JsonErrorHandler extends ErrorHandler {
        JsonErrorHandler() {
            setShowStacks(false);
        }

        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                                                     String contentType, List<Charset> charsets, int code,
                                                     String message, Throwable cause) throws IOException {
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            return super.generateAcceptableResponse(request, response, callback, "application/json", charsets, code,
                    message, null);
        }
    }
}
