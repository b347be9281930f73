package org.sinterscope.camera.folder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where input that could not be processed goes, with the reason: the file is moved into the
 * quarantine folder and {@code <name>.reason.txt} is written next to it. Nothing is deleted; a
 * name already in quarantine gets a numeric suffix. Thread-safe.
 */
public final class Quarantine {

    private static final Logger LOG = LoggerFactory.getLogger(Quarantine.class);

    /**
     * @param original where the file was
     * @param moved    where it is now
     * @param reason   why it could not be processed
     */
    public record Entry(Path original, Path moved, String reason) {
    }

    private final Path folder;
    private final List<Entry> entries = new ArrayList<>();

    public Quarantine(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** Moves {@code file} into quarantine with {@code reason}; returns where it went. */
    public synchronized Path put(Path file, String reason) {
        try {
            Files.createDirectories(folder);
            Path target = freeName(file.getFileName().toString());
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(folder.resolve(target.getFileName() + ".reason.txt"),
                    Instant.now() + " " + file + "\n" + reason + "\n", StandardCharsets.UTF_8);
            entries.add(new Entry(file, target, reason));
            LOG.warn("quarantined {}: {}", file, reason);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("cannot quarantine " + file + " (" + reason + ") into " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code content} (a message that could not be processed) into quarantine with {@code reason}. */
    public synchronized Path putContent(String name, byte[] content, String reason) {
        try {
            Files.createDirectories(folder);
            Path target = freeName(name);
            Files.write(target, content);
            Files.writeString(folder.resolve(target.getFileName() + ".reason.txt"), Instant.now() + "\n" + reason + "\n",
                    StandardCharsets.UTF_8);
            entries.add(new Entry(null, target, reason));
            LOG.warn("quarantined message as {}: {}", target, reason);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write quarantined message " + name + " into " + folder + ": " + e.getMessage(), e);
        }
    }

    private Path freeName(String name) {
        Path target = folder.resolve(name);
        int i = 1;
        while (Files.exists(target)) {
            target = folder.resolve(name + "." + i++);
        }
        return target;
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }
}
