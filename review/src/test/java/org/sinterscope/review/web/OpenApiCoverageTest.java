package org.sinterscope.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The hand-written OpenAPI document and the routes agree both ways: every route under
 * {@code /api/} is documented and every documented operation is routed (a GET route's HEAD twin
 * counts with it). Then every documented operation is called once over real HTTP and must
 * answer with a 2xx.
 */
class OpenApiCoverageTest {

    private static final Map<String, String> BODIES = Map.of(
            "POST /api/login", "{\"user\":\"" + WebFixture.ADMIN + "\",\"password\":\"" + WebFixture.PASSWORD + "\"}",
            "POST /api/defects/{id}/label", "{\"label\":\"crack\"}",
            "POST /api/admin/users", "{\"name\":\"coverage-user\",\"role\":\"operator\",\"password\":\"long enough password\"}",
            "PUT /api/admin/users/{name}", "{\"role\":\"quality\"}",
            "PUT /api/admin/settings", "{\"retentionDays\":0}",
            "POST /api/logout", "");

    private static List<String> documented(JsonNode doc) {
        List<String> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            p.getValue().fieldNames().forEachRemaining(m -> ops.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey()));
        }
        return ops;
    }

    @Test
    void every_api_route_is_documented_and_every_documented_path_is_routed() throws Exception {
        WebFixture fx = WebFixture.get();
        JsonNode doc = ApiClient.json(new ApiClient(fx).get("/api/openapi.json"));
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        TreeSet<String> routed = new TreeSet<>();
        for (String r : fx.app.routes()) {
            if (r.split(" ")[1].startsWith("/api/") && !r.startsWith("HEAD ")) {
                routed.add(r);
            }
        }
        assertThat(new TreeSet<>(documented(doc))).isEqualTo(routed);
        for (String r : fx.app.routes()) {
            if (r.startsWith("GET /api/")) {
                assertThat(fx.app.routes()).as("HEAD twin of " + r).contains("HEAD " + r.substring(4));
            }
        }
    }

    @Test
    void every_documented_operation_answers_over_http() throws Exception {
        WebFixture fx = WebFixture.get();
        ApiClient admin = ApiClient.signedIn(fx, WebFixture.ADMIN);
        long id = ApiClient.json(admin.get("/api/defects?roll=" + fx.roll)).get(0).get("id").asLong();
        List<String> ops = documented(ApiClient.json(admin.get("/api/openapi.json")));
        // create the user before changing it; sign out last
        ops.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        for (String op : ops) {
            String method = op.split(" ")[0];
            String path = op.split(" ")[1].replace("{roll}", fx.roll).replace("{id}", Long.toString(id))
                    .replace("{name}", "coverage-user");
            if (path.startsWith("/api/spc/")) {
                path += "?roll=" + fx.roll;
            }
            // signing in anew would replace the admin's session: that call gets a client of its own
            ApiClient c = op.equals("POST /api/login") ? new ApiClient(fx) : admin;
            HttpResponse<?> r = method.equals("GET") ? c.getBytes(path) : c.send(method, path, BODIES.getOrDefault(op, "{}"));
            assertThat(r.statusCode()).as(op).isBetween(200, 299);
        }
        assertThat(admin.get("/api/session").statusCode()).as("signed out by the last call").isEqualTo(401);
    }

    private static int rank(String op) {
        return switch (op) {
            case "POST /api/admin/users" -> 0;
            case "POST /api/logout" -> 3;
            case "PUT /api/admin/users/{name}" -> 2;
            default -> 1;
        };
    }
}
