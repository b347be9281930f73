package org.sinterscope.routes.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is generated from station.properties ({@link ConfigurationDoc}); this test
 * fails when they differ. Regenerate with
 * {@code mvn -pl routes -am test -Dtest=ConfigurationDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dsinterscope.doc.write=true}.
 */
class ConfigurationDocTest {

    @Test
    void docs_configuration_md_lists_every_key_of_the_defaults_file() throws IOException {
        Path doc = Path.of("..", "docs", "configuration.md");
        String expected = ConfigurationDoc.render();
        if (Boolean.getBoolean("sinterscope.doc.write")) {
            Files.writeString(doc, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(doc, StandardCharsets.UTF_8),
                "docs/configuration.md is out of date with station.properties: regenerate it (see this test's Javadoc)");
    }
}
