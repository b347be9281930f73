package org.sinterscope.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The review API over real HTTP, on a store filled by the store's fixtures. */
class ReviewApiHttpTest {

    private static WebFixture fx;

    @BeforeAll
    static void app() throws Exception {
        fx = WebFixture.get();
    }

    private static long firstDefect(ApiClient c, String query) throws Exception {
        JsonNode list = ApiClient.json(c.get("/api/defects?roll=" + fx.roll + query));
        assertThat(list.size()).as("defects in the fixture roll").isPositive();
        return list.get(0).get("id").asLong();
    }

    @Test
    void the_roll_is_in_the_store_segment_by_segment() throws Exception {
        ApiClient c = ApiClient.signedIn(fx, WebFixture.OPERATOR);
        JsonNode roll = ApiClient.json(c.get("/api/rolls/" + fx.roll));
        assertThat(roll.get("segments").asLong()).isEqualTo(WebFixture.SEGMENTS);
        JsonNode map = ApiClient.json(c.get("/api/rolls/" + fx.roll + "/map"));
        assertThat(map.get("defects").size()).isEqualTo(fx.defects);
        assertThat(map.get("rejects").size()).isPositive();
        JsonNode rep = ApiClient.json(c.get("/api/rolls/" + fx.roll + "/report"));
        // the union of the reject spans, clipped to the inspected length (spans come sorted by start)
        double length = roll.get("lengthMm").asDouble();
        double rejected = 0;
        double end = 0;
        for (JsonNode s : map.get("rejects")) {
            double a = Math.max(end, Math.max(0, s.get("y0Mm").asDouble()));
            double b = Math.min(length, s.get("y1Mm").asDouble());
            if (b > a) {
                rejected += b - a;
            }
            end = Math.max(end, b);
        }
        assertThat(rep.get("rejectedMeters").asDouble()).isCloseTo(rejected / 1000, org.assertj.core.data.Offset.offset(0.02));
        assertThat(rep.get("commandOutcomes").get("FIRED").asLong()).isEqualTo(rep.get("rejectCommands").asLong());
        assertThat(ApiClient.json(c.get("/api/store/status")).get("refused").asLong()).isZero();
    }

