package org.sinterscope.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Fit(double a90Mm, Double a9095Mm, float score, List<Double> values, double defined) {
    }

    @Test
    void non_finite_numbers_are_written_as_null_and_finite_ones_as_numbers() throws Exception {
        StringWriter w = new StringWriter();
        Json.print(new PrintWriter(w), new Fit(Double.NaN, Double.POSITIVE_INFINITY, Float.NaN,
                java.util.Arrays.asList(1.25, Double.NEGATIVE_INFINITY, null), 0.24));
        JsonNode n = Json.mapper().readTree(w.toString());
        assertThat(n.get("a90Mm").isNull()).isTrue();
        assertThat(n.get("a9095Mm").isNull()).isTrue();
        assertThat(n.get("score").isNull()).isTrue();
        assertThat(n.get("values").get(0).asDouble()).isEqualTo(1.25);
        assertThat(n.get("values").get(1).isNull()).isTrue();
        assertThat(n.get("values").get(2).isNull()).isTrue();
        assertThat(n.get("defined").isNumber()).isTrue();
        assertThat(n.get("defined").asDouble()).isEqualTo(0.24);
        assertThat(w.toString()).doesNotContain("NaN").doesNotContain("Infinity");
    }
}
