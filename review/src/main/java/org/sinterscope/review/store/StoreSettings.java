package org.sinterscope.review.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import org.sinterscope.routes.StationSettings;

/**
 * Where and how the defect store keeps its data.
 *
 * @param jdbcUrl        the database: an H2 file by default ({@code jdbc:h2:file:DIR/sinterscope}),
 *                       {@code jdbc:postgresql://host:port/db} for PostgreSQL
 * @param user           database user
 * @param password       database password
 * @param imageDir       folder of the defect crops (PNG)
 * @param queueCapacity  jobs the write buffer holds before the line has to wait for the database
 * @param batchSize      jobs written per transaction at most
 * @param retentionDays  rolls older than this are deleted with their crops; 0 keeps everything
 * @param modelVersion   recorded with every defect: the inspection's detector set or model bundle
 */
public record StoreSettings(String jdbcUrl, String user, String password, Path imageDir, int queueCapacity,
                            int batchSize, int retentionDays, String modelVersion) {

    public StoreSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(imageDir, "imageDir");
        Objects.requireNonNull(modelVersion, "modelVersion");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("store database must be jdbc:h2:… or jdbc:postgresql:…, got '" + jdbcUrl + "'");
        }
        if (queueCapacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("store queue capacity and batch size must be >= 1, got " + queueCapacity
                    + " and " + batchSize);
        }
        if (retentionDays < 0) {
            throw new IllegalArgumentException("store retention must be >= 0 days (0 keeps everything), got " + retentionDays);
        }
    }

    /** An H2 file database and image folder under {@code dir}. */
    public static StoreSettings embedded(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        return new StoreSettings("jdbc:h2:file:" + abs.resolve("sinterscope") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "",
                abs.resolve("images"), 10_000, 200, 90, "classical");
    }

    /**
     * From the station settings: {@code sinterscope.store.dir} (H2 file and images), or
     * {@code sinterscope.store.jdbc-url} / {@code .user} / {@code .password} for another database,
     * {@code .image-dir}, {@code .queue-capacity}, {@code .batch-size}, {@code .retention-days},
     * {@code .model-version}.
     */
    public static StoreSettings from(StationSettings s) {
        Map<String, String> m = s.asMap();
        StoreSettings base = embedded(Path.of(m.getOrDefault("sinterscope.store.dir", "sinterscope-data")));
        String url = blankToNull(m.get("sinterscope.store.jdbc-url"));
        String images = blankToNull(m.get("sinterscope.store.image-dir"));
        return new StoreSettings(url == null ? base.jdbcUrl() : url,
                m.getOrDefault("sinterscope.store.user", url == null ? base.user() : ""),
                m.getOrDefault("sinterscope.store.password", ""),
                images == null ? base.imageDir() : Path.of(images).toAbsolutePath().normalize(),
                s.getInt("sinterscope.store.queue-capacity", base.queueCapacity()),
                s.getInt("sinterscope.store.batch-size", base.batchSize()),
                s.getInt("sinterscope.store.retention-days", base.retentionDays()),
                m.getOrDefault("sinterscope.store.model-version", base.modelVersion()));
    }

    public StoreSettings withQueue(int capacity, int batch) {
        return new StoreSettings(jdbcUrl, user, password, imageDir, capacity, batch, retentionDays, modelVersion);
    }

    public StoreSettings withDatabase(String url, String u, String pw) {
        return new StoreSettings(url, u, pw, imageDir, queueCapacity, batchSize, retentionDays, modelVersion);
    }

    public boolean postgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