    @Test
    void the_api_needs_a_session_and_a_right_password() throws Exception {
        ApiClient anon = new ApiClient(fx);
        assertThat(anon.get("/api/rolls").statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = anon.send("POST", "/api/login", "{\"user\":\"qe-anna\",\"password\":\"nope\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(ApiClient.json(wrong).get("error").asText()).contains("wrong user name or password");
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void a_quality_engineer_relabels_and_the_history_records_who_and_when() throws Exception {
        ApiClient qe = ApiClient.signedIn(fx, WebFixture.QE);
        long id = firstDefect(qe, "");
        HttpResponse<String> r = qe.send("POST", "/api/defects/" + id + "/label", "{\"label\":\"agglomerate\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = ApiClient.json(r);
        assertThat(body.get("defect").get("label").asText()).isEqualTo("agglomerate");
        assertThat(body.get("defect").get("labelledBy").asText()).isEqualTo(WebFixture.QE);
        JsonNode last = body.get("history").get(body.get("history").size() - 1);
        assertThat(last.get("byUser").asText()).isEqualTo(WebFixture.QE);
        assertThat(last.get("at").asText()).isNotBlank();
    }

    @Test
    void relabel_by_an_operator_is_refused_with_403() throws Exception {
        ApiClient op = ApiClient.signedIn(fx, WebFixture.OPERATOR);
        long id = firstDefect(op, "");
        String before = ApiClient.json(op.get("/api/defects/" + id)).path("label").asText();
        HttpResponse<String> r = op.send("POST", "/api/defects/" + id + "/label", "{\"label\":\"crack\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(r).get("error").asText()).contains("operator").contains("quality");
        assertThat(ApiClient.json(op.get("/api/defects/" + id)).path("label").asText()).isEqualTo(before);
    }

    @Test
    void a_forged_cross_site_relabel_is_refused() throws Exception {
        ApiClient qe = ApiClient.signedIn(fx, WebFixture.QE);
        long id = firstDefect(qe, "");
        String before = qe.get("/api/defects/" + id + "/history").body();
        HttpResponse<String> crossSite = qe.forged("POST", "/api/defects/" + id + "/label", "{\"label\":\"crack\"}",
                "http://evil.example");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(crossSite).get("error").asText()).contains("cross-site");
        HttpResponse<String> noToken = qe.forged("POST", "/api/defects/" + id + "/label", "{\"label\":\"crack\"}", null);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(noToken).get("error").asText()).contains("CSRF");
        HttpResponse<String> wrongToken = qe.send("POST", "/api/defects/" + id + "/label", "{\"label\":\"crack\"}",
                "X-CSRF-Token", "guessed");
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(qe.get("/api/defects/" + id + "/history").body()).as("history unchanged").isEqualTo(before);
    }

    @Test
    void path_traversal_on_image_urls_is_404() throws Exception {
        ApiClient qe = ApiClient.signedIn(fx, WebFixture.QE);
        long id = firstDefect(qe, "");
        assertThat(qe.getBytes("/api/defects/" + id + "/crop.png").statusCode()).isEqualTo(200);
        for (String path : List.of("/api/defects/" + id + "/..%2F..%2F..%2Fetc%2Fpasswd",
                "/api/defects/../../../../etc/passwd", "/api/defects/%2e%2e/%2e%2e/etc/passwd",
                "/api/defects/" + id + "%2F..%2F..%2Fsinterscope.mv.db/crop.png", "/webjars/../../etc/passwd",
                "/webjars/uplot/1.6.30/..%5C..%5C..%5Cweb%5Capp.js", "/../../../etc/passwd", "/%2e%2e/pom.xml",
                "/api/defects/" + id + "/crop.png%00.txt")) {
            String resp = qe.raw(path);
            // Jetty refuses dot segments above the root and encoded separators as 400; the rest is 404
            assertThat(resp).as(path).matches("(?s)HTTP/1\\.1 40[04] .*").doesNotContain("root:")
                    .doesNotContain("<html").contains("X-Content-Type-Options: nosniff");
        }
    }

    @Test
    void malformed_json_is_400_with_a_message() throws Exception {
        ApiClient qe = ApiClient.signedIn(fx, WebFixture.QE);
        long id = firstDefect(qe, "");
        HttpResponse<String> r = qe.send("POST", "/api/defects/" + id + "/label", "{\"label\": ");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(r).get("error").asText()).startsWith("malformed JSON:");
        HttpResponse<String> unknown = qe.send("POST", "/api/defects/" + id + "/label", "{\"label\":\"blob\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(unknown).get("error").asText()).contains("unknown defect class 'blob'");
        HttpResponse<String> missing = qe.send("POST", "/api/defects/" + id + "/label", "{}");
        assertThat(ApiClient.json(missing).get("error").asText()).contains("'label' is required");
        assertThat(qe.send("POST", "/api/defects/999999/label", "{\"label\":\"crack\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void invalid_filters_are_400_naming_the_parameter() throws Exception {
        ApiClient op = ApiClient.signedIn(fx, WebFixture.OPERATOR);
        for (String[] c : new String[][] {{"minConfidence=2", "minConfidence"}, {"class=blob", "unknown defect class"},
                {"from=yesterday", "'from'"}, {"limit=0", "'limit'"}, {"reviewed=maybe", "'reviewed'"},
                {"minConfidence=0.9&maxConfidence=0.1", "above maxConfidence"}}) {
            HttpResponse<String> r = op.get("/api/defects?" + c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(ApiClient.json(r).get("error").asText()).as(c[0]).contains(c[1]);
        }
        assertThat(op.get("/api/spc/coating-cv").statusCode()).isEqualTo(400);
        assertThat(op.get("/api/rolls/no-such-roll/map").statusCode()).isEqualTo(404);
    }

    @Test
    void reports_download_as_csv_and_pdf() throws Exception {
        ApiClient op = ApiClient.signedIn(fx, WebFixture.OPERATOR);
        HttpResponse<String> csv = op.get("/api/rolls/" + fx.roll + "/report.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("# roll," + fx.roll).contains("# yield_percent,")
                .contains("id,class,line_class,confidence");
        HttpResponse<byte[]> pdf = op.getBytes("/api/rolls/" + fx.roll + "/report.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(op.getBytes("/api/export/labelled.zip").statusCode()).as("operators may not export").isEqualTo(403);
    }

    @Test
    void the_labelled_zip_holds_the_relabelled_crop_in_its_class_folder() throws Exception {
        ApiClient qe = ApiClient.signedIn(fx, WebFixture.QE);
        JsonNode list = ApiClient.json(qe.get("/api/defects?roll=" + fx.roll));
        long id = list.get(list.size() - 1).get("id").asLong();
        assertThat(qe.send("POST", "/api/defects/" + id + "/label", "{\"label\":\"scratch\"}").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> zip = qe.getBytes("/api/export/labelled.zip");
        assertThat(zip.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        assertThat(names).contains("scratch/" + fx.roll + "_" + id + ".png").allMatch(n -> n.matches("[a-z]+/[^/]+\\.png"));
    }

    @Test
    void only_admins_manage_users() throws Exception {
        ApiClient qe = ApiClient.signedIn(fx, WebFixture.QE);
        assertThat(qe.get("/api/admin/users").statusCode()).isEqualTo(403);
        ApiClient admin = ApiClient.signedIn(fx, WebFixture.ADMIN);
        HttpResponse<String> weak = admin.send("POST", "/api/admin/users",
                "{\"name\":\"new-op\",\"role\":\"operator\",\"password\":\"short\"}");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(admin.send("POST", "/api/admin/users",
                "{\"name\":\"new-op\",\"role\":\"operator\",\"password\":\"long enough password\"}").statusCode()).isEqualTo(201);
        assertThat(admin.send("POST", "/api/admin/users",
                "{\"name\":\"new-op\",\"role\":\"operator\",\"password\":\"long enough password\"}").statusCode()).isEqualTo(409);
        assertThat(ApiClient.json(admin.get("/api/admin/users")).toString()).contains("new-op").doesNotContain("pbkdf2");
        assertThat(admin.send("PUT", "/api/admin/settings", "{\"retentionDays\":-1}").statusCode()).isEqualTo(400);
    }

    @Test
    void pages_and_webjars_are_served_with_the_security_headers() throws Exception {
        ApiClient anon = new ApiClient(fx);
        HttpResponse<String> root = anon.get("/");
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(root.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
        HttpResponse<String> js = anon.get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(js.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(anon.get("/no-such-page.html").statusCode()).isEqualTo(404);
    }
}
