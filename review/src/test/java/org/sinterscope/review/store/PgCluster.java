package org.sinterscope.review.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster for a test: {@code initdb} with trust authentication in a temporary
 * folder, {@code pg_ctl start} on a free port on 127.0.0.1, stopped and deleted on close. Uses the
 * Debian packages' binaries ({@code /usr/lib/postgresql/<v>/bin}); as root it runs them as the
 * {@code postgres} user (initdb refuses root).
 */
final class PgCluster implements AutoCloseable {

    private final Path dir;
    private final List<String> asUser;
    private final Path bin;
    final int port;

    private PgCluster(Path dir, List<String> asUser, Path bin, int port) {
        this.dir = dir;
        this.asUser = asUser;
        this.bin = bin;
        this.port = port;
    }

    /** The server's bin folder, when PostgreSQL is installed. */
    static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static PgCluster start(Path bin) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "sinterscope-pg");
        List<String> asUser = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            run(List.of("chown", "postgres", dir.toString()), dir);
            asUser.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PgCluster c = new PgCluster(dir, asUser, bin, port);
        c.pg("initdb", "-D", dir.resolve("data").toString(), "-U", "sinterscope", "--auth=trust", "-E", "UTF8",
                "--no-locale", "--no-sync");
        c.pg("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        return c;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private void pg(String tool, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(asUser);
        cmd.add(bin.resolve(tool).toString());
        cmd.addAll(List.of(args));
        run(cmd, dir);
    }

    private static void run(List<String> cmd, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("cmd.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " did not finish within 120 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed (" + p.exitValue() + "): "
                    + Files.readString(dir.resolve("cmd.log")));
        }
    }

    @Override
    public void close() throws Exception {
        try {
            pg("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
