package org.sinterscope.review.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import org.sinterscope.review.store.Genealogy.Condition;
import org.sinterscope.review.store.Genealogy.Status;
import org.sinterscope.routes.compliance.SinterHistory;
import org.sinterscope.routes.decide.SinteringLimits;

/**
 * Builds a roll's {@link Genealogy} from the store and judges the defining conditions on it:
 * <ul>
 * <li>{@code sinter-temperature}: no stretch has the furnace's {@code furnace-temperature} cause
 *     (a zone read above T_cryst − margin while the stretch was in it);</li>
 * <li>{@code atmosphere}: no stretch has {@code furnace-o2} or {@code furnace-dew-point};</li>
 * <li>{@code dwell}: no stretch has {@code furnace-dwell} or {@code furnace-no-data};</li>
 * <li>{@code xrd-amorphous}: every XRD check of the roll says {@code AMORPHOUS};</li>
 * <li>{@code foil-ra}: every reading of the roll's foil lot passed and has Ra ≥ the minimum;</li>
 * <li>{@code dried-rolled}: thickness gauge readings of the roll exist after the dryer and after the
 *     calender, and the rolled web is thinner (mean) than the dried web; {@code no-data} without any
 *     reading. The store keeps no time of sintering per metre, so "before sintering" is not checked.</li>
 * </ul>
 * The furnace verdicts are the station's own (the causes it stored with each stretch); a condition
 * without any stored evidence is {@code no-data}, never {@code pass}.
 */
public final class GenealogyQueries {

    /** Lowest foil Ra of the product definition, µm. */
    public static final double MIN_FOIL_RA_UM = 0.2;

    private final StoreQueries q;
    private final ComplianceQueries compliance;
    private final Analytics analytics;
    private final Genealogy.Limits limits;

    /**
     * @param window      the sintering window to show with the evidence (the recipe's), or null when unknown
     * @param windowSource where the window came from, in words
     */
    public GenealogyQueries(DefectStore store, SinteringLimits window, String windowSource) {
        this.q = store.queries();
        this.compliance = store.compliance();
        this.analytics = new Analytics(q);
        this.limits = window == null
                ? new Genealogy.Limits(windowSource, null, null, null, null, null, null, null, null, null, MIN_FOIL_RA_UM)
                : new Genealogy.Limits(windowSource, window.alloy(), window.crystallizationTempC(), window.marginC(),
                window.crystallizationTempC() - window.marginC(), num(window.maxO2Ppm()), num(window.maxDewPointC()),
                num(window.minDwellS()), num(window.dwellLevelC()), num(window.xrdMaxCrystallinity()), MIN_FOIL_RA_UM);
    }

