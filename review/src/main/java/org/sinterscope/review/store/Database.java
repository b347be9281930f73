package org.sinterscope.review.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's database: connections and the versioned schema. The schema lives in
 * {@code db/migration/V<n>__*.sql} (Flyway), written in SQL that H2 and PostgreSQL both run, so
 * the same migrations make the same tables on both.
 */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final StoreSettings settings;

    private Database(StoreSettings settings) {
        this.settings = settings;
    }

    /** Opens the database, bringing its schema to the newest version. */
    public static Database open(StoreSettings settings) {
        Objects.requireNonNull(settings, "settings");
        MigrateResult r;
        try {
            r = Flyway.configure()
                    .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open the defect store at " + redact(settings.jdbcUrl()) + ": "
                    + e.getMessage(), e);
        }
        LOG.info("defect store {} at schema version {} ({} migration(s) applied now)", redact(settings.jdbcUrl()),
                r.targetSchemaVersion == null ? "current" : r.targetSchemaVersion, r.migrationsExecuted);
        return new Database(settings);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    public StoreSettings settings() {
        return settings;
    }

    /** The URL without a password that may be in it. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
