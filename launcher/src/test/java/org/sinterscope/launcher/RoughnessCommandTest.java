package org.sinterscope.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sinterscope.camera.profile.X3pWriter;

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

    static final int NX = 200;
    static final int NY = 160;

    /** Invalid points: 20 per row, placed symmetrically about the centre column. */
    static boolean invalid(int ix) {
        return ix % 20 == 3 || (NX - 1 - ix) % 20 == 3;
    }

    /** Height in µm: a cosine of amplitude 0.5 µm and wavelength 50 µm, symmetric about the centre column. */
    static double heightUm(int ix) {
        return 0.5 * Math.cos(2 * Math.PI * (ix - (NX - 1) / 2.0) / 50);
    }

    /**
     * The cosine grid in metres at 1 µm spacing, tilted and offset, its invalid points NaN and −inf.
     * By symmetry the least-squares plane of the valid points is exactly the tilt and offset.
     */
    private Path arealX3p(String name, X3pWriter.Layout layout) throws Exception {
        double[] z = new double[NX * NY];
        for (int iy = 0; iy < NY; iy++) {
            for (int ix = 0; ix < NX; ix++) {
                z[iy * NX + ix] = invalid(ix) ? (iy % 2 == 0 ? Double.NaN : Double.NEGATIVE_INFINITY)
                        : 1e-6 * heightUm(ix) + 1e-9 * ix - 2e-9 * iy + 3e-3;
            }
        }
        return Files.write(dir.resolve(name), X3pWriter.areal(NX, NY, 1e-6, 1e-6, z, layout, null));
    }

    @Test
    void an_areal_x3p_gives_areal_parameters_and_its_invalid_share_in_json() throws Exception {
        for (X3pWriter.Layout layout : X3pWriter.Layout.values()) {
            Path f = arealX3p("scan-" + layout + ".x3p", layout);
            CliRun r = CliRun.of("roughness", f.toString(), "--json", "--smr-um", "0", "--material-ratio", "50");
            assertThat(r.exit()).as(r.out()).isZero();
            JsonNode doc = Json.mapper().readTree(r.out());
            assertThat(doc.get("profiles")).isEmpty();
            JsonNode s = doc.get("surfaces").get(0);
            assertThat(s.get("sizeX").asInt()).isEqualTo(NX);
            assertThat(s.get("invalidPoints").asInt()).isEqualTo(20 * NY);
            assertThat(s.get("invalidShare").asDouble()).isCloseTo(0.1, offset(1e-12));
            assertThat(s.get("settings").get("formRemovalDegree").asInt()).isEqualTo(1);
            JsonNode p = s.get("parameters");
            // reference: the cosine's values at the valid columns, from their own mean (the plane is exact by symmetry)
            double sum = 0;
            int n = 0;
            for (int ix = 0; ix < NX; ix++) {
                if (!invalid(ix)) {
                    sum += heightUm(ix);
                    n++;
                }
            }
            double mean = sum / n;
            double sa = 0;
            double sq = 0;
            for (int ix = 0; ix < NX; ix++) {
                if (!invalid(ix)) {
                    sa += Math.abs(heightUm(ix) - mean) / n;
                    sq += Math.pow(heightUm(ix) - mean, 2) / n;
                }
            }
            assertThat(p.get("sqUm").asDouble()).isCloseTo(Math.sqrt(sq), offset(1e-9));
            assertThat(p.get("saUm").asDouble()).isCloseTo(sa, offset(1e-9));
            assertThat(p.get("smrPercents").get(0).asDouble()).isCloseTo(50, offset(3.0));
            for (String k : new String[] {"ssk", "sku", "spUm", "svUm", "szUm", "sdq", "sdrPercent", "skUm", "spkUm",
                    "svkUm", "smr1Percent", "smr2Percent"}) {
                assertThat(p.get(k).isNumber()).as(k).isTrue();
            }
            assertThat(doc.get("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void areal_settings_and_rows_show_in_the_text_output() throws Exception {
        Path f = arealX3p("scan.x3p", X3pWriter.Layout.BINARY);
        CliRun r = CliRun.of("roughness", f.toString(), "--s-filter-um", "2.5", "--l-filter-mm", "0.05",
                "--form-degree", "2", "--rows", "2", "--no-filter", "--sections", "1");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("(areal, ISO 25178-2)").contains("invalid 3200 (10 %)")
                .contains("form removal degree 2, S-filter 2.5 µm, L-filter 0.05 mm").contains("Sdr ")
                .contains("Smr2 ").contains(" row 0 (y = 0 mm)").contains(" row 159 (y = 0.159 mm)")
                .contains("1 areal surface(s), 2 profile(s) evaluated, 0 failed");
    }

    @Test
    void the_areal_opengps_samples_give_areal_parameters() throws Exception {
        Path samples = Path.of("..", "..", "..", "shared", "data", "x3p-samples").toAbsolutePath().normalize();
        if (!Files.isDirectory(samples)) {
            samples = Path.of("/work/shared/data/x3p-samples");
        }
        CliRun r = CliRun.of("roughness", samples.resolve("ISO5436-sample1.x3p").toString(),
                samples.resolve("ISO5436-sample4_bin.x3p").toString(), "--json");
        assertThat(r.exit()).as(r.out()).isZero();
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("surfaces")).hasSize(2);
        for (JsonNode s : doc.get("surfaces")) {
            assertThat(s.get("invalidPoints").asInt()).isEqualTo(1);
            assertThat(s.get("invalidShare").asDouble()).isEqualTo(1.0 / 16);
            assertThat(s.get("parameters").get("sqUm").asDouble()).isPositive();
            assertThat(s.get("parameters").get("sdq").isNull()).isTrue(); // 4 x 4: no 7-point stencil
            assertThat(s.get("notes").toString()).contains("Sdq and Sdr not evaluated");
        }
    }

    @Test
    void a_flat_profile_reports_undefined_skewness_and_kurtosis_with_a_note() throws Exception {
        StringBuilder b = new StringBuilder("x_mm,z_um\n");
        for (int i = 0; i < 9601; i++) {
            b.append(String.format(Locale.ROOT, "%.7f,2.0%n", i * 0.0005));
        }
        Path f = Files.writeString(dir.resolve("flat.csv"), b.toString());
        for (String[] extra : new String[][] {{}, {"--no-filter"}}) {
            String[] args = new String[3 + extra.length];
            args[0] = "roughness";
            args[1] = f.toString();
            args[2] = "--json";
            System.arraycopy(extra, 0, args, 3, extra.length);
            CliRun r = CliRun.of(args);
            JsonNode p = Json.mapper().readTree(r.out()).get("profiles").get(0);
            assertThat(p.get("parameters").get("rsk").isNull()).as("Rsk %s", (Object) extra).isTrue();
            assertThat(p.get("parameters").get("rku").isNull()).isTrue();
            assertThat(p.get("notes").toString()).contains("Rsk, Rku and RSm undefined");
        }
    }

    @Test
    void bad_areal_settings_are_a_usage_error() throws Exception {
        Path f = arealX3p("scan.x3p", X3pWriter.Layout.XML);
        assertThat(CliRun.of("roughness", f.toString(), "--form-degree", "9").exit()).isEqualTo(2);
        assertThat(CliRun.of("roughness", f.toString(), "--s-filter-um", "-1").exit()).isEqualTo(2);
        assertThat(CliRun.of("roughness", f.toString(), "--rows", "-1").exit()).isEqualTo(2);
    }
}
