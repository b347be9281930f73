package org.sinterscope.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class BenchCommandTest {

    @Test
    void bad_counts_are_a_usage_error_with_one_json_document() throws Exception {
        CliRun r = CliRun.of("bench", "--frames", "0", "--json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(Json.mapper().readTree(r.out()).get("error").asText()).contains("--frames");
    }

    @Test
    void one_frame_of_each_kind_gives_every_stage_and_the_ratio_to_a_memory_pass() throws Exception {
        CliRun r = CliRun.of("bench", "--frames", "1", "--rounds", "1", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("frameWidthPx").asInt()).isEqualTo(4096);
        JsonNode stages = doc.get("stages");
        for (String s : List.of("memoryPass", "profile", "edges", "streaks", "spots", "classifier", "pipeline")) {
            assertThat(stages.has(s)).as(s).isTrue();
        }
        double memory = stages.get("memoryPass").get("cleanMs").asDouble();
        double profile = stages.get("profile").get("cleanMs").asDouble();
        double pipeline = stages.get("pipeline").get("cleanMs").asDouble();
        assertThat(memory).isPositive();
        // the pipeline does the profile and more; a memory pass is the least any stage can cost
        assertThat(pipeline).isGreaterThan(profile);
        assertThat(profile).isGreaterThan(memory);
        assertThat(doc.get("ratioToMemoryPassClean").asDouble()).isCloseTo(pipeline / memory, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(doc.get("pipelineMpxPerSecond1Core").asDouble()).isPositive();
        assertThat(doc.get("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
