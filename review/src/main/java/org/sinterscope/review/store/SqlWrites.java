package org.sinterscope.review.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sinterscope.inspection.CoatingUniformity;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.SegmentVerdict;
import org.sinterscope.routes.reject.ActuatorEvent;
import org.sinterscope.routes.reject.RejectCommand;

/** The store's INSERTs and UPDATEs, and where crop files go. Used by the writer thread only. */
final class SqlWrites {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path imageDir;
    private final String modelVersion;

    SqlWrites(Path imageDir, String modelVersion) {
        this.imageDir = imageDir;
        this.modelVersion = modelVersion;
    }

    /** Crop file of a defect, relative to the image folder; {@code overlay} for the one with its outline drawn. */
    static String cropPath(String rollId, String cameraId, long sequence, int index, boolean overlay) {
        String cam = cameraId.replaceAll("[^A-Za-z0-9._-]", "_");
        return rollId + "/" + cam + "/" + sequence + "-" + index + (overlay ? "-overlay" : "") + ".png";
    }

    void roll(Connection c, RollInfo r) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM roll WHERE id = ?")) {
            q.setString(1, r.id());
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO roll (id, station_id, product, lot, foil_width_mm, "
                + "view_x0_mm, view_x1_mm, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, r.id());
            p.setString(2, r.stationId());
            p.setString(3, r.product());
            p.setString(4, r.lot());
            p.setDouble(5, r.foilWidthMm());
            p.setDouble(6, r.viewX0Mm());
            p.setDouble(7, r.viewX1Mm());
            p.setObject(8, ts(r.startedAt()));
            p.executeUpdate();
        }
    }

    void segment(Connection c, String rollId, FrameInspection fi, SegmentVerdict v) throws SQLException {
        long segmentId;
        CoatingUniformity co = fi == null ? CoatingUniformity.none() : fi.coating();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO segment (roll_id, camera_id, seq, y0_mm, y1_mm, frame_at, "
                + "rejected, reasons, error, coating_found, coating_cv_percent, coating_width_mm, coating_left_mm, "
                + "coating_mean_grey, streaks, inspect_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            p.setString(1, rollId);
            p.setString(2, v.cameraId());
            p.setLong(3, v.sequence());
            p.setDouble(4, v.y0Mm());
            p.setDouble(5, v.y1Mm());
            p.setObject(6, ts(fi == null ? Instant.now() : fi.timestamp()));
            p.setBoolean(7, v.reject());
            p.setString(8, clip(String.join("\n", v.reasons()), 4000));
            p.setString(9, clip(fi == null ? "" : fi.error(), 1000));
            p.setBoolean(10, co.found());
            num(p, 11, co.cvPercent());
            num(p, 12, co.widthMm());
            num(p, 13, co.leftEdgeMm());
            num(p, 14, co.meanGrey());
            p.setInt(15, co.streaks().size());
            p.setDouble(16, fi == null ? 0 : fi.inspectNanos() / 1e6);
            p.executeUpdate();
            try (ResultSet k = p.getGeneratedKeys()) {
                k.next();
                segmentId = k.getLong(1);
            }
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO reject_span (segment_id, roll_id, y0_mm, y1_mm, causes) VALUES (?, ?, ?, ?, ?)")) {
            for (SegmentVerdict.RejectSpan s : v.rejects()) {
                p.setLong(1, segmentId);
                p.setString(2, rollId);
                p.setDouble(3, s.y0Mm());
                p.setDouble(4, s.y1Mm());
                p.setString(5, clip(String.join(",", s.causes()), 1000));
                p.addBatch();
            }
            p.executeBatch();
        }
        List<Defect> defects = v.defects();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO defect (roll_id, segment_id, camera_id, seq, idx, "
                + "defect_class, confidence, x0_mm, y0_mm, x1_mm, y1_mm, px_x, px_y, px_w, px_h, measurements, detector, "
                + "model_version, found_at, rejecting, crop_path, overlay_path) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < defects.size(); i++) {
                Defect d = defects.get(i);
                p.setString(1, rollId);
                p.setLong(2, segmentId);
                p.setString(3, v.cameraId());
                p.setLong(4, v.sequence());
                p.setInt(5, i);
                p.setString(6, d.defectClass().label());
                p.setDouble(7, d.confidence());
                p.setDouble(8, d.boundsMm().x0Mm());
                p.setDouble(9, d.boundsMm().y0Mm());
                p.setDouble(10, d.boundsMm().x1Mm());
                p.setDouble(11, d.boundsMm().y1Mm());
                p.setInt(12, d.boundsPx().x());
                p.setInt(13, d.boundsPx().y());
                p.setInt(14, d.boundsPx().width());
                p.setInt(15, d.boundsPx().height());
                p.setString(16, clip(json(d.measurements()), 4000));
                p.setString(17, clip(d.detector(), 100));
                p.setString(18, clip(modelVersion, 100));
                p.setObject(19, ts(fi == null ? Instant.now() : fi.timestamp()));
                p.setBoolean(20, rejecting(d, v));
                String crop = cropPath(rollId, v.cameraId(), v.sequence(), i, false);
                String overlay = cropPath(rollId, v.cameraId(), v.sequence(), i, true);
                p.setString(21, Files.isRegularFile(imageDir.resolve(crop)) ? crop : null);
                p.setString(22, Files.isRegularFile(imageDir.resolve(overlay)) ? overlay : null);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** True when a reject stretch of the verdict covers the defect and names its class. */
    private static boolean rejecting(Defect d, SegmentVerdict v) {
        return v.rejects().stream().anyMatch(s -> d.boundsMm().overlapsY(s.y0Mm(), s.y1Mm())
                && s.causes().contains(d.defectClass().label()));
    }

    void crops(StoreJob.Crops j) throws IOException {
        byte[][] png = CropCutter.encode(j.cut());
        write(imageDir.resolve(cropPath(j.rollId(), j.cameraId(), j.sequence(), j.index(), false)), png[0]);
        write(imageDir.resolve(cropPath(j.rollId(), j.cameraId(), j.sequence(), j.index(), true)), png[1]);
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    void command(Connection c, String rollId, RejectCommand k) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO reject_command (id, roll_id, actuator_id, y0_mm, y1_mm, "
                + "causes, deadline_mm, decided_at, encoder_at_decision_mm, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, clip(k.id(), 300));
            p.setString(2, rollId);
            p.setString(3, k.actuatorId());
            p.setDouble(4, k.y0Mm());
            p.setDouble(5, k.y1Mm());
            p.setString(6, clip(String.join(",", k.causes()), 1000));
            p.setDouble(7, k.deadlineMm());
            p.setObject(8, ts(k.decidedAt()));
            p.setDouble(9, k.encoderAtDecisionMm());
            p.setString(10, k.lateAtDecision() ? "LATE_AT_DECISION" : "SENT");
            p.executeUpdate();
        }
    }

    /** Records what the actuator did; a resend (DUPLICATE) does not overwrite the outcome. */
    void outcome(Connection c, ActuatorEvent e) throws SQLException {
        if (e.kind() == ActuatorEvent.Kind.DUPLICATE) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE reject_command SET outcome = ?, outcome_at = ?, "
                + "outcome_encoder_mm = ?, outcome_detail = ? WHERE id = ?")) {
            p.setString(1, e.kind().name());
            p.setObject(2, ts(e.at()));
            p.setDouble(3, e.encoderMm());
            p.setString(4, clip(e.detail(), 1000));
            p.setString(5, e.commandId());
            p.executeUpdate();
        }
    }

    void foil(Connection c, FoilReading r) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO foil_reading (lot, roll_id, measured_at, source, ra_um, "
                + "rq_um, rz_um, rsk, rku, rsm_um, pass) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, r.lot());
            p.setString(2, r.rollId());
            p.setObject(3, ts(r.measuredAt()));
            p.setString(4, clip(r.source(), 500));
            p.setDouble(5, r.raUm());
            num(p, 6, r.rqUm());
            num(p, 7, r.rzUm());
            num(p, 8, r.rsk());
            num(p, 9, r.rku());
            num(p, 10, r.rsmUm());
            p.setBoolean(11, r.pass());
            p.executeUpdate();
        }
    }

    void thickness(Connection c, ThicknessReading r) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO thickness_reading (roll_id, y_mm, stage, measured_at, "
                + "source, thickness_um) VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, r.rollId());
            p.setDouble(2, r.yMm());
            p.setString(3, r.stage().name());
            p.setObject(4, ts(r.measuredAt()));
            p.setString(5, clip(r.source(), 500));
            p.setDouble(6, r.thicknessUm());
            p.executeUpdate();
        }
    }

    void sinter(Connection c, String rollId, org.sinterscope.routes.compliance.SinterHistory.Record r) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO sinter_stretch (roll_id, y0_mm, y1_mm, max_temp_c, "
                + "max_temp_zone, seconds_above, worst_o2_ppm, worst_dew_point_c, readings, causes) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, rollId);
            p.setDouble(2, r.y0Mm());
            p.setDouble(3, r.y1Mm());
            num(p, 4, r.maxTempC());
            p.setString(5, r.maxTempZone());
            p.setDouble(6, r.secondsAbove());
            num(p, 7, r.worstO2Ppm());
            num(p, 8, r.worstDewPointC());
            p.setInt(9, r.readings());
            p.setString(10, clip(String.join(",", r.causes()), 1000));
            p.executeUpdate();
        }
    }

    void xrd(Connection c, XrdRecord r) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO xrd_result (roll_id, y_mm, sample_id, source, measured_at, "
                + "crystallinity_index, crystallinity_std_err, crystallinity_limit, verdict, peaks) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, r.rollId());
            p.setDouble(2, r.yMm());
            p.setString(3, r.sampleId() == null ? null : clip(r.sampleId(), 100));
            p.setString(4, clip(r.source(), 500));
            p.setObject(5, ts(r.measuredAt()));
            p.setDouble(6, r.crystallinityIndex());
            num(p, 7, r.crystallinityStdErr());
            p.setDouble(8, r.limit());
            p.setString(9, r.verdict());
            p.setString(10, r.peaksJson());
            p.executeUpdate();
        }
    }

    void cracks(Connection c, StoreJob.Cracks j) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO crack_metrics (roll_id, camera_id, seq, y0_mm, y1_mm, "
                + "measured_at, total_length_mm, inspected_area_mm2, density_per_mm, mean_width_um, max_width_um, "
                + "longest_crack_mm, crack_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, j.rollId());
            p.setString(2, j.cameraId());
            p.setLong(3, j.sequence());
            p.setDouble(4, j.y0Mm());
            p.setDouble(5, j.y1Mm());
            p.setObject(6, ts(j.at()));
            p.setDouble(7, j.m().totalLengthMm());
            p.setDouble(8, j.m().inspectedAreaMm2());
            p.setDouble(9, j.m().lengthDensityPerMm());
            p.setDouble(10, j.m().meanWidthUm());
            p.setDouble(11, j.m().maxWidthUm());
            p.setDouble(12, j.m().longestCrackMm());
            p.setInt(13, j.m().crackCount());
            p.executeUpdate();
        }
    }

    static OffsetDateTime ts(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static void num(PreparedStatement p, int i, double v) throws SQLException {
        if (Double.isFinite(v)) {
            p.setDouble(i, v);
        } else {
            p.setNull(i, Types.DOUBLE);
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** JSON object of the measurements; a NaN or infinite value becomes null (JSON has neither). */
    static String json(Map<String, Double> m) {
        Map<String, Double> clean = new LinkedHashMap<>();
        m.forEach((k, v) -> clean.put(k, v != null && Double.isFinite(v) ? v : null));
        try {
            return MAPPER.writeValueAsString(clean);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write measurements as JSON: " + e.getMessage(), e);
        }
    }
}
