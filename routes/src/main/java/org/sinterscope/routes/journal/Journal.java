package org.sinterscope.routes.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.sinterscope.routes.reject.RejectCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The actuation journal: an append-only file of JSON lines, {@code <dir>/<station>.jsonl}, one
 * {@link JournalEntry} a line. Every line is written to the file (handed to the operating system)
 * before {@link #append} returns, so it survives a kill of the process at any moment. A
 * {@code DECIDED} line is also forced to disk ({@code fsync}) before {@link #append} returns, so a
 * command is durable before it is sent, even across a power cut; a force makes every earlier line
 * durable too. The other lines (sent, acknowledged, fired, ...) are forced by the next
 * {@code DECIDED} line, by {@link #sync()} (the actuation's timer calls it) or at {@link #close()}:
 * one forced write per command instead of one per line. Why that keeps the guarantee: a line lost in
 * a power cut before its force can only make a command's last line an earlier, non-terminal one, so
 * the next start reports it in flight and raises an alarm for it; it can never lose a decided command.
 *
 * <p>At {@link #open}, each command of an earlier run whose last line is not terminal (not
 * fired, failed, widened or recovered) is reported in flight: returned by {@link #inFlightAtStart()},
 * logged, and closed with a {@code RECOVERED} line that says what its last known state was. A
 * torn last line (the station died while writing it) is skipped with a warning. Thread-safe.
 */
public final class Journal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final Path file;
    private final String run;
    private final FileChannel channel;
    private final JournalCodec codec = new JournalCodec();
    private final List<JournalEntry> inFlightAtStart;
    /** Lines written since the last force. */
    private volatile boolean unforced;
    private long forces;

    private Journal(Path file, String run, FileChannel channel, List<JournalEntry> inFlightAtStart) {
        this.file = file;
        this.run = run;
        this.channel = channel;
        this.inFlightAtStart = List.copyOf(inFlightAtStart);
    }

    /** Opens (creating it if needed) the journal of {@code stationId} in {@code dir} for a new run. */
    public static Journal open(Path dir, String stationId) {
        Objects.requireNonNull(dir, "dir");
        Path file = dir.resolve(stationId + ".jsonl");
        try {
            Files.createDirectories(dir);
            List<JournalEntry> earlier = Files.exists(file) ? readFile(file, new JournalCodec()) : List.of();
            List<JournalEntry> inFlight = inFlight(earlier);
            boolean torn = Files.exists(file) && Files.size(file) > 0 && lastByte(file) != '\n';
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            if (torn) {
                ch.write(ByteBuffer.wrap(new byte[] {'\n'})); // end the torn line so that the next one stands alone
                ch.force(false);
            }
            Journal j = new Journal(file, Instant.now().toString(), ch, inFlight);
            j.warmUp();
            for (JournalEntry e : inFlight) {
                LOG.warn("journal {}: command {} was in flight when the station stopped (last: {} at {})", file, e.commandId(),
                        e.outcome(), e.at());
                j.append(e.commandId(), e.actuatorId(), Outcome.RECOVERED, e.encoderMm(),
                        "in flight at the stop of run " + e.run() + ": last " + e.outcome() + " at " + e.at(), null);
            }
            return j;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the actuation journal " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Encodes and decodes one made-up entry (nothing is written): the codec's first use loads and links
     * Jackson's classes, about 0.35 s on a busy two-core machine, which the run's first reject command
     * paid between its decision and its send before (docs/performance.md, "The first command").
     */
    private void warmUp() {
        Instant now = Instant.now();
        RejectCommand c = new RejectCommand("warm-up", "warm-up", "warm-up", 0, 1, List.of("warm-up"), List.of("warm-up"), 1,
                now, now, 0);
        JournalEntry e = new JournalEntry(now, run, c.id(), c.actuatorId(), Outcome.DECIDED, 0, "warm-up", c);
        JournalEntry back = codec.entry(codec.entryJson(e));
        if (!back.commandId().equals(c.id())) {
            throw new IllegalStateException("the journal codec does not read back what it wrote: " + back);
        }
    }

    /** The last entry of each command of an earlier run that had not ended, in the order they were decided. */
    public List<JournalEntry> inFlightAtStart() {
        return inFlightAtStart;
    }

    public String run() {
        return run;
    }

    public Path file() {
        return file;
    }

    /**
     * Writes one line; a {@link Outcome#DECIDED} line is forced to disk (with every line before it)
     * before this returns, any other line at the next force (see the class comment).
     */
    public JournalEntry append(String commandId, String actuatorId, Outcome outcome, double encoderMm, String detail,
                               RejectCommand command) {
        JournalEntry e = new JournalEntry(Instant.now(), run, commandId, actuatorId, outcome, encoderMm, detail, command);
        byte[] line = (codec.entryJson(e) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            try {
                ByteBuffer b = ByteBuffer.wrap(line);
                while (b.hasRemaining()) {
                    channel.write(b);
                }
            } catch (IOException ex) {
                throw new IllegalStateException("cannot write the actuation journal " + file + ": " + ex.getMessage(), ex);
            }
            unforced = true;
        }
        if (outcome == Outcome.DECIDED) {
            force();
        }
        return e;
    }

    /** Forces the lines written since the last force to disk (nothing when there are none). */
    public void sync() {
        if (unforced) {
            force();
        }
    }

    /** Forced writes so far (each makes every line written before it durable). */
    public synchronized long forces() {
        return forces;
    }

    private void force() {
        // outside the monitor: a force does not hold up other threads' writes (FileChannel is thread-safe),
        // and it makes durable every line written before it was called, this thread's included
        unforced = false;
        try {
            channel.force(false);
        } catch (IOException ex) {
            unforced = true;
            throw new IllegalStateException("cannot force the actuation journal " + file + " to disk: " + ex.getMessage(), ex);
        }
        synchronized (this) {
            forces++;
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (channel.isOpen() && unforced) {
                channel.force(false);
            }
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing the actuation journal {}: {}", file, e.getMessage());
        }
    }

    /** Every entry of every {@code *.jsonl} journal in {@code dir}, oldest first. */
    public static List<JournalEntry> readAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("journal folder " + dir + " does not exist");
        }
        JournalCodec codec = new JournalCodec();
        List<JournalEntry> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                all.addAll(readFile(f, codec));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the journal folder " + dir + ": " + e.getMessage(), e);
        }
        all.sort((a, b) -> a.at().compareTo(b.at()));
        return all;
    }

    /** The last entry of each (run, command) whose last outcome is not terminal. */
    public static List<JournalEntry> inFlight(List<JournalEntry> entries) {
        Map<String, JournalEntry> last = new LinkedHashMap<>();
        for (JournalEntry e : entries) {
            String key = e.outcome() == Outcome.RECOVERED ? "" : e.run() + " " + e.commandId();
            if (e.outcome() == Outcome.RECOVERED) {
                last.entrySet().removeIf(x -> x.getValue().commandId().equals(e.commandId()));
            } else {
                last.put(key, e);
            }
        }
        return last.values().stream().filter(e -> !e.outcome().terminal()).toList();
    }

    private static int lastByte(Path f) throws IOException {
        try (FileChannel r = FileChannel.open(f, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            r.read(b, r.size() - 1);
            return b.get(0);
        }
    }

    private static List<JournalEntry> readFile(Path f, JournalCodec codec) throws IOException {
        List<JournalEntry> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            try {
                out.add(codec.entry(line));
            } catch (RuntimeException e) {
                LOG.warn("journal {} line {} is unreadable ({}); skipped", f, i + 1, e.getMessage());
            }
        }
        return out;
    }
}
