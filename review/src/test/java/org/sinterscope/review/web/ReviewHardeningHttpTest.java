package org.sinterscope.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sinterscope.review.web.auth.LoginThrottle;
import org.sinterscope.review.web.auth.MovingClock;
import org.sinterscope.review.web.auth.Passwords;

/**
 * The outside probe's findings, each over real HTTP against an app of its own (over the shared
 * fixture store, so its sign-in lockouts and connection limits touch no other test): slow
 * clients, sign-in flooding, open redirects, lax JSON, HEAD, 405, nosniff, disconnects.
 */
class ReviewHardeningHttpTest {

    private static final int PER_CLIENT = 24;
    private static WebFixture fx;
    private static ReviewApp app;
    private static final MovingClock CLOCK = new MovingClock();

    @BeforeAll
    static void start() throws Exception {
        fx = WebFixture.get();
        WebSettings w = WebSettings.local(0).withLimits(8, Duration.ofSeconds(30), 64, PER_CLIENT);
        WebExtension big = routes -> routes.get("/test/stream", ctx -> {
            byte[] chunk = new byte[64 * 1024];
            OutputStream out = ctx.contentType("application/octet-stream").outputStream();
            for (int i = 0; i < 2048; i++) { // 128 MB: far more than any socket buffer holds
                out.write(chunk);
            }
        });
        WebExtension health = routes -> routes.get("/health", ctx -> ctx.json(java.util.Map.of("status", "up")));
        app = ReviewApp.start(fx.store, w, new Passwords(10_000), LoginThrottle.defaults(CLOCK), List.of(big, health));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static ApiClient client() {
        return new ApiClient(app);
    }

    @Test
    void sixteen_slow_header_senders_do_not_delay_a_normal_request_by_a_second() throws Exception {
        ApiClient c = client();
        List<Long> baseline = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            baseline.add(timedMs(c));
        }
        List<Socket> slow = new ArrayList<>();
        AtomicInteger bytes = new AtomicInteger();
        ScheduledExecutorService trickle = Executors.newScheduledThreadPool(2);
        try {
            for (int i = 0; i < 16; i++) {
                Socket s = new Socket("127.0.0.1", app.port());
                s.getOutputStream().write(("GET /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                        .getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
                trickle.scheduleAtFixedRate(() -> {
                    try {
                        s.getOutputStream().write('a');
                        bytes.incrementAndGet();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, 100, 1500, TimeUnit.MILLISECONDS);
            }
            List<Long> during = new ArrayList<>();
            // keep asking while the slow senders trickle: at least 3 bytes each (> 3 s of slowness)
            while (bytes.get() < 48 || during.size() < 5) {
                during.add(timedMs(c));
                await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ofMillis(200)).until(() -> true);
            }
            // every request, not a typical one: the old server froze for minutes once four workers waited on slow clients
            long worst = during.stream().mapToLong(Long::longValue).max().orElseThrow() - median(baseline);
            assertThat(worst).as("largest delay of %d normal requests while 16 clients trickle headers (baseline %s ms, "
                    + "during %s ms)", during.size(), baseline, during).isLessThan(1000);
        } finally {
            trickle.shutdownNow();
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    /** One normal request (answered 200), timed in ms. */
    private static long timedMs(ApiClient c) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = c.get("/api/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long median(List<Long> ms) {
        List<Long> sorted = new ArrayList<>(ms);
        java.util.Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void a_client_gets_no_more_than_its_share_of_connections() throws Exception {
        List<Socket> held = new ArrayList<>();
        long refusedBefore = app.refusedConnections();
        java.net.InetAddress local = java.net.InetAddress.getByName("127.0.0.1");
        try {
            while (held.size() < PER_CLIENT && app.openConnections(local) < PER_CLIENT) {
                held.add(new Socket("127.0.0.1", app.port()));
                int expected = held.size();
                await().atMost(Duration.ofSeconds(5)).until(() -> app.openConnections(local) >= expected);
            }
            assertThat(app.openConnections(local)).isEqualTo(PER_CLIENT);
            try (Socket extra = new Socket("127.0.0.1", app.port())) {
                extra.setSoTimeout(5000);
                extra.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(extra.getInputStream().read()).as("the extra connection is closed unanswered").isEqualTo(-1);
            }
            assertThat(app.refusedConnections()).isGreaterThan(refusedBefore);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> app.openConnections(local) < PER_CLIENT - 16);
        assertThat(client().get("/health").statusCode()).as("served again once the others closed").isEqualTo(200);
    }

    @Test
    void the_eleventh_wrong_password_in_a_minute_is_refused_and_so_is_the_right_one_while_locked() throws Exception {
        Passwords pw = new Passwords(10_000);
        fx.store.users().create("flooded", "operator", pw.hash(WebFixture.PASSWORD.toCharArray()));
        ApiClient c = client();
        for (int i = 1; i <= 10; i++) {
            HttpResponse<String> r = c.send("POST", "/api/login", "{\"user\":\"flooded\",\"password\":\"wrong " + i + "\"}");
            assertThat(r.statusCode()).as("attempt %d", i).isEqualTo(401);
        }
        HttpResponse<String> eleventh = c.send("POST", "/api/login", "{\"user\":\"flooded\",\"password\":\"wrong 11\"}");
        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(eleventh.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        HttpResponse<String> right = c.send("POST", "/api/login",
                "{\"user\":\"flooded\",\"password\":\"" + WebFixture.PASSWORD + "\"}");
        assertThat(right.statusCode()).as("the right password while locked").isEqualTo(429);
        assertThat(right.headers().firstValue("Set-Cookie")).isEmpty();

        ApiClient admin = ApiClient.signedIn(client(), WebFixture.ADMIN);
        assertThat(ApiClient.json(admin.get("/api/admin/lockouts")).toString()).contains("account:flooded");
        JsonNode audit = ApiClient.json(admin.get("/api/admin/audit?action=lockout"));
        assertThat(audit.toString()).contains("flooded").contains("127.0.0.1");

        CLOCK.advance(Duration.ofSeconds(61));
        assertThat(c.send("POST", "/api/login", "{\"user\":\"flooded\",\"password\":\"" + WebFixture.PASSWORD + "\"}")
                .statusCode()).as("after the lockout").isEqualTo(200);
    }

    @Test
    void redirect_targets_after_sign_in_stay_on_this_origin() throws Exception {
        for (String[] c : new String[][] {{"/\\\\evil.example", "/index.html"}, {"/%5Cevil.example", "/%5Cevil.example"},
                {"//evil.example", "/index.html"}, {"https://evil.example", "/index.html"},
                {"/%2F%2Fevil.example", "/%2F%2Fevil.example"}, {"/map.html?roll=R-web-1", "/map.html?roll=R-web-1"}}) {
            HttpResponse<String> r = client().send("POST", "/api/login", "{\"user\":\"" + WebFixture.OPERATOR
                    + "\",\"password\":\"" + WebFixture.PASSWORD + "\",\"next\":\"" + c[0] + "\"}");
            assertThat(r.statusCode()).isEqualTo(200);
            String next = ApiClient.json(r).get("next").asText();
            assertThat(next).as(c[0]).isEqualTo(c[1]);
            URI resolved = URI.create("http://127.0.0.1:" + app.port() + "/login.html").resolve(next);
            assertThat(resolved.getHost()).as(c[0]).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void json_with_trailing_junk_or_duplicate_keys_is_400() throws Exception {
        ApiClient qe = ApiClient.signedIn(client(), WebFixture.QE);
        long id = ApiClient.json(qe.get("/api/defects?roll=" + fx.roll)).get(0).get("id").asLong();
        String before = qe.get("/api/defects/" + id + "/history").body();
        for (String body : new String[] {"{\"label\":\"crack\"} xx", "{\"label\":\"crack\"}{}",
                "{\"label\":\"crack\",\"label\":\"pinhole\"}"}) {
            HttpResponse<String> r = qe.send("POST", "/api/defects/" + id + "/label", body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(ApiClient.json(r).get("error").asText()).as(body).startsWith("malformed JSON:");
        }
        assertThat(qe.get("/api/defects/" + id + "/history").body()).isEqualTo(before);
    }

    @Test
    void head_works_on_api_routes_and_other_methods_get_405_with_allow() throws Exception {
        ApiClient op = ApiClient.signedIn(client(), WebFixture.OPERATOR);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                + "/api/rolls")).method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Cookie", op.cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        HttpResponse<String> del = op.send("DELETE", "/api/rolls", "{}");
        assertThat(del.statusCode()).isEqualTo(405);
        assertThat(del.headers().firstValue("Allow").orElse("")).contains("GET").contains("HEAD");
        assertThat(del.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    @Test
    void errors_are_json_with_nosniff_also_for_malformed_paths() throws Exception {
        HttpResponse<String> r = client().get("/api/rolls");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        for (String raw : new String[] {"/api/rolls/a\\b", "/api/rolls/%00", "/a%5Cb/..%2F"}) {
            String resp = client().raw(raw);
            assertThat(resp).as(raw).matches("(?s)HTTP/1\\.1 40[04] .*").contains("X-Content-Type-Options: nosniff")
                    .doesNotContain("<html").doesNotContain("URISyntaxException");
        }
    }

    @Test
    void a_client_that_disconnects_mid_download_is_no_error() throws Exception {
        long failures = app.failures();
        long aborts = app.clientAborts();
        try (Socket s = new Socket("127.0.0.1", app.port())) {
            s.getOutputStream().write("GET /test/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            assertThat(in.readNBytes(100_000)).hasSize(100_000);
            s.setSoLinger(true, 0); // reset, as a closed browser tab does
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> app.clientAborts() > aborts);
        assertThat(app.failures()).isEqualTo(failures);
    }

    @Test
    void extensions_mount_open_routes_with_the_security_headers() throws Exception {
        HttpResponse<String> r = client().get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(r).get("status").asText()).isEqualTo("up");
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
    }
}
