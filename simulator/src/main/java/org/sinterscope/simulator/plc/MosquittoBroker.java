package org.sinterscope.simulator.plc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Mosquitto broker process on 127.0.0.1 (Debian's {@code /usr/sbin/mosquitto}, anonymous, with
 * persistence in the work folder as a plant broker should run: persistent sessions and their queued
 * QoS 1 messages survive {@link #stop()} and {@link #startProcess()}), for the demo and the tests.
 * It can be stopped and started again on the same port.
 */
public final class MosquittoBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MosquittoBroker.class);
    public static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final int port;
    private final Path conf;
    private final Path logFile;
    private Process process;

    private MosquittoBroker(int port, Path conf, Path logFile) {
        this.port = port;
        this.conf = conf;
        this.logFile = logFile;
    }

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** Starts a broker on a free port; its configuration and log go into {@code workDir}. */
    public static MosquittoBroker start(Path workDir) {
        return start(workDir, freePort());
    }

    public static MosquittoBroker start(Path workDir, int port) {
        if (!available()) {
            throw new IllegalStateException(BINARY + " is missing: install the Debian package mosquitto (apt-get install mosquitto)");
        }
        try {
            Files.createDirectories(workDir);
            Path conf = workDir.resolve("mosquitto-" + port + ".conf");
            Path data = workDir.resolve("mosquitto-" + port + "-data");
            Files.createDirectories(data);
            // persistence as a plant broker is configured: sessions and queued QoS 1 messages survive a restart
            Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence true\npersistence_location "
                    + data.toAbsolutePath() + "/\nautosave_interval 1\n", StandardCharsets.UTF_8);
            MosquittoBroker b = new MosquittoBroker(port, conf, workDir.resolve("mosquitto-" + port + ".log"));
            b.startProcess();
            return b;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the mosquitto configuration in " + workDir + ": " + e.getMessage(), e);
        }
    }

    /** Starts the process again after {@link #stop()}. */
    public synchronized void startProcess() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + BINARY + ": " + e.getMessage(), e);
        }
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!accepts()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited at start with code " + process.exitValue() + "; see " + logFile);
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("mosquitto did not open port " + port + " within 10 s; see " + logFile);
            }
            LockSupport.parkNanos(20_000_000L);
        }
        LOG.info("mosquitto listening on 127.0.0.1:{} (pid {})", port, process.pid());
    }

    /** Stops the process (the port closes); {@link #startProcess()} brings it back. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("mosquitto on port {} stopped", port);
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** A TCP port free at this moment. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free TCP port: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
