package org.sinterscope.review.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/** A signed-in (or anonymous) client of the review API over real HTTP. */
final class ApiClient {

    /** One client (one connection pool) for all tests, so tests do not pile up kept-alive connections. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final HttpClient http = HTTP;
    private final String base;
    private final int port;
    String cookie;
    String csrf;

    ApiClient(WebFixture fx) {
        this(fx.app);
    }

    /** A client of another app instance (plain HTTP on 127.0.0.1). */
    ApiClient(ReviewApp app) {
        this.base = "http://127.0.0.1:" + app.port();
        this.port = app.port();
    }

    static ApiClient signedIn(WebFixture fx, String user) throws Exception {
        return signedIn(new ApiClient(fx), user);
    }

    static ApiClient signedIn(ApiClient c, String user) throws Exception {
        HttpResponse<String> r = c.send("POST", "/api/login", "{\"user\":\"" + user + "\",\"password\":\""
                + WebFixture.PASSWORD + "\"}");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login of " + user + " failed: " + r.statusCode() + " " + r.body());
        }
        c.cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        c.csrf = json(r).get("csrf").asText();
        return c;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws Exception {
        return http.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A state-changing request with the session's CSRF token (when signed in). */
    HttpResponse<String> send(String method, String path, String json, String... headers) throws Exception {
        HttpRequest.Builder b = builder(path).method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request without the CSRF token, as a forging site would send it (the browser adds the cookie). */
    HttpResponse<String> forged(String method, String path, String json, String origin) throws Exception {
        HttpRequest.Builder b = builder(path).method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b;
    }

    /** Sends {@code GET <rawPath>} byte for byte (no client-side normalisation); returns status line and body. */
    String raw(String rawPath) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + (cookie == null ? "" : "Cookie: " + cookie + "\r\n") + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (InputStream in = s.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return Requests.JSON.readTree(r.body());
    }
}
