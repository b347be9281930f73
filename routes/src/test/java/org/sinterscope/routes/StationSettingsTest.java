package org.sinterscope.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Whole-number settings: set, blank, missing and malformed. */
class StationSettingsTest {

    private static StationSettings with(String key, String value) {
        return StationSettings.load(null, Map.of(key, value));
    }

    @Test
    void a_whole_number_is_read_and_a_blank_or_missing_key_gives_the_fallback() {
        assertEquals(42, with("sinterscope.test.n", " 42 ").getInt("sinterscope.test.n", 7));
        assertEquals(7, with("sinterscope.test.n", " ").getInt("sinterscope.test.n", 7));
        assertEquals(7, with("sinterscope.test.n", "1").getInt("sinterscope.test.other", 7));
    }

    @Test
    void a_malformed_number_names_the_key_and_the_value() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> with("sinterscope.web.port", "80a").getInt("sinterscope.web.port", 8080));
        assertTrue(e.getMessage().contains("'sinterscope.web.port' must be a whole number, got '80a'"), e.getMessage());
    }
}