    /** The roll's genealogy, or empty when the store has no such roll. */
    public Optional<Genealogy> genealogy(String rollId) {
        Optional<Views.Roll> roll = q.roll(rollId);
        if (roll.isEmpty()) {
            return Optional.empty();
        }
        Views.Report report = analytics.report(rollId).orElseThrow();
        List<Genealogy.Foil> foil = q.query("SELECT lot, measured_at, source, ra_um, rz_um, pass FROM foil_reading "
                        + "WHERE lot = ? OR roll_id = ? ORDER BY measured_at, id", List.of(roll.get().lot(), rollId),
                rs -> new Genealogy.Foil(rs.getString(1), StoreQueries.instant(rs, 2), rs.getString(3), rs.getDouble(4),
                        boxed(rs, 5), rs.getBoolean(6)));
        List<ThicknessReading> thickness = q.query("SELECT roll_id, y_mm, stage, measured_at, source, thickness_um "
                        + "FROM thickness_reading WHERE roll_id = ? ORDER BY y_mm, id", List.of(rollId),
                rs -> new ThicknessReading(rs.getString(1), rs.getDouble(2), ThicknessReading.Stage.valueOf(rs.getString(3)),
                        StoreQueries.instant(rs, 4), rs.getString(5), rs.getDouble(6)));
        List<Genealogy.Stretch> sinter = compliance.sinterStretches(rollId).stream().map(GenealogyQueries::stretch).toList();
        List<Genealogy.Xrd> xrd = compliance.xrdResults(rollId).stream().map(x -> new Genealogy.Xrd(x.yMm(), x.sampleId(),
                x.source(), x.measuredAt(), x.crystallinityIndex(), num(x.crystallinityStdErr()), x.limit(), x.verdict(),
                x.peaksJson())).toList();
        Genealogy.Cracks cracks = q.query("SELECT COUNT(*), AVG(density_per_mm), MAX(density_per_mm), MAX(max_width_um) "
                        + "FROM crack_metrics WHERE roll_id = ?", List.of(rollId),
                rs -> new Genealogy.Cracks(rs.getLong(1), boxed(rs, 2), boxed(rs, 3), boxed(rs, 4))).get(0);
        List<Views.Span> rejects = q.rejects(rollId);
        List<Condition> conditions = List.of(
                furnace("sinter-temperature", "Sintered below T_cryst − margin" + limitText(limits.maxTempC(), "°C"), sinter,
                        c -> c.equals("furnace-temperature"), by(Genealogy.Stretch::maxTempC), s -> s.maxTempC() == null ? "no temperature"
                                : String.format(Locale.ROOT, "max %.1f °C%s", s.maxTempC(),
                                s.maxTempZone() == null ? "" : " (zone " + s.maxTempZone() + ")")),
                furnace("atmosphere", "Non-oxidizing atmosphere (O₂" + limitText(limits.maxO2Ppm(), "ppm") + ", dew point"
                                + limitText(limits.maxDewPointC(), "°C") + ")", sinter,
                        c -> c.equals("furnace-o2") || c.equals("furnace-dew-point"), by(Genealogy.Stretch::worstO2Ppm),
                        s -> "worst O₂ " + fmt(s.worstO2Ppm(), "ppm") + ", dew point " + fmt(s.worstDewPointC(), "°C")),
                furnace("dwell", "Dwell above " + fmt(limits.dwellLevelC(), "°C") + " of at least " + fmt(limits.minDwellS(), "s"),
                        sinter, c -> c.equals("furnace-dwell") || c.equals("furnace-no-data"),
                        Comparator.comparingDouble(Genealogy.Stretch::secondsAbove).reversed(),
                        s -> String.format(Locale.ROOT, "%.1f s above, %d reading(s)", s.secondsAbove(), s.readings())),
                xrdCondition(xrd), foilCondition(foil),
                driedRolled(thickness));
        return Optional.of(new Genealogy(roll.get(), report, foil, thickness, sinter, xrd, cracks, rejects, limits, conditions));
    }

    /**
     * A furnace condition: FAIL when a stretch carries one of its causes. Adjacent flagged stretches are
     * reported as one run, with the reading of the run's worst stretch ({@code worse} orders them).
     */
    private static Condition furnace(String id, String title, List<Genealogy.Stretch> sinter, Predicate<String> cause,
                                     Comparator<Genealogy.Stretch> worse,
                                     java.util.function.Function<Genealogy.Stretch, String> reading) {
        if (sinter.isEmpty()) {
            return new Condition(id, title, Status.NO_DATA, "no furnace history stored for this roll");
        }
        List<List<Genealogy.Stretch>> runs = new ArrayList<>();
        int flagged = 0;
        for (Genealogy.Stretch s : sinter) {
            if (s.causes().stream().anyMatch(cause)) {
                flagged++;
                List<Genealogy.Stretch> last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
                if (last != null && s.y0Mm() <= last.get(last.size() - 1).y1Mm() + 1e-6) {
                    last.add(s);
                } else {
                    runs.add(new ArrayList<>(List.of(s)));
                }
            }
        }
        double m = (sinter.get(sinter.size() - 1).y1Mm() - sinter.get(0).y0Mm()) / 1000;
        String over = String.format(Locale.ROOT, "%d stretch(es) over %.1f m of furnace history", sinter.size(), m);
        if (runs.isEmpty()) {
            return new Condition(id, title, Status.PASS, over + ", none flagged");
        }
        List<String> shown = new ArrayList<>();
        for (List<Genealogy.Stretch> run : runs.subList(0, Math.min(5, runs.size()))) {
            shown.add(String.format(Locale.ROOT, "%.1f–%.1f m: %s", run.get(0).y0Mm() / 1000,
                    run.get(run.size() - 1).y1Mm() / 1000, reading.apply(run.stream().max(worse).orElseThrow())));
        }
        return new Condition(id, title, Status.FAIL, flagged + " of " + over + " flagged, in " + runs.size() + " run(s): "
                + String.join("; ", shown) + (runs.size() > shown.size() ? "; …" : ""));
    }

