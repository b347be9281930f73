package org.sinterscope.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /api/rolls/{roll}/genealogy over real HTTP on the web fixture (furnace excursions and XRD filed). */
class GenealogyHttpTest {

    private static WebFixture fx;

    @BeforeAll
    static void app() throws Exception {
        fx = WebFixture.get();
    }

    @Test
    void the_genealogy_ties_the_roll_records_together_and_judges_each_condition() throws Exception {
        ApiClient c = ApiClient.signedIn(fx, WebFixture.OPERATOR);
        var r = c.get("/api/rolls/" + fx.roll + "/genealogy");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode g = ApiClient.json(r);
        assertThat(g.get("roll").get("id").asText()).isEqualTo(fx.roll);
        assertThat(g.get("roll").get("lot").asText()).isEqualTo("foil-A19");
        assertThat(g.get("foil").size()).as("readings of the roll's lot").isEqualTo(8);
        for (JsonNode f : g.get("foil")) {
            assertThat(f.get("lot").asText()).isEqualTo("foil-A19");
        }
        assertThat(g.get("inspection").get("defects").asLong()).isEqualTo(fx.defects);
        assertThat(g.get("sintering").size()).isEqualTo(WebFixture.SEGMENTS);
        assertThat(g.get("xrd").size()).isEqualTo(2);
        assertThat(g.get("cracks").get("frames").asLong()).isEqualTo(WebFixture.SEGMENTS);
        assertThat(g.get("rejects").size()).isPositive();
        assertThat(g.get("limits").get("maxTempC").asDouble()).isEqualTo(600.0);

        Map<String, JsonNode> cond = new HashMap<>();
        g.get("conditions").forEach(n -> cond.put(n.get("id").asText(), n));
        assertThat(cond).containsOnlyKeys("sinter-temperature", "atmosphere", "dwell", "xrd-amorphous", "foil-ra",
                "dried-rolled");
        // the excursion at stretch 8 (0.8-0.9 m) and the O2 spike at stretch 15 (1.5-1.6 m), named with their metres
        assertThat(cond.get("sinter-temperature").get("status").asText()).isEqualTo("FAIL");
        assertThat(cond.get("sinter-temperature").get("evidence").asText()).contains("1 of 24").contains("in 1 run(s)").contains("0.8–0.9 m")
                .contains("640.0 °C");
        assertThat(cond.get("atmosphere").get("status").asText()).isEqualTo("FAIL");
        assertThat(cond.get("atmosphere").get("evidence").asText()).contains("1.5–1.6 m").contains("25.0 ppm");
        assertThat(cond.get("dwell").get("status").asText()).isEqualTo("PASS");
        assertThat(cond.get("xrd-amorphous").get("status").asText()).isEqualTo("FAIL");
        assertThat(cond.get("xrd-amorphous").get("evidence").asText()).contains("S-si111").contains("1 of 2");
        // the fixture's foil-A19 ends with one reading far below the rest (Ra about 0.2 µm, judged by its Ra)
        assertThat(cond.get("foil-ra").get("evidence").asText()).contains("8 reading(s)");
        assertThat(cond.get("dried-rolled").get("status").asText()).isEqualTo("NO_DATA");
    }

    @Test
    void the_roll_report_has_a_compliance_section_in_csv_and_pdf() throws Exception {
        ApiClient c = ApiClient.signedIn(fx, WebFixture.OPERATOR);
        String csv = c.get("/api/rolls/" + fx.roll + "/report.csv").body();
        assertThat(csv).contains("# compliance,sinter-temperature,FAIL,").contains("# compliance,atmosphere,FAIL,")
                .contains("# compliance,dwell,PASS,").contains("# compliance,dried-rolled,NO_DATA,")
                .contains("# xrd,S-si111,1.600,0.1370,0.0500,CRYSTALLINE").contains("# xrd,S-amorphous,0.500,0.0110,0.0500,AMORPHOUS")
                .contains("# furnace_flagged,0.800,0.900,640.0,").contains("furnace-temperature")
                .contains("# furnace_flagged,1.500,1.600,").contains(",25.0,furnace-o2");
        assertThat(csv.lines().filter(l -> l.startsWith("# furnace_flagged,"))).hasSize(2);
        byte[] pdf = c.getBytes("/api/rolls/" + fx.roll + "/report.pdf").body();
        StringBuilder text = new StringBuilder();
        try (com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            com.lowagie.text.pdf.parser.PdfTextExtractor ex = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                text.append(ex.getTextFromPage(p)).append('\n');
            }
        }
        assertThat(text.toString()).contains("Process compliance").contains("Flagged furnace stretches")
                .contains("S-si111").contains("CRYSTALLINE").contains("FAIL").contains("NO_DATA").contains("Foil Ra >= 0.2");
    }

    @Test
    void an_unknown_roll_is_404_and_a_visitor_401() throws Exception {
        ApiClient c = ApiClient.signedIn(fx, WebFixture.OPERATOR);
        assertThat(c.get("/api/rolls/no-such-roll/genealogy").statusCode()).isEqualTo(404);
        assertThat(new ApiClient(fx).get("/api/rolls/" + fx.roll + "/genealogy").statusCode()).isEqualTo(401);
    }
}
