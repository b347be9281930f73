package org.sinterscope.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.sinterscope.routes.metrics.Health;
import org.sinterscope.routes.metrics.StationEndpoints;

/**
 * {@code GET /metrics} (Prometheus text) and {@code GET /health} (JSON; 200 ready, 503 not) of a
 * running station, on the JDK's own HTTP server, for {@code run} until the review app mounts
 * {@link StationEndpoints} on the station's web server.
 */
final class OpsServer implements AutoCloseable {

    private final HttpServer server;

    private OpsServer(HttpServer server) {
        this.server = server;
    }

    /** Serves {@code endpoints} on {@code host:port} (0: a free port). */
    static OpsServer start(StationEndpoints endpoints, String host, int port) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(host, port), 16);
        s.createContext("/metrics", ex -> answer(ex, 200, StationEndpoints.METRICS_CONTENT_TYPE, endpoints.metricsText()));
        s.createContext("/health", ex -> {
            Health h = endpoints.health();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("live", h.live());
            doc.put("ready", h.ready());
            doc.put("checks", h.checks());
            answer(ex, h.ready() ? 200 : 503, "application/json", Json.mapper().writeValueAsString(doc));
        });
        s.start();
        return new OpsServer(s);
    }

    private static void answer(HttpExchange ex, int status, String type, String body) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(status, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
