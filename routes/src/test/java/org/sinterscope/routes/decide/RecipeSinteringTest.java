package org.sinterscope.routes.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.sinterscope.inspection.xrd.Reflection;

class RecipeSinteringTest {

    private static Recipe parse(String json) throws IOException {
        return RecipeLoader.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    private static Recipe sintering(String body) throws IOException {
        return parse("{\"coating\":{},\"sintering\":{" + body + "}}");
    }

    private static final String MIN = "\"alloy\":\"Al-Si-Ni\",\"crystallizationTempC\":420,\"marginC\":30";

    @Test
    void default_recipe_has_the_a_si_window() {
        SinteringLimits s = RecipeLoader.defaults().sinteringLimits().orElseThrow();
        assertThat(s.alloy()).isEqualTo("a-Si");
        assertThat(s.maxTempC()).isEqualTo(600);
        assertThat(s.maxO2Ppm()).isEqualTo(10);
        assertThat(s.maxDewPointC()).isEqualTo(-40);
        assertThat(s.xrdMaxCrystallinity()).isEqualTo(0.05);
        assertThat(s.onViolation()).isEqualTo(SinteringLimits.Violation.REJECT);
    }

    @Test
    void a_recipe_without_the_section_has_none() throws IOException {
        assertThat(parse("{\"coating\":{}}").sinteringLimits()).isEmpty();
    }

    @Test
    void the_minimal_section_leaves_the_other_limits_off_and_rejects() throws IOException {
        SinteringLimits s = sintering(MIN).sinteringLimits().orElseThrow();
        assertThat(s.maxTempC()).isEqualTo(390);
        assertThat(s.maxO2Ppm()).isNaN();
        assertThat(s.minDwellS()).isNaN();
        assertThat(s.xrdMaxCrystallinity()).isNaN();
        assertThat(s.xrdReflections()).isEmpty();
        assertThat(s.onViolation()).isEqualTo(SinteringLimits.Violation.REJECT);
    }

    @Test
    void every_key_is_read() throws IOException {
        SinteringLimits s = sintering(MIN + ",\"maxO2Ppm\":5,\"maxDewPointC\":-50,\"minDwellS\":30,\"dwellLevelC\":300,"
                + "\"xrdMaxCrystallinity\":0.1,\"xrdReflections\":[{\"name\":\"Al(111)\",\"twoThetaCuDeg\":38.47}],"
                + "\"onViolation\":\"hold-for-lab\"").sinteringLimits().orElseThrow();
        assertThat(s).isEqualTo(new SinteringLimits("Al-Si-Ni", 420, 30, 5, -50, 30, 300, 0.1,
                java.util.List.of(new Reflection("Al(111)", 38.47)), SinteringLimits.Violation.HOLD_FOR_LAB));
    }

    @Test
    void bad_sections_are_refused_with_the_file_and_the_reason() {
        assertThatThrownBy(() -> sintering(MIN + ",\"maxTempC\":400"))
                .hasMessageContaining("unknown key 'maxTempC' in test.json sintering");
        assertThatThrownBy(() -> sintering("\"alloy\":\"a-Si\",\"marginC\":30"))
                .hasMessageContaining("test.json").hasMessageContaining("'crystallizationTempC' is required");
        assertThatThrownBy(() -> sintering(MIN + ",\"onViolation\":\"ignore\""))
                .hasMessageContaining("onViolation must be 'reject' or 'hold-for-lab', got 'ignore'");
        assertThatThrownBy(() -> sintering(MIN + ",\"minDwellS\":30"))
                .hasMessageContaining("minDwellS and dwellLevelC go together");
        assertThatThrownBy(() -> sintering(MIN + ",\"minDwellS\":30,\"dwellLevelC\":400"))
                .hasMessageContaining("dwell level 400.0 °C must lie below the highest allowed temperature 390.0 °C");
        assertThatThrownBy(() -> sintering(MIN.replace("30", "500")))
                .hasMessageContaining("margin must be >= 0 °C and below the crystallization temperature");
        assertThatThrownBy(() -> sintering(MIN + ",\"maxO2Ppm\":\"10\""))
                .hasMessageContaining("'maxO2Ppm' must be a number");
        assertThatThrownBy(() -> sintering(MIN + ",\"xrdMaxCrystallinity\":1.5"))
                .hasMessageContaining("XRD crystallinity limit must be within [0, 1], got 1.5");
        assertThatThrownBy(() -> sintering(MIN + ",\"xrdReflections\":[{\"name\":\"X\",\"twoTheta\":30}]"))
                .hasMessageContaining("unknown key 'twoTheta' in test.json sintering.xrdReflections");
    }
}
