package org.sinterscope.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.sinterscope.review.web.auth.Passwords;

/**
 * HTTPS when a keystore is set: a self-signed certificate made with the JDK's keytool, the
 * client trusting exactly that certificate. The session cookie is Secure and HSTS is sent.
 */
class TlsHttpTest {

    @Test
    void with_a_keystore_the_app_speaks_https_with_secure_cookies_and_hsts() throws Exception {
        WebFixture fx = WebFixture.get();
        Path ks = Files.createTempDirectory(Path.of("target"), "tls").resolve("review.p12").toAbsolutePath();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "review", "-keyalg", "EC", "-groupname", "secp256r1", "-storetype", "PKCS12",
                "-keystore", ks.toString(), "-storepass", "test-pass", "-dname", "CN=127.0.0.1", "-validity", "2",
                "-ext", "SAN=ip:127.0.0.1").redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();

        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            trust.load(in, "test-pass".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        HttpClient http = HttpClient.newBuilder().sslContext(ssl).build();

        WebSettings w = WebSettings.local(0).withTls(ks, "test-pass");
        try (ReviewApp app = ReviewApp.start(fx.store, w, new Passwords(10_000), List.of())) {
            assertThat(app.url()).startsWith("https://");
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + app.port()
                    + "/api/login")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                    "{\"user\":\"" + WebFixture.OPERATOR + "\",\"password\":\"" + WebFixture.PASSWORD + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).startsWith("sinterscope_session=").containsIgnoringCase("Secure")
                    .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
            assertThat(r.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v ->
                    assertThat(v).startsWith("max-age="));
            HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + app.port()
                    + "/api/session")).header("Cookie", cookie.split(";")[0]).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains(WebFixture.OPERATOR);
        }
    }
}
