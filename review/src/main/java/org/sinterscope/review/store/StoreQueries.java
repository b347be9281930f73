package org.sinterscope.review.store;

import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;
import org.sinterscope.camera.DefectClass;

/** The store's reads for the review app, and the one review write: relabelling. */
public final class StoreQueries {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String DEFECT_COLUMNS = "id, roll_id, camera_id, seq, idx, defect_class, confidence, x0_mm, y0_mm, "
            + "x1_mm, y1_mm, measurements, detector, model_version, found_at, rejecting, crop_path, label, labelled_by, labelled_at";
    private static final String ROLL_SQL = "SELECT r.id, r.station_id, r.product, r.lot, r.foil_width_mm, r.view_x0_mm, "
            + "r.view_x1_mm, r.started_at, "
            + "(SELECT COALESCE(MAX(s.y1_mm), 0) FROM segment s WHERE s.roll_id = r.id), "
            + "(SELECT COUNT(*) FROM segment s WHERE s.roll_id = r.id), "
            + "(SELECT COUNT(*) FROM defect d WHERE d.roll_id = r.id), "
            + "(SELECT COUNT(*) FROM defect d WHERE d.roll_id = r.id AND d.label IS NOT NULL), "
            + "(SELECT COUNT(*) FROM segment s WHERE s.roll_id = r.id AND s.rejected = TRUE) FROM roll r";

    private final Database db;

    StoreQueries(Database db) {
        this.db = db;
    }

    public List<Views.Roll> rolls() {
        return query(ROLL_SQL + " ORDER BY r.started_at DESC", List.of(), StoreQueries::roll);
    }

    public Optional<Views.Roll> roll(String id) {
        return query(ROLL_SQL + " WHERE r.id = ?", List.of(id), StoreQueries::roll).stream().findFirst();
    }

    public Optional<Views.RollMap> map(String rollId) {
        return roll(rollId).map(r -> new Views.RollMap(r, rejects(rollId), defects(DefectFilter.ofRoll(rollId))));
    }

    public List<Views.Span> rejects(String rollId) {
        return queryAs("SELECT y0_mm, y1_mm, causes FROM reject_span WHERE roll_id = ? ORDER BY y0_mm", List.of(rollId),
                Views.Span.class);
    }

    /** The roll's segments as spans of web (y0, y1 mm) with their verdict reasons (empty when it passed). */
    public List<Views.Span> segments(String rollId) {
        return queryAs("SELECT y0_mm, y1_mm, reasons AS causes FROM segment WHERE roll_id = ? ORDER BY y0_mm",
                List.of(rollId), Views.Span.class);
    }