    /** Orders stretches by a reading, a missing reading lowest. */
    private static Comparator<Genealogy.Stretch> by(java.util.function.Function<Genealogy.Stretch, Double> f) {
        return Comparator.comparing(f, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    private static Condition xrdCondition(List<Genealogy.Xrd> xrd) {
        String title = "Alloy substantially amorphous (XRD)";
        if (xrd.isEmpty()) {
            return new Condition("xrd-amorphous", title, Status.NO_DATA, "no XRD results stored for this roll");
        }
        List<String> bad = xrd.stream().filter(x -> !"AMORPHOUS".equals(x.verdict()))
                .map(x -> String.format(Locale.ROOT, "%s at %.1f m: index %.3f > %.3f",
                        x.sampleId() == null ? x.source() : x.sampleId(), x.yMm() / 1000, x.crystallinityIndex(), x.limit()))
                .toList();
        return bad.isEmpty()
                ? new Condition("xrd-amorphous", title, Status.PASS, xrd.size() + " scan(s), all amorphous")
                : new Condition("xrd-amorphous", title, Status.FAIL, bad.size() + " of " + xrd.size()
                + " scan(s) crystalline: " + String.join("; ", bad));
    }

    private static Condition foilCondition(List<Genealogy.Foil> foil) {
        String title = String.format(Locale.ROOT, "Foil Ra ≥ %.1f µm", MIN_FOIL_RA_UM);
        if (foil.isEmpty()) {
            return new Condition("foil-ra", title, Status.NO_DATA, "no foil readings stored for this roll's lot");
        }
        double min = foil.stream().mapToDouble(Genealogy.Foil::raUm).min().orElseThrow();
        long bad = foil.stream().filter(f -> !f.pass() || f.raUm() < MIN_FOIL_RA_UM).count();
        String ev = String.format(Locale.ROOT, "%d reading(s), lowest Ra %.3f µm", foil.size(), min);
        return bad == 0 ? new Condition("foil-ra", title, Status.PASS, ev)
                : new Condition("foil-ra", title, Status.FAIL, ev + "; " + bad + " reading(s) failed");
    }

    private static Condition driedRolled(List<ThicknessReading> thickness) {
        String title = "Dried and rolled before sintering";
        if (thickness.isEmpty()) {
            return new Condition("dried-rolled", title, Status.NO_DATA,
                    "no drying or rolling records (thickness gauge readings) for this roll in the store");
        }
        java.util.DoubleSummaryStatistics dried = thickness.stream().filter(t -> t.stage() == ThicknessReading.Stage.DRIED)
                .mapToDouble(ThicknessReading::thicknessUm).summaryStatistics();
        java.util.DoubleSummaryStatistics rolled = thickness.stream().filter(t -> t.stage() == ThicknessReading.Stage.ROLLED)
                .mapToDouble(ThicknessReading::thicknessUm).summaryStatistics();
        String ev = String.format(Locale.ROOT, "%d reading(s) after the dryer (mean %s), %d after the calender (mean %s)",
                dried.getCount(), dried.getCount() == 0 ? "—" : String.format(Locale.ROOT, "%.1f µm", dried.getAverage()),
                rolled.getCount(), rolled.getCount() == 0 ? "—" : String.format(Locale.ROOT, "%.1f µm", rolled.getAverage()));
        if (dried.getCount() == 0 || rolled.getCount() == 0) {
            return new Condition("dried-rolled", title, Status.FAIL, ev + "; no reading "
                    + (dried.getCount() == 0 ? "after the dryer" : "after the calender"));
        }
        if (rolled.getAverage() >= dried.getAverage()) {
            return new Condition("dried-rolled", title, Status.FAIL, ev + "; the rolled web is not thinner than the dried web");
        }
        return new Condition("dried-rolled", title, Status.PASS, ev);
    }

    private static Genealogy.Stretch stretch(SinterHistory.Record r) {
        return new Genealogy.Stretch(r.y0Mm(), r.y1Mm(), num(r.maxTempC()), r.maxTempZone(), r.secondsAbove(),
                num(r.worstO2Ppm()), num(r.worstDewPointC()), r.readings(), r.causes());
    }

    private static String limitText(Double v, String unit) {
        return v == null ? "" : " ≤ " + fmt(v, unit);
    }

    private static String fmt(Double v, String unit) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.1f %s", v, unit);
    }

    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Double boxed(java.sql.ResultSet rs, int col) throws java.sql.SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() || !Double.isFinite(v) ? null : v;
    }
}
