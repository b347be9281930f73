package org.sinterscope.routes.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinterscope.routes.reject.RejectCommand;

/**
 * One forced write per command: the {@code DECIDED} line is forced before {@link Journal#append}
 * returns, the later lines are written at once (a killed process keeps them) and forced by the next
 * decided command, {@link Journal#sync()} or close. Losing the lines written after the last force (a
 * power cut) only makes the command look in flight at the next start: it is recovered, never lost.
 */
class JournalForceTest {

    @TempDir
    Path dir;

    @Test
    void onlyTheDecidedLineIsForcedAndEveryLineIsWrittenAtOnce() throws Exception {
        try (Journal j = Journal.open(dir, "station-1")) {
            assertEquals(0, j.forces());
            j.append("c1", "m", Outcome.DECIDED, 0, "", command("c1"));
            assertEquals(1, j.forces(), "decided: forced before append returns");
            j.append("c1", "m", Outcome.SENT, 1, "attempt 1", null);
            j.append("c1", "m", Outcome.ACKNOWLEDGED, 2, "RECEIVED", null);
            j.append("c1", "m", Outcome.FIRED, 900, "", null);
            assertEquals(1, j.forces(), "sent, acknowledged, fired: not forced one by one");
            // written, i.e. in the file for any reader (and for the next start after a kill -9), before any force
            List<JournalEntry> read = Journal.readAll(dir);
            assertEquals(List.of(Outcome.DECIDED, Outcome.SENT, Outcome.ACKNOWLEDGED, Outcome.FIRED),
                    read.stream().map(JournalEntry::outcome).toList());
            j.sync();
            assertEquals(2, j.forces(), "sync forces what was written since the last force");
            j.sync();
            assertEquals(2, j.forces(), "nothing written since: no force");
            j.append("c2", "m", Outcome.DECIDED, 10, "", command("c2"));
            assertEquals(3, j.forces());
        }
    }

    @Test
    void linesLostAfterTheLastForceLeaveTheCommandRecoveredNotLost() throws Exception {
        Path file;
        long forcedBytes;
        try (Journal j = Journal.open(dir, "station-1")) {
            file = j.file();
            j.append("c1", "m", Outcome.DECIDED, 0, "", command("c1"));
            forcedBytes = Files.size(file);
            j.append("c1", "m", Outcome.SENT, 1, "attempt 1", null);
            j.append("c1", "m", Outcome.FIRED, 900, "", null);
            assertEquals(1, j.forces());
        }
        // a power cut before the next force: the disk has the journal up to the decided line only
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(forcedBytes);
        }
        try (Journal again = Journal.open(dir, "station-1")) {
            assertEquals(1, again.inFlightAtStart().size());
            JournalEntry e = again.inFlightAtStart().get(0);
            assertEquals("c1", e.commandId());
            assertEquals(Outcome.DECIDED, e.outcome());
            assertTrue(Journal.readAll(dir).stream().anyMatch(x -> x.outcome() == Outcome.RECOVERED && x.commandId().equals("c1")),
                    "closed with a RECOVERED line");
        }
    }

    private static RejectCommand command(String id) {
        return new RejectCommand(id, "station-1", "m", 0, 50, List.of("pinhole"), List.of("cam/1/0"), 1000, Instant.now(),
                Instant.now(), 0);
    }
}