    public List<Views.Defect> defects(DefectFilter f) {
        StringBuilder sql = new StringBuilder("SELECT " + DEFECT_COLUMNS + " FROM defect WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (f.rollId() != null) {
            sql.append(" AND roll_id = ?");
            args.add(f.rollId());
        }
        if (f.defectClass() != null) {
            sql.append(" AND COALESCE(label, defect_class) = ?");
            args.add(f.defectClass());
        }
        if (f.minConfidence() != null) {
            sql.append(" AND confidence >= ?");
            args.add(f.minConfidence());
        }
        if (f.maxConfidence() != null) {
            sql.append(" AND confidence <= ?");
            args.add(f.maxConfidence());
        }
        if (f.from() != null) {
            sql.append(" AND found_at >= ?");
            args.add(SqlWrites.ts(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND found_at < ?");
            args.add(SqlWrites.ts(f.to()));
        }
        if (f.reviewed() != null) {
            sql.append(f.reviewed() ? " AND label IS NOT NULL" : " AND label IS NULL");
        }
        sql.append(" ORDER BY roll_id, y0_mm, id LIMIT ? OFFSET ?");
        args.add(f.limit());
        args.add(f.offset());
        return query(sql.toString(), args, StoreQueries::defect);
    }

    public Optional<Views.Defect> defect(long id) {
        return query("SELECT " + DEFECT_COLUMNS + " FROM defect WHERE id = ?", List.of(id), StoreQueries::defect)
                .stream().findFirst();
    }

    /** The stored crop path (relative to the image folder) of a defect, or its overlay copy. */
    public Optional<String> cropPath(long id, boolean overlay) {
        return query("SELECT " + (overlay ? "overlay_path" : "crop_path") + " FROM defect WHERE id = ?", List.of(id),
                rs -> rs.getString(1)).stream().filter(p -> p != null).findFirst();
    }

    /**
     * Sets a defect's label (a confirmation when it equals the line's class) and records who did
     * it and when. Empty when there is no such defect.
     */
    public Optional<Views.Defect> relabel(long id, DefectClass label, String user, Instant at) {
        boolean found;
        try {
            found = db.jdbi().inTransaction(h -> {
                Optional<String> previous = h.createQuery("SELECT COALESCE(label, defect_class) FROM defect WHERE id = ?")
                        .bind(0, id).mapTo(String.class).findOne();
                if (previous.isEmpty()) {
                    return false;
                }
                h.createUpdate("UPDATE defect SET label = ?, labelled_by = ?, labelled_at = ? WHERE id = ?")
                        .bind(0, label.label()).bind(1, user).bind(2, SqlWrites.ts(at)).bind(3, id).execute();
                h.createUpdate("INSERT INTO label_event (defect_id, previous, label, by_user, at) VALUES (?, ?, ?, ?, ?)")
                        .bind(0, id).bind(1, previous.get()).bind(2, label.label()).bind(3, user).bind(4, SqlWrites.ts(at))
                        .execute();
                return true;
            });
        } catch (JdbiException e) {
            throw new StoreException("relabel of defect " + id + " failed: " + e.getMessage(), e);
        }
        return found ? defect(id) : Optional.empty();
    }

    public List<Views.LabelEvent> history(long defectId) {
        return queryAs("SELECT defect_id, previous, label, by_user, at FROM label_event WHERE defect_id = ? ORDER BY id",
                List.of(defectId), Views.LabelEvent.class);
    }

    /** Every reviewed defect with a crop, for the labelled export. */
    public List<Views.Labelled> labelled() {
        return queryAs("SELECT id, roll_id, label, crop_path FROM defect WHERE label IS NOT NULL AND crop_path IS NOT NULL "
                + "ORDER BY id", List.of(), Views.Labelled.class);
    }

    /** Runs a read through JDBI on a pooled connection; {@code args} are bound in order. */
    <T> List<T> query(String sql, List<?> args, Row<T> row) {
        try {
            return db.jdbi().withHandle(h -> {
                Query q = h.createQuery(sql);
                for (int i = 0; i < args.size(); i++) {
                    q.bind(i, args.get(i));
                }
                return q.map((rs, ctx) -> row.map(rs)).list();
            });
        } catch (JdbiException e) {
            throw new StoreException("store query failed: " + e.getMessage(), e);
        }
    }

    /** Runs a read whose columns are {@code type}'s record components (snake_case), mapped by JDBI. */
    <T> List<T> queryAs(String sql, List<?> args, Class<T> type) {
        try {
            return db.jdbi().withHandle(h -> {
                Query q = h.createQuery(sql);
                for (int i = 0; i < args.size(); i++) {
                    q.bind(i, args.get(i));
                }
                return q.map(ConstructorMapper.of(type)).list();
            });
        } catch (JdbiException e) {
            throw new StoreException("store query failed: " + e.getMessage(), e);
        }
    }

    /** Maps one row. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Double nullableDouble(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    private static Views.Roll roll(ResultSet rs) throws SQLException {
        return new Views.Roll(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5),
                rs.getDouble(6), rs.getDouble(7), instant(rs, 8), rs.getDouble(9), rs.getLong(10), rs.getLong(11),
                rs.getLong(12), rs.getLong(13));
    }

    private static Views.Defect defect(ResultSet rs) throws SQLException {
        Map<String, Object> m;
        try {
            m = MAPPER.readValue(rs.getString(12), new TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("stored measurements of defect " + rs.getLong(1) + " are not JSON", e);
        }
        return new Views.Defect(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                rs.getString(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10), rs.getDouble(11), m,
                rs.getString(13), rs.getString(14), instant(rs, 15), rs.getBoolean(16), rs.getString(17) != null,
                rs.getString(18), rs.getString(19), instant(rs, 20));
    }
}
