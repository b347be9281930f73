package org.sinterscope.review.store;

import java.util.List;

import org.sinterscope.routes.compliance.SinterHistory;

/** The store's reads of process-compliance records: furnace history per stretch, XRD checks. */
public final class ComplianceQueries {

    private final StoreQueries q;

    ComplianceQueries(StoreQueries q) {
        this.q = q;
    }

    /** The roll's furnace history, by position. */
    public List<SinterHistory.Record> sinterStretches(String rollId) {
        return q.query("SELECT y0_mm, y1_mm, max_temp_c, max_temp_zone, seconds_above, worst_o2_ppm, worst_dew_point_c, "
                + "readings, causes FROM sinter_stretch WHERE roll_id = ? ORDER BY y0_mm", List.of(rollId),
                rs -> new SinterHistory.Record(rs.getDouble(1), rs.getDouble(2), nan(rs, 3), rs.getString(4), rs.getDouble(5),
                        nan(rs, 6), nan(rs, 7), rs.getInt(8),
                        rs.getString(9).isEmpty() ? List.of() : List.of(rs.getString(9).split(","))));
    }

    /** The roll's XRD checks, by position. */
    public List<XrdRecord> xrdResults(String rollId) {
        return q.query("SELECT roll_id, y_mm, sample_id, source, measured_at, crystallinity_index, crystallinity_std_err, "
                + "crystallinity_limit, verdict, peaks FROM xrd_result WHERE roll_id = ? ORDER BY y_mm, id", List.of(rollId),
                rs -> new XrdRecord(rs.getString(1), rs.getDouble(2), rs.getString(3), rs.getString(4),
                        StoreQueries.instant(rs, 5), rs.getDouble(6), nan(rs, 7), rs.getDouble(8), rs.getString(9),
                        rs.getString(10)));
    }

    private static double nan(java.sql.ResultSet rs, int col) throws java.sql.SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? Double.NaN : v;
    }
}
