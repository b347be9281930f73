package org.sinterscope.review.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.sinterscope.routes.StationSettings;

/**
 * How the review app's server runs.
 *
 * @param host                    address to listen on
 * @param port                    port (0: a free one)
 * @param sessionIdle             a session ends after this long without a request (and 12 h after sign-in)
 * @param keystore                a PKCS#12 / JKS keystore for HTTPS, or null for plain HTTP
 * @param keystorePassword        its password ("" when there is none)
 * @param maxThreads              worker threads at most (Jetty's pool; requests beyond wait in a bounded queue)
 * @param idleTimeout             a connection that sends or accepts nothing for this long is closed
 * @param maxConnections          open connections at most, all clients together
 * @param maxConnectionsPerClient open connections at most from one client address
 */
public record WebSettings(String host, int port, Duration sessionIdle, Path keystore, String keystorePassword,
                          int maxThreads, Duration idleTimeout, int maxConnections, int maxConnectionsPerClient) {

    public WebSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(sessionIdle, "sessionIdle");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        keystorePassword = keystorePassword == null ? "" : keystorePassword;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("review app port must be 0-65535, got " + port);
        }
        if (sessionIdle.isNegative() || sessionIdle.isZero()) {
            throw new IllegalArgumentException("session idle time must be > 0, got " + sessionIdle);
        }
        if (maxThreads < 8 || maxThreads > 1000) {
            throw new IllegalArgumentException("review app worker threads must be 8-1000, got " + maxThreads);
        }
        if (idleTimeout.toMillis() < 100) {
            throw new IllegalArgumentException("review app idle timeout must be >= 100 ms, got " + idleTimeout);
        }
        if (maxConnectionsPerClient < 1 || maxConnections < maxConnectionsPerClient) {
            throw new IllegalArgumentException("review app connection limits must satisfy 1 <= per client ("
                    + maxConnectionsPerClient + ") <= total (" + maxConnections + ")");
        }
        if (keystore != null && !keystore.toFile().isFile()) {
            throw new IllegalArgumentException("review app keystore " + keystore + " is not a readable file");
        }
    }

    /** Plain HTTP on 127.0.0.1:{@code port}, 30-minute sessions, the default limits. */
    public static WebSettings local(int port) {
        return new WebSettings("127.0.0.1", port, Duration.ofMinutes(30), null, "", 32, Duration.ofSeconds(30), 256, 32);
    }

    public boolean tls() {
        return keystore != null;
    }

    public WebSettings withSessionIdle(Duration idle) {
        return new WebSettings(host, port, idle, keystore, keystorePassword, maxThreads, idleTimeout, maxConnections,
                maxConnectionsPerClient);
    }

    public WebSettings withLimits(int threads, Duration idle, int total, int perClient) {
        return new WebSettings(host, port, sessionIdle, keystore, keystorePassword, threads, idle, total, perClient);
    }

    public WebSettings withTls(Path store, String password) {
        return new WebSettings(host, port, sessionIdle, store, password, maxThreads, idleTimeout, maxConnections,
                maxConnectionsPerClient);
    }

    /**
     * From the station settings: {@code sinterscope.web.host}, {@code .port},
     * {@code .session-minutes}, {@code .keystore} and {@code .keystore-password} (HTTPS when the
     * keystore is set), {@code .max-threads}, {@code .idle-timeout-seconds},
     * {@code .max-connections}, {@code .max-connections-per-client}; {@code port} not null
     * overrides the port.
     */
    public static WebSettings from(StationSettings s, Integer port) {
        Map<String, String> m = s.asMap();
        WebSettings d = local(0);
        String ks = m.getOrDefault("sinterscope.web.keystore", "").trim();
        return new WebSettings(m.getOrDefault("sinterscope.web.host", d.host()),
                port != null ? port : s.getInt("sinterscope.web.port", 8080),
                Duration.ofMinutes(s.getInt("sinterscope.web.session-minutes", 30)),
                ks.isEmpty() ? null : Path.of(ks), m.getOrDefault("sinterscope.web.keystore-password", ""),
                s.getInt("sinterscope.web.max-threads", d.maxThreads()),
                Duration.ofSeconds(s.getInt("sinterscope.web.idle-timeout-seconds", (int) d.idleTimeout().toSeconds())),
                s.getInt("sinterscope.web.max-connections", d.maxConnections()),
                s.getInt("sinterscope.web.max-connections-per-client", d.maxConnectionsPerClient()));
    }
}
