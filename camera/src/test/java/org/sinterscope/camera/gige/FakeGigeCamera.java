package org.sinterscope.camera.gige;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * Aravis' fake GigE Vision camera ({@code arv-fake-gv-camera-0.8}, Debian package aravis-tools) on
 * 127.0.0.1 with a unique serial, for tests. {@link #assumeInstalled()} skips a test with the
 * package to install when the binary or the library is missing.
 */
public final class FakeGigeCamera implements AutoCloseable {

    public static final String BINARY = "arv-fake-gv-camera-0.8";

    private final String serial;
    private Process process;

    public FakeGigeCamera() {
        this.serial = "SS" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    /** Skips the calling test unless the fake camera binary and libaravis are installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(binary() != null, BINARY + " not found: install the Debian package aravis-tools (.ci/install-test-deps)");
        Assumptions.assumeTrue(AravisNative.available(), "libaravis missing: install the Debian package " + AravisNative.PACKAGE);
    }

    private static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, BINARY);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    public String serial() {
        return serial;
    }

    /** The Aravis device id of this camera. */
    public String deviceId() {
        return "Aravis-Fake-" + serial;
    }

    /** Starts the fake camera and waits until discovery finds it. */
    public FakeGigeCamera start() throws IOException {
        process = new ProcessBuilder(binary().toString(), "-i", "127.0.0.1", "-s", serial)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Awaitility.await("fake camera " + serial + " discovered").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> GigeDevices.list().stream().anyMatch(d -> serial.equals(d.serial())));
        return this;
    }

    /** Kills the fake camera (the cable pulled) and waits for it to exit. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
