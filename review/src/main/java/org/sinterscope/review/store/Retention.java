package org.sinterscope.review.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long the store keeps rolls: a roll whose inspection started more than {@code retentionDays}
 * ago is deleted with everything filed under it (segments, defects, labels, commands, crack
 * metrics) and its crop folder; foil readings older than that go too. 0 days keeps everything.
 * The admin's setting ({@link #SETTING}) overrides the configured number.
 */
public final class Retention {

    public static final String SETTING = "retention-days";
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final Database db;
    private final UserStore settings;
    private final int configuredDays;

    Retention(Database db, UserStore settings, int configuredDays) {
        this.db = db;
        this.settings = settings;
        this.configuredDays = configuredDays;
    }

    public int days() {
        return settings.setting(SETTING).map(Integer::parseInt).orElse(configuredDays);
    }

    public void setDays(int days) {
        if (days < 0 || days > 36_500) {
            throw new IllegalArgumentException("retention must be 0-36500 days (0 keeps everything), got " + days);
        }
        settings.putSetting(SETTING, Integer.toString(days));
    }

    /** Deletes what is older than the retention; returns the number of rolls deleted. */
    public int purge(Instant now, Path imageDir) {
        int days = days();
        if (days == 0) {
            return 0;
        }
        Instant cutoff = now.minus(Duration.ofDays(days));
        List<String> old = new StoreQueries(db).query("SELECT id FROM roll WHERE started_at < ?",
                List.of(SqlWrites.ts(cutoff)), rs -> rs.getString(1));
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            for (String roll : old) {
                // children first: PostgreSQL and H2 cascade too, but explicit order keeps the foreign keys simple
                for (String table : List.of("label_event WHERE defect_id IN (SELECT id FROM defect WHERE roll_id = ?)",
                        "defect WHERE roll_id = ?", "reject_span WHERE roll_id = ?", "segment WHERE roll_id = ?",
                        "reject_command WHERE roll_id = ?", "crack_metrics WHERE roll_id = ?", "roll WHERE id = ?")) {
                    try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table)) {
                        p.setString(1, roll);
                        p.executeUpdate();
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM foil_reading WHERE measured_at < ?")) {
                p.setObject(1, SqlWrites.ts(cutoff));
                p.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("retention purge failed: " + e.getMessage(), e);
        }
        for (String roll : old) {
            deleteTree(imageDir.resolve(roll));
        }
        if (!old.isEmpty()) {
            LOG.info("retention ({} days): deleted {} roll(s) older than {}", days, old.size(), cutoff);
        }
        return old.size();
    }

    private static void deleteTree(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("could not delete crop folder {}: {}", dir, e.getMessage());
        }
    }
}
