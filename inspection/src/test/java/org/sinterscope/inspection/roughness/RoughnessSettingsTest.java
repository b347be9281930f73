package org.sinterscope.inspection.roughness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class RoughnessSettingsTest {

    @Test
    void defaults_are_the_cutoff_table_row_for_ra_between_0_1_and_2_um() {
        RoughnessSettings d = RoughnessSettings.defaults();
        assertThat(d.cutoffMm()).isEqualTo(0.8);
        assertThat(d.lambdaSUm()).isEqualTo(2.5);
        assertThat(d.sections()).isEqualTo(5);
        assertThat(RoughnessSettings.forExpectedRaUm(0.2)).isEqualTo(d);
        assertThat(RoughnessSettings.forExpectedRaUm(0.05).cutoffMm()).isEqualTo(0.25);
        assertThat(RoughnessSettings.forExpectedRaUm(5).cutoffMm()).isEqualTo(2.5);
        assertThat(RoughnessSettings.forExpectedRaUm(5).lambdaSUm()).isEqualTo(8);
        assertThat(RoughnessSettings.forExpectedRaUm(20).cutoffMm()).isEqualTo(8);
    }

    @Test
    void invalid_settings_are_refused_with_the_offending_value() {
        assertThatThrownBy(() -> RoughnessSettings.defaults().withCutoffMm(-1)).hasMessageContaining("-1.0");
        assertThatThrownBy(() -> RoughnessSettings.defaults().withSections(0)).hasMessageContaining("got 0");
        assertThatThrownBy(() -> RoughnessSettings.defaults().withLambdaSUm(100)).hasMessageContaining("100.0 µm");
        assertThatThrownBy(() -> RoughnessSettings.defaults().withMaterialRatioPercents(List.of(120.0)))
                .hasMessageContaining("120.0");
        assertThatThrownBy(() -> RoughnessSettings.defaults().withFormDegree(9)).hasMessageContaining("got 9");
    }
}
