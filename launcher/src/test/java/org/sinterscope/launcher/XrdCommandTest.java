package org.sinterscope.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class XrdCommandTest {

    @TempDir
    Path dir;

    /** Centre, FWHM (deg), area (counts × deg), Lorentzian fraction. */
    private record Comp(double c, double w, double area, double eta) {
        double at(double x) {
            double u = (x - c) / w;
            return area * (eta * 2 / (Math.PI * w) / (1 + 4 * u * u)
                    + (1 - eta) * 2 * Math.sqrt(Math.log(2) / Math.PI) / w * Math.exp(-4 * Math.log(2) * u * u));
        }

        double inRange(double a, double b) {
            double s = 0;
            int n = (int) Math.round((b - a) / 0.001);
            for (int i = 0; i <= n; i++) {
                s += (i == 0 || i == n ? 0.5 : 1) * at(a + i * 0.001);
            }
            return s * 0.001;
        }
    }

    private static final List<Comp> HALOS = List.of(new Comp(28.2, 9, 4000, 0.3), new Comp(51.8, 11, 2000, 0.2));

    /** 10–80° in 0.02° steps: linear background, the given components, Poisson-like noise. */
    private static double[][] scan(List<Comp> comps, long seed) {
        Random rnd = new Random(seed);
        int n = 3501;
        double[][] xy = new double[2][n];
        for (int i = 0; i < n; i++) {
            double x = 10 + 0.02 * i;
            double m = 220 - 0.9 * (x - 10);
            for (Comp c : comps) {
                m += c.at(x);
            }
            xy[0][i] = x;
            xy[1][i] = Math.max(0, Math.round(m + Math.sqrt(m) * rnd.nextGaussian()));
        }
        return xy;
    }

    private static double truth(List<Comp> peaks, List<Comp> halos) {
        double p = peaks.stream().mapToDouble(c -> c.inRange(10, 80)).sum();
        double h = halos.stream().mapToDouble(c -> c.inRange(10, 80)).sum();
        return p / (p + h);
    }

    private Path text(String name, String header, double[][] xy, String sep) throws Exception {
        StringBuilder b = new StringBuilder(header);
        for (int i = 0; i < xy[0].length; i++) {
            b.append(String.format(Locale.ROOT, "%.2f%s%.0f%n", xy[0][i], sep, xy[1][i]));
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    private Path xrdml(String name, String comment, double[][] xy) throws Exception {
        StringBuilder counts = new StringBuilder();
        for (double v : xy[1]) {
            counts.append((long) v).append(' ');
        }
        return Files.writeString(dir.resolve(name), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<xrdMeasurements xmlns=\"http://www.xrdml.com/XRDMeasurement/2.1\">\n"
                + "<comment>" + comment + "</comment><sample><id>S-1</id></sample>\n<xrdMeasurement>\n"
                + "<usedWavelength><kAlpha1 unit=\"Angstrom\">1.5405980</kAlpha1></usedWavelength>\n"
                + "<scan><dataPoints>\n<positions axis=\"2Theta\" unit=\"deg\"><startPosition>10</startPosition>"
                + "<endPosition>80</endPosition></positions>\n<intensities unit=\"counts\">" + counts
                + "</intensities>\n</dataPoints></scan></xrdMeasurement></xrdMeasurements>\n");
    }

    @Test
    void halo_si111_and_crystalline_scans_get_their_verdicts_index_and_plots() throws Exception {
        List<Comp> si111 = List.of(new Comp(28.44, 0.3, 900, 0.4));
        List<Comp> xtal = List.of(new Comp(28.44, 0.2, 1000, 0.5), new Comp(47.30, 0.24, 550, 0.5), new Comp(56.12, 0.26, 300, 0.5));
        List<Comp> haloAndPeak = new ArrayList<>(HALOS);
        haloAndPeak.addAll(si111);
        for (long seed : new long[] {21, 22, 23}) {
            Path halo = text("halo-" + seed + ".xy", "# roll: R-7\n# y_mm: 1500\n", scan(HALOS, seed), " ");
            Path peak = text("si111-" + seed + ".csv", "# roll: R-7\n# y_mm: 2500\ntwo_theta_deg,intensity\n",
                    scan(haloAndPeak, seed), ",");
            Path crystalline = xrdml("xtal-" + seed + ".xrdml", "<entry>roll: R-7</entry><entry>y_mm: 3500</entry>",
                    scan(xtal, seed));
            Path plots = dir.resolve("plots-" + seed);
            CliRun r = CliRun.of("xrd", halo.toString(), peak.toString(), crystalline.toString(), "--json", "--plot", plots.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode doc = Json.mapper().readTree(r.out());
            assertThat(doc.get("crystallinityLimit").asDouble()).isEqualTo(0.05); // the built-in recipe's
            JsonNode scans = doc.get("scans");
            assertThat(scans).hasSize(3);
            assertThat(scans.get(0).get("verdict").asText()).isEqualTo("AMORPHOUS");
            assertThat(scans.get(0).get("crystallinityIndex").asDouble()).isCloseTo(0, offset(0.02));
            assertThat(scans.get(0).get("roll").asText()).isEqualTo("R-7");
            assertThat(scans.get(0).get("yMm").asDouble()).isEqualTo(1500);
            assertThat(scans.get(1).get("verdict").asText()).isEqualTo("CRYSTALLINE");
            assertThat(scans.get(1).get("crystallinityIndex").asDouble()).isCloseTo(truth(si111, HALOS), offset(0.02));
            JsonNode p = scans.get(1).get("peaks").get(0);
            assertThat(p.get("reflection").asText()).isEqualTo("Si(111)");
            assertThat(p.get("twoThetaDeg").asDouble()).isCloseTo(28.44, offset(0.02));
            assertThat(p.get("crystalliteSizeNm").asDouble()).isPositive();
            assertThat(scans.get(2).get("verdict").asText()).isEqualTo("CRYSTALLINE");
            assertThat(scans.get(2).get("crystallinityIndex").asDouble()).isCloseTo(1, offset(0.02));
            assertThat(scans.get(2).get("wavelengthA").asDouble()).isEqualTo(1.540598);
            for (JsonNode s : scans) {
                byte[] png = Files.readAllBytes(Path.of(s.get("plot").asText()));
                assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            }
        }
    }

    @Test
    void malformed_files_fail_with_file_and_line_and_the_good_ones_still_print() throws Exception {
        double[][] xy = scan(HALOS, 5);
        Path good = text("good.xy", "# roll: R-7\n# y_mm: 100\n", xy, " ");
        Path badText = Files.writeString(dir.resolve("bad.xy"), Files.readString(good).replace("\n10.10 ", "\n10.10 x"));
        Path badCsv = Files.writeString(dir.resolve("bad.csv"), "two_theta_deg,intensity\n" + "10.0,5\n".repeat(60));
        Path badXml = Files.writeString(dir.resolve("bad.xrdml"), "<?xml version=\"1.0\"?>\n<xrdMeasurements>\n<scan>\n</xrdMeasurements>\n");
        CliRun r = CliRun.of("xrd", good.toString(), badText.toString(), badCsv.toString(), badXml.toString(), "--json");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode doc = Json.mapper().readTree(r.out()); // exactly one document
        assertThat(doc.get("ok").asBoolean()).isFalse();
        assertThat(doc.get("scans")).hasSize(1);
        JsonNode f = doc.get("failures");
        assertThat(f).hasSize(3);
        assertThat(f.get(0).get("file").asText()).isEqualTo(badText.toString());
        assertThat(f.get(0).get("line").asInt()).isEqualTo(8);
        assertThat(f.get(0).get("reason").asText()).contains("not a number");
        assertThat(f.get(1).get("line").asInt()).isEqualTo(3);
        assertThat(f.get(1).get("reason").asText()).contains("does not increase");
        assertThat(f.get(2).get("line").asInt()).isEqualTo(4);
        assertThat(f.get(2).get("reason").asText()).contains("not well-formed XML");

        CliRun human = CliRun.of("xrd", badText.toString());
        assertThat(human.exit()).isEqualTo(1);
        assertThat(human.out()).contains("FAILED " + badText + ": line 8: intensity value 'x");
    }

    @Test
    void an_untagged_scan_is_refused_unless_the_tag_is_given() throws Exception {
        Path plain = text("plain.xy", "", scan(HALOS, 6), " ");
        CliRun r = CliRun.of("xrd", plain.toString(), "--json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(Json.mapper().readTree(r.out()).get("failures").get(0).get("reason").asText())
                .contains("not tagged with its roll");
        CliRun ok = CliRun.of("xrd", plain.toString(), "--roll", "R-9", "--y-mm", "750");
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("roll R-9, y = 750.0 mm").contains("verdict: substantially amorphous");
    }

    @Test
    void the_recipe_sets_the_limit_and_names_the_alloys_reflections() throws Exception {
        List<Comp> comps = new ArrayList<>(HALOS);
        comps.add(new Comp(38.47, 0.3, 300, 0.5));
        Path f = text("al.xy", "# roll: R-3\n# y_mm: 10\n", scan(comps, 7), " ");
        Path recipe = Files.writeString(dir.resolve("alsi.json"), "{\"product\":\"alsi\",\"coating\":{},\"sintering\":{"
                + "\"alloy\":\"Al-Si-Ni\",\"crystallizationTempC\":420,\"marginC\":30,\"xrdMaxCrystallinity\":0.2,"
                + "\"xrdReflections\":[{\"name\":\"Al(111)\",\"twoThetaCuDeg\":38.47}],\"onViolation\":\"hold-for-lab\"}}");
        CliRun r = CliRun.of("xrd", f.toString(), "--recipe", recipe.toString(), "--json");
        assertThat(r.exit()).isZero();
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("alloy").asText()).isEqualTo("Al-Si-Ni");
        JsonNode s = doc.get("scans").get(0);
        assertThat(s.get("limit").asDouble()).isEqualTo(0.2);
        assertThat(s.get("verdict").asText()).isEqualTo("AMORPHOUS"); // CI ≈ 0.05 ≤ 0.2
        assertThat(s.get("peaks").get(0).get("reflection").asText()).isEqualTo("Al(111)");
    }

    @Test
    void a_bad_recipe_or_option_is_a_usage_error_with_one_json_document() throws Exception {
        Path f = text("x.xy", "# roll: R-3\n# y_mm: 10\n", scan(HALOS, 8), " ");
        Path recipe = Files.writeString(dir.resolve("bad.json"), "{\"coating\":{},\"sintering\":{\"alloy\":\"a-Si\"}}");
        CliRun r = CliRun.of("xrd", f.toString(), "--recipe", recipe.toString(), "--json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(Json.mapper().readTree(r.out()).get("error").asText()).contains("'crystallizationTempC' is required");
        CliRun neg = CliRun.of("xrd", f.toString(), "--instrument-fwhm-deg", "-1", "--json");
        assertThat(neg.exit()).isEqualTo(2);
        assertThat(Json.mapper().readTree(neg.out()).get("error").asText()).contains("instrument FWHM");
        CliRun deg = CliRun.of("xrd", f.toString(), "--background-degree", "7", "--json");
        assertThat(deg.exit()).isEqualTo(2);
        assertThat(Json.mapper().readTree(deg.out()).get("error").asText()).contains("background degree must be 0..4, got 7");
    }

    @Test
    void with_store_each_judged_scan_is_kept_with_its_roll() throws Exception {
        Path f = text("kept.xy", "# roll: R-5\n# y_mm: 4200\n", scan(HALOS, 9), " ");
        Path storeDir = dir.resolve("store");
        Path config = Files.writeString(dir.resolve("station.properties"), "sinterscope.store.dir = " + storeDir + "\n");
        CliRun r = CliRun.of("xrd", f.toString(), "--store", "--config", config.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        try (org.sinterscope.review.store.DefectStore store = org.sinterscope.review.store.DefectStore.open(
                org.sinterscope.review.store.StoreSettings.from(org.sinterscope.routes.StationSettings.load(config, java.util.Map.of())))) {
            List<org.sinterscope.review.store.XrdRecord> kept = store.compliance().xrdResults("R-5");
            assertThat(kept).singleElement().satisfies(x -> {
                assertThat(x.yMm()).isEqualTo(4200);
                assertThat(x.verdict()).isEqualTo("AMORPHOUS");
                assertThat(x.source()).isEqualTo(f.toString());
            });
        }
    }
}
