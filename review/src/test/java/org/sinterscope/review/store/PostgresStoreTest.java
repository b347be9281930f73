package org.sinterscope.review.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same store contract on PostgreSQL: a private cluster from the Debian packages (installed by
 * {@code .ci/install-test-deps}). Skipped, saying why, when the server binaries are not installed.
 */
class PostgresStoreTest extends StoreContract {

    private static PgCluster pg;
    private static int database;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        var bin = PgCluster.binaries();
        assumeTrue(bin.isPresent(), "PostgreSQL server is not installed (apt-get install postgresql, or run "
                + ".ci/install-test-deps): the PostgreSQL store test is skipped");
        pg = PgCluster.start(bin.get());
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Override
    DefectStore open() {
        // a fresh database per test, so tests do not see each other's rows
        String name = "store" + (++database);
        try (var c = java.sql.DriverManager.getConnection(pg.jdbcUrl(), "sinterscope", "");
             var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return DefectStore.open(StoreSettings.embedded(dir)
                .withDatabase("jdbc:postgresql://127.0.0.1:" + pg.port + "/" + name, "sinterscope", ""));
    }
}
