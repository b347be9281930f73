package org.sinterscope.review.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Roll reports and control charts from the store.
 *
 * <p>Control limits: the mean {@code m} and the sample standard deviation {@code s} of the first
 * {@code n} points of the series (the reference period) give {@code LCL = m − 3s} and
 * {@code UCL = m + 3s}; a point is out of control when it lies outside [LCL, UCL]. With fewer
 * than 2 reference points there are no limits (NaN) and no point is flagged.
 */
public final class Analytics {

    private final StoreQueries q;

    public Analytics(StoreQueries q) {
        this.q = q;
    }

    public Optional<Views.Report> report(String rollId) {
        return q.roll(rollId).map(r -> {
            Map<String, Long> byClass = new LinkedHashMap<>();
            q.query("SELECT COALESCE(label, defect_class), COUNT(*) FROM defect WHERE roll_id = ? "
                    + "GROUP BY COALESCE(label, defect_class) ORDER BY 1", List.of(rollId),
                    rs -> byClass.put(rs.getString(1), rs.getLong(2)));
            Map<String, Long> outcomes = new LinkedHashMap<>();
            q.query("SELECT outcome, COUNT(*) FROM reject_command WHERE roll_id = ? GROUP BY outcome ORDER BY 1",
                    List.of(rollId), rs -> outcomes.put(rs.getString(1), rs.getLong(2)));
            Double cv = q.query("SELECT AVG(coating_cv_percent) FROM segment WHERE roll_id = ? AND coating_found = TRUE",
                    List.of(rollId), rs -> StoreQueries.nullableDouble(rs, 1)).get(0);
            double rejectedM = unionLengthMm(q.rejects(rollId).stream()
                    .filter(sp -> sp.y1Mm() > 0 && sp.y0Mm() < r.lengthMm())
                    .map(sp -> new Views.Span(Math.max(0, sp.y0Mm()), Math.min(r.lengthMm(), sp.y1Mm()), sp.causes()))
                    .toList()) / 1000.0;
            double lengthM = r.lengthMm() / 1000.0;
            double yield = lengthM > 0 ? 100.0 * Math.max(0, lengthM - rejectedM) / lengthM : Double.NaN;
            long commands = outcomes.values().stream().mapToLong(Long::longValue).sum();
            return new Views.Report(r, byClass, r.defects(), r.reviewed(), rejectedM, lengthM, yield, commands, outcomes, cv);
        });
    }

    /** Coating CD coefficient of variation per segment along the roll (x = segment centre, m). */
    public Views.SpcChart coatingCv(String rollId, int reference) {
        List<Views.SpcPoint> pts = q.query("SELECT (y0_mm + y1_mm) / 2, coating_cv_percent, frame_at FROM segment "
                + "WHERE roll_id = ? AND coating_found = TRUE ORDER BY y0_mm", List.of(rollId),
                rs -> new Views.SpcPoint(rs.getDouble(1) / 1000.0, rs.getDouble(2), rollId, StoreQueries.instant(rs, 3), false));
        return chart("coating-cv", "%", pts, reference);
    }

    /** Crack length density per frame along the roll (x = frame centre, m), mm of crack per mm². */
    public Views.SpcChart crackDensity(String rollId, int reference) {
        List<Views.SpcPoint> pts = q.query("SELECT (y0_mm + y1_mm) / 2, density_per_mm, measured_at FROM crack_metrics "
                + "WHERE roll_id = ? ORDER BY y0_mm", List.of(rollId),
                rs -> new Views.SpcPoint(rs.getDouble(1) / 1000.0, rs.getDouble(2), rollId, StoreQueries.instant(rs, 3), false));
        return chart("crack-density", "mm/mm²", pts, reference);
    }

    /** Foil Ra per reading, in time order (x = reading number), grouped by lot; all lots when {@code lot} is null. */
    public Views.SpcChart foilRa(String lot, int reference) {
        String sql = "SELECT ra_um, lot, measured_at FROM foil_reading" + (lot == null ? "" : " WHERE lot = ?")
                + " ORDER BY measured_at, id";
        List<Views.SpcPoint> raw = q.query(sql, lot == null ? List.of() : List.of(lot),
                rs -> new Views.SpcPoint(0, rs.getDouble(1), rs.getString(2), StoreQueries.instant(rs, 3), false));
        List<Views.SpcPoint> pts = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Views.SpcPoint p = raw.get(i);
            pts.add(new Views.SpcPoint(i + 1, p.value(), p.group(), p.at(), false));
        }
        return chart("foil-ra", "µm", pts, reference);
    }

    /** Limits from the first {@code reference} points; flags the points outside them. */
    static Views.SpcChart chart(String metric, String unit, List<Views.SpcPoint> pts, int reference) {
        int n = Math.min(reference, pts.size());
        double mean = Double.NaN;
        double sigma = Double.NaN;
        if (n >= 2) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += pts.get(i).value();
            }
            mean = sum / n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double d = pts.get(i).value() - mean;
                ss += d * d;
            }
            sigma = Math.sqrt(ss / (n - 1));
        }
        double lcl = mean - 3 * sigma;
        double ucl = mean + 3 * sigma;
        List<Views.SpcPoint> out = new ArrayList<>(pts.size());
        long outs = 0;
        for (Views.SpcPoint p : pts) {
            boolean o = n >= 2 && (p.value() < lcl || p.value() > ucl);
            outs += o ? 1 : 0;
            out.add(new Views.SpcPoint(p.x(), p.value(), p.group(), p.at(), o));
        }
        return new Views.SpcChart(metric, unit, n, mean, sigma, lcl, ucl, out, outs);
    }

    /** Total length covered by the spans, overlaps counted once, mm. */
    static double unionLengthMm(List<Views.Span> spans) {
        List<Views.Span> s = new ArrayList<>(spans);
        s.sort((a, b) -> Double.compare(a.y0Mm(), b.y0Mm()));
        double total = 0;
        double a = Double.NaN;
        double b = Double.NaN;
        for (Views.Span iv : s) {
            if (Double.isNaN(a) || iv.y0Mm() > b) {
                if (!Double.isNaN(a)) {
                    total += b - a;
                }
                a = iv.y0Mm();
                b = iv.y1Mm();
            } else {
                b = Math.max(b, iv.y1Mm());
            }
        }
        return Double.isNaN(a) ? 0 : total + b - a;
    }

}
