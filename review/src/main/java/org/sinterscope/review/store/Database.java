package org.sinterscope.review.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's database: a HikariCP connection pool, JDBI over it, and the versioned schema. The
 * schema lives in {@code db/migration/V<n>__*.sql} (Flyway), written in SQL that H2 and
 * PostgreSQL both run, so the same migrations make the same tables on both. Connections come
 * from the pool (at most {@link #POOL_SIZE}); {@link #close()} closes the pool.
 */
public final class Database implements AutoCloseable {

    /** Connections the pool holds at most: the writer thread, retention, and the web app's readers. */
    public static final int POOL_SIZE = 8;
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final StoreSettings settings;
    private final HikariDataSource pool;
    private final Jdbi jdbi;

    private Database(StoreSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
    }

    /** Opens the database, bringing its schema to the newest version. */
    public static Database open(StoreSettings settings) {
        Objects.requireNonNull(settings, "settings");
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(settings.jdbcUrl());
        hc.setUsername(settings.user());
        hc.setPassword(settings.password());
        hc.setMaximumPoolSize(POOL_SIZE);
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(10_000);
        hc.setPoolName("defect-store");
        HikariDataSource pool;
        MigrateResult r;
        try {
            pool = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open the defect store at " + redact(settings.jdbcUrl()) + ": "
                    + e.getMessage(), e);
        }
        try {
            r = Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new IllegalStateException("cannot migrate the defect store at " + redact(settings.jdbcUrl()) + ": "
                    + e.getMessage(), e);
        }
        LOG.info("defect store {} at schema version {} ({} migration(s) applied now)", redact(settings.jdbcUrl()),
                r.targetSchemaVersion == null ? "current" : r.targetSchemaVersion, r.migrationsExecuted);
        return new Database(settings, pool);
    }

    /** A pooled connection; closing it gives it back. */
    public Connection connect() throws SQLException {
        return pool.getConnection();
    }

    /** JDBI over the pool, for reads and small writes. */
    public Jdbi jdbi() {
        return jdbi;
    }

    public StoreSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        pool.close();
    }

    /** The URL without a password that may be in it. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
