package org.sinterscope.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Whole-number and yes/no settings: set, blank, missing and malformed. */
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

    @Test
    void a_boolean_is_true_or_false_and_nothing_else() {
        assertTrue(with("sinterscope.foil.enabled", " TRUE ").getBoolean("sinterscope.foil.enabled"));
        assertEquals(false, with("sinterscope.foil.enabled", "false").getBoolean("sinterscope.foil.enabled"));
        // Boolean.parseBoolean would read these as false without a word
        for (String v : new String[] {"yes", "on", "1", "false Files named", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> with("sinterscope.foil.enabled", v).getBoolean("sinterscope.foil.enabled"), v);
            assertTrue(e.getMessage().contains("'sinterscope.foil.enabled' must be true or false, got '" + v + "'")
                    || e.getMessage().contains("is not set"), e.getMessage());
        }
    }
}
