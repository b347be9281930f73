package org.sinterscope.routes.foil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where foil readings go after the station has dealt with them: the done folder for files that gave
 * verdicts, the quarantine folder for readings that could not be used. Next to each quarantined
 * reading {@code <name>} lies {@code <name>.reason.txt} with the reason (UTF-8). A file from the
 * inbox is moved by the file route to the path these methods return; a message is written to the
 * quarantine as {@code message-<UTC time>-<n>.json}. Paths are absolute, so the file consumer's
 * {@code move} does not resolve them against the inbox. Thread-safe.
 */
public final class FoilFiles {

    /** Suffix of the reason file next to a quarantined reading. */
    public static final String REASON_SUFFIX = ".reason.txt";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path doneDir;
    private final Path dir;
    private final Clock clock;
    private final AtomicLong messages = new AtomicLong();

    public FoilFiles(Path doneDir, Path quarantineDir, Clock clock) {
        this.doneDir = Objects.requireNonNull(doneDir, "doneDir").toAbsolutePath().normalize();
        this.dir = Objects.requireNonNull(quarantineDir, "quarantineDir").toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path quarantineDir() {
        return dir;
    }

    public Path doneDir() {
        return doneDir;
    }

    /** Where a file that gave verdicts goes ({@code fileName} relative to the inbox). */
    public String donePath(String fileName) {
        return inside(doneDir, fileName).toString();
    }

    /** Where an unusable file goes, without writing a reason (the route writes it with {@link #writeReason}). */
    public String quarantinePath(String fileName) {
        return inside(dir, fileName).toString();
    }

    /**
     * Writes the reason for the file {@code fileName} (relative to the inbox) and returns where the
     * file itself belongs.
     */
    public String writeReason(String fileName, String reason) {
        Path target = inside(dir, fileName);
        write(target.resolveSibling(target.getFileName() + REASON_SUFFIX), reasonText(reason));
        return target.toString();
    }

    /** Writes a message body and its reason; returns the body's path. */
    public String putMessage(byte[] body, String reason) {
        String name = "message-" + STAMP.format(clock.instant()) + "-" + messages.incrementAndGet() + ".json";
        Path target = inside(dir, name);
        write(target, body == null ? new byte[0] : body);
        write(target.resolveSibling(name + REASON_SUFFIX), reasonText(reason));
        return target.toString();
    }

    /**
     * The reason to write for {@code t}: the message of the {@link FoilReadingException} in its cause
     * chain (the wrappers a route adds say nothing useful), else of its innermost cause.
     */
    public static String reasonOf(Throwable t) {
        Throwable innermost = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof FoilReadingException) {
                return c.getMessage();
            }
            innermost = c;
        }
        return innermost == null ? "unknown failure" : innermost.getClass().getSimpleName() + ": " + innermost.getMessage();
    }

    private static Path inside(Path folder, String name) {
        Path p = folder.resolve(name).normalize();
        if (!p.startsWith(folder) || p.equals(folder)) {
            throw new IllegalArgumentException("file name '" + name + "' would leave the folder " + folder);
        }
        return p;
    }

    private static byte[] reasonText(String reason) {
        return ((reason == null || reason.isBlank() ? "no reason given" : reason.strip()) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Path p, byte[] bytes) {
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the foil quarantine " + p + ": " + e.getMessage(), e);
        }
    }
}
