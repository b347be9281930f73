package org.sinterscope.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camel Main test support for the routes that read an inbox folder (foil, furnace): the station's
 * {@code station.properties} overridden by {@link #overrides()}, a fresh station folder per test
 * under a temporary directory, and {@link #drop} to deliver a file the way an instrument should
 * (written beside the inbox, then moved in whole).
 */
public abstract class InboxRoutesTestSupport extends CamelMainTestSupport {

    @TempDir
    static Path tmp;

    /** This test's station folder (inbox/, done/, quarantine/ under it as the overrides say). */
    protected Path root;

    /** The settings this test sets over {@code station.properties}; may use {@link #root}. */
    protected abstract Map<String, String> overrides();

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "classpath:station.properties";
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        try {
            root = Files.createTempDirectory(tmp, "station");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Properties p = new Properties();
        p.putAll(overrides());
        return p;
    }

    /** Writes {@code content} beside {@code root/inbox}, then moves it into the inbox atomically. */
    protected void drop(String name, byte[] content) throws IOException {
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        Path part = root.resolve(name + ".part");
        Files.write(part, content);
        Files.move(part, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
