package org.sinterscope.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;


class RoughnessCommandTest {

    @TempDir
    Path dir;

    /** A 4.8 mm sine of amplitude {@code ampUm} and wavelength 0.1 mm, sampled every 0.5 µm, as x_mm,z_um. */
    private Path sineCsv(String name, double ampUm) throws Exception {
        StringBuilder b = new StringBuilder("x_mm,z_um\n");
        for (int i = 0; i < 9601; i++) {
            double x = i * 0.0005;
            b.append(String.format(Locale.ROOT, "%.7f,%.9f%n", x, ampUm * Math.sin(2 * Math.PI * x / 0.1)));
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    @Test
    void json_gives_every_parameter_and_the_settings_for_each_profile() throws Exception {
        Path f = sineCsv("foil.csv", 0.5);
        CliRun r = CliRun.of("roughness", f.toString(), "--json", "--material-ratio", "0,50");
        assertThat(r.exit()).isZero();
        JsonNode doc = Json.mapper().readTree(r.out());
        JsonNode p = doc.get("profiles").get(0);
        assertThat(p.get("settings").get("cutoffMm").asDouble()).isEqualTo(0.8);
        assertThat(p.get("settings").get("lambdaSUm").asDouble()).isEqualTo(2.5);
        assertThat(p.get("settings").get("sections").asInt()).isEqualTo(5);
        JsonNode params = p.get("parameters");
        assertThat(params.get("raUm").asDouble()).isCloseTo(1 / Math.PI, offset(0.002));
        assertThat(params.get("rsmUm").asDouble()).isCloseTo(100, offset(0.5));
        for (String k : new String[] {"rqUm", "rsk", "rku", "rpUm", "rvUm", "rzUm", "rtUm", "rdqUmPerUm", "rdcUm",
                "rkUm", "rpkUm", "rvkUm", "mr1Percent", "mr2Percent"}) {
            assertThat(params.get(k)).as(k).isNotNull();
        }
        assertThat(params.get("materialRatioHeightsUm").get(0).asDouble()).isZero();
        assertThat(params.get("materialRatioHeightsUm").get(1).asDouble()).isCloseTo(0.5, offset(0.01));
        assertThat(p.get("foilVerdict").asText()).isEqualTo("PASS");
        assertThat(doc.get("ok").asBoolean()).isTrue();
    }

    @Test
    void no_filter_computes_rz_as_the_mean_section_peak_to_valley() throws Exception {
        Path f = Files.writeString(dir.resolve("steps.csv"), "z_um\n0\n1\n0\n0\n0\n2\n0\n0\n0\n3\n0\n0\n0\n4\n0\n0\n0\n5\n0\n0\n");
        CliRun r = CliRun.of("roughness", f.toString(), "--no-filter", "--spacing-um", "1", "--json", "--material-ratio", "0,100");
        assertThat(r.exit()).isZero();
        JsonNode p = Json.mapper().readTree(r.out()).get("profiles").get(0);
        assertThat(p.get("settings").get("filter").asBoolean()).isFalse();
        assertThat(p.get("parameters").get("rzUm").asDouble()).isCloseTo(3.0, offset(1e-12));
        assertThat(p.get("parameters").get("materialRatioHeightsUm").get(1).asDouble()).isCloseTo(5.0, offset(1e-12));
    }

    @Test
    void a_failing_file_is_reported_and_the_others_still_print() throws Exception {
        Path good = sineCsv("good.csv", 0.1);
        Path bad = Files.writeString(dir.resolve("bad.csv"), "x_mm,z_um\n0,1\n0.001,NaN\n");
        CliRun r = CliRun.of("roughness", bad.toString(), good.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED " + bad + ": line 3").contains("not a finite number");
        assertThat(r.out()).contains(good.toString()).contains("Ra ");
        assertThat(r.out()).contains("foil verdict: FAIL (Ra 0.0636"); // 2·0.1/π < 0.2 µm
    }

    @Test
    void bad_settings_are_a_usage_error() throws Exception {
        Path good = sineCsv("good.csv", 0.5);
        assertThat(CliRun.of("roughness", good.toString(), "--sections", "0").exit()).isEqualTo(2);
        assertThat(CliRun.of("roughness", good.toString(), "--cutoff-mm", "-1").exit()).isEqualTo(2);
    }
}
