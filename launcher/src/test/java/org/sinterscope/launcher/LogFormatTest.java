package org.sinterscope.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code sinterscope.log.format}: plain lines by default, one JSON object per line with {@code json}. */
class LogFormatTest {

    private static final Logger LOG = LoggerFactory.getLogger("org.sinterscope.test.LogFormat");
    private final PrintStream err = System.err;

    @AfterEach
    void restore() {
        System.setErr(err);
        LogFormat.apply("plain");
    }

    private static List<String> captured(Runnable logging) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            logging.run();
        } finally {
            System.setErr(old);
        }
        return buf.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void json_gives_one_object_per_event_even_for_multi_line_messages_and_stack_traces() throws Exception {
        LogFormat.apply("json");
        List<String> lines = captured(() -> {
            LOG.info("frame {} inspected\nsecond line", 42);
            LOG.error("link down", new IllegalStateException("broker gone"));
        });
        assertThat(lines).hasSize(2);
        ObjectMapper m = new ObjectMapper();
        JsonNode info = m.readTree(lines.get(0));
        assertThat(info.get("level").asText()).isEqualTo("INFO");
        assertThat(info.get("logger").asText()).isEqualTo("org.sinterscope.test.LogFormat");
        assertThat(info.get("message").asText()).isEqualTo("frame 42 inspected\nsecond line");
        assertThat(info.get("thread").asText()).isEqualTo(Thread.currentThread().getName());
        assertThat(java.time.Instant.parse(info.get("time").asText())).isNotNull();
        assertThat(info.has("error")).isFalse();
        JsonNode error = m.readTree(lines.get(1));
        assertThat(error.get("level").asText()).isEqualTo("ERROR");
        assertThat(error.get("error").asText()).startsWith("java.lang.IllegalStateException: broker gone").contains("\tat ");
    }

    @Test
    void plain_is_the_time_thread_level_logger_line() {
        LogFormat.apply("json");
        LogFormat.apply("plain");
        List<String> lines = captured(() -> LOG.warn("store slow"));
        assertThat(lines).singleElement().asString()
                .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[" + java.util.regex.Pattern.quote(Thread.currentThread().getName())
                        + "\\] WARN  LogFormat - store slow");
    }

    @Test
    void an_unknown_format_is_refused_naming_the_key() {
        assertThatThrownBy(() -> LogFormat.apply("xml")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sinterscope.log.format").hasMessageContaining("'xml'");
    }
}
