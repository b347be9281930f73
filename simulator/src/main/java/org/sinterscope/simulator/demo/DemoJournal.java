package org.sinterscope.simulator.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.actuator.Actuation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A demo run starts its own actuation journal: the journal an earlier run left in
 * {@code sinterscope.journal.dir} ({@code <station>.jsonl}) is moved, whole, to
 * {@code <journal dir>/}{@value #PREVIOUS}{@code /<station>-<UTC time of the move>.jsonl} before the
 * station opens it. Why: the station recovers and alarms every command an earlier run left in flight
 * (right for a production station restarting on its line, see routes' {@code Journal}), but a demo
 * run is a new simulated roll, and the previous demo's open commands are not its business. The newest
 * {@value #KEEP} earlier journals of the station are kept, older ones deleted, so that demo runs do
 * not fill the disk. {@code run --config} does not call this: a production station keeps recovering.
 */
public final class DemoJournal {

    /** The folder (under the journal folder) where earlier demo runs' journals go. */
    public static final String PREVIOUS = "previous";

    /** How many earlier demo journals of a station are kept. */
    public static final int KEEP = 20;

    private static final Logger LOG = LoggerFactory.getLogger(DemoJournal.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private DemoJournal() {
    }

    /**
     * Moves the station's journal file in the journal folder of {@code settings} aside (if there is one);
     * returns where it went, or null when there was none.
     */
    public static Path startFresh(StationSettings settings) {
        Path dir = Actuation.journalDir(settings);
        Path file = dir.resolve(settings.stationId() + ".jsonl");
        if (!Files.exists(file)) {
            return null;
        }
        Path to = dir.resolve(PREVIOUS).resolve(settings.stationId() + "-" + STAMP.format(Instant.now()) + ".jsonl");
        try {
            Files.createDirectories(to.getParent());
            Files.move(file, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot move the previous demo run's journal " + file + " to " + to + ": " + e.getMessage(), e);
        }
        LOG.info("the previous run's actuation journal {} is now {}; this demo run starts its own", file, to);
        prune(to.getParent(), settings.stationId());
        return to;
    }

    /** Deletes all but the newest {@link #KEEP} of the station's journals in {@code previous} (names sort by time). */
    private static void prune(Path previous, String stationId) {
        String prefix = stationId + "-";
        try (var files = Files.list(previous)) {
            java.util.List<Path> old = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".jsonl")).sorted().toList();
            for (Path f : old.subList(0, Math.max(0, old.size() - KEEP))) {
                Files.deleteIfExists(f);
                LOG.debug("deleted the old demo journal {}", f);
            }
        } catch (IOException e) {
            LOG.warn("could not prune old demo journals in {}: {}", previous, e.getMessage());
        }
    }
}
