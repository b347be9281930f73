package org.sinterscope.routes.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RecipeFoilCrackTest {

    private static Recipe parse(String json) throws IOException {
        return RecipeLoader.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void default_recipe_has_the_foil_spec_and_crack_limits() {
        Recipe r = RecipeLoader.defaults();
        assertThat(r.foil().minRaUm()).isEqualTo(0.2);
        assertThat(r.foil().maxRzUm()).isNaN();
        assertThat(r.crack().any()).isTrue();
        assertThat(r.crack().maxLengthMm()).isEqualTo(0.5);
    }

    @Test
    void recipe_without_foil_section_gets_the_product_spec_and_no_crack_limits() throws IOException {
        Recipe r = parse("{\"product\":\"p\",\"coating\":{}}");
        assertThat(r.foil()).isEqualTo(Recipe.FoilLimits.productSpec());
        assertThat(r.crack().any()).isFalse();
    }

    @Test
    void foil_windows_are_read() throws IOException {
        Recipe r = parse("{\"coating\":{},\"foil\":{\"minRaUm\":0.25,\"minRzUm\":1,\"maxRzUm\":4,\"minRsmUm\":20,\"maxRsmUm\":150}}");
        assertThat(r.foil()).isEqualTo(new Recipe.FoilLimits(0.25, 1, 4, 20, 150));
    }

    @Test
    void crack_section_and_defects_crack_together_are_refused() {
        assertThatThrownBy(() -> parse("{\"coating\":{},\"defects\":{\"crack\":{\"minSizeMm\":0.5}},\"crack\":{\"maxLengthMm\":1}}"))
                .hasMessageContaining("test.json").hasMessageContaining("crack limits in one place");
    }

    @Test
    void inverted_foil_window_is_refused_with_the_values() {
        assertThatThrownBy(() -> parse("{\"coating\":{},\"foil\":{\"minRzUm\":5,\"maxRzUm\":4}}"))
                .hasMessageContaining("Rz [5.0, 4.0]");
    }

    @Test
    void unknown_key_in_crack_section_is_refused() {
        assertThatThrownBy(() -> parse("{\"coating\":{},\"crack\":{\"maxDepthUm\":3}}"))
                .hasMessageContaining("unknown key 'maxDepthUm' in test.json crack");
    }
}
