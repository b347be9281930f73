package org.sinterscope.simulator.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sinterscope.camera.LineEncoder;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.compliance.FurnaceLayout;
import org.sinterscope.routes.compliance.FurnaceStage;
import org.sinterscope.routes.compliance.SinterHistory;
import org.sinterscope.routes.decide.Recipe;
import org.sinterscope.simulator.furnace.FurnaceFeed;
import org.sinterscope.simulator.furnace.SimulatedFurnace;
import org.sinterscope.simulator.plc.PlcSimulator;

/**
 * The demo's sintering furnace, sized for the line speed v as a real line's furnace is: three zones of
 * k m each from 4 m past the camera, k = max(1, v / 30 m/min), so that the dwell above the recipe's dwell
 * level (3 m at 30 m/min: 6 s) does not change with the speed; at 30 m/min zones 4–7 m (set points 450, 560, 580 °C, O₂
 * about 3 ppm, dew point −55 °C), read every 100 mm of web, with two injected excursions while the
 * roll of length L is still running — the last zone at 640 °C (above T_cryst − margin = 600 °C of the
 * default recipe) for 0.4 m of encoder from {@code exit + 0.2 (L − exit)}, and an O₂ spike to 40 ppm
 * for 0.2 m from {@code exit + 0.6 (L − exit)} (for L = 20 m: from 9.6 m and 14.8 m); a roll shorter
 * than the furnace's exit + 2 m gets none. A furnace marker ({@code marker-f}) 2 m past the furnace's exit
 * (9 m at 30 m/min) acts on the furnace causes; the coating's marker does not reach web still in the furnace.
 */
final class DemoFurnace {

    static final List<String> CAUSES = List.of("furnace-temperature", "furnace-o2", "furnace-dew-point", "furnace-dwell",
            "furnace-no-data");

    private final FurnaceStage stage;
    private final FurnaceFeed feed;

    private DemoFurnace(FurnaceStage stage, FurnaceFeed feed) {
        this.stage = stage;
        this.feed = feed;
    }

    /** Where the first zone starts, mm past the coating camera. */
    static final double ENTRY_MM = 4000;
    /** Length of each of the three zones at 30 m/min, mm. */
    static final double ZONE_MM = 1000;
    /** The furnace marker's distance past the furnace's exit, mm. */
    static final double MARKER_AFTER_EXIT_MM = 2000;

    /** Zone length scale for line speed {@code lineSpeedMPerMin}: max(1, v / 30). */
    static double scale(double lineSpeedMPerMin) {
        return Math.max(1, lineSpeedMPerMin / 30);
    }

    /** The furnace's exit at line speed {@code lineSpeedMPerMin}, mm past the coating camera (7000 at 30 m/min). */
    static double exitMm(double lineSpeedMPerMin) {
        return ENTRY_MM + 3 * ZONE_MM * scale(lineSpeedMPerMin);
    }

    /** The demo's furnace settings for line speed {@code lineSpeedMPerMin} under {@code overrides} (which win). */
    static Map<String, String> withDefaults(Map<String, String> overrides, double lineSpeedMPerMin) {
        Map<String, String> m = new HashMap<>();
        double z = ZONE_MM * scale(lineSpeedMPerMin);
        m.put("sinterscope.furnace.zones", String.format(Locale.ROOT, "z1:%.0f:%.0f,z2:%.0f:%.0f,z3:%.0f:%.0f", ENTRY_MM,
                ENTRY_MM + z, ENTRY_MM + z, ENTRY_MM + 2 * z, ENTRY_MM + 2 * z, ENTRY_MM + 3 * z));
        m.put("sinterscope.actuators", "marker-1,marker-f");
        m.put("sinterscope.actuator.marker-f.distance-mm",
                String.format(Locale.ROOT, "%.0f", exitMm(lineSpeedMPerMin) + MARKER_AFTER_EXIT_MM));
        m.put("sinterscope.actuator.marker-f.causes", String.join(",", CAUSES));
        m.putAll(overrides);
        return m;
    }

    /** The furnace of the demo, or null when the recipe has no sintering section. */
    static DemoFurnace create(StationSettings settings, LineEncoder encoder, Recipe recipe, double lineSpeedMPerMin,
                              double rollLengthMm, long seed, org.sinterscope.review.store.DefectStore store) {
        if (recipe.sinteringLimits().isEmpty()) {
            return null;
        }
        FurnaceStage stage = FurnaceStage.create(settings, encoder, recipe,
                store == null ? List.of() : List.of(store::saveSinterStretch));
        FurnaceLayout layout = FurnaceLayout.parse(settings.get("sinterscope.furnace.zones"));
        List<Double> setPoints = new ArrayList<>();
        for (int i = 0; i < layout.zones().size(); i++) {
            setPoints.add(i == 0 ? 450.0 : i == 1 ? 560.0 : 580.0);
        }
        double exit = layout.exitMm();
        List<SimulatedFurnace.Excursion> inject = new ArrayList<>();
        if (rollLengthMm >= exit + 2000) {
            double e1 = exit + 0.2 * (rollLengthMm - exit);
            double e2 = exit + 0.6 * (rollLengthMm - exit);
            inject.add(new SimulatedFurnace.Excursion("temperature", layout.zones().get(layout.zones().size() - 1).id(),
                    e1, e1 + 400, 640));
            inject.add(new SimulatedFurnace.Excursion("o2", "all", e2, e2 + 200, 40));
        }
        SimulatedFurnace sim = new SimulatedFurnace(layout, setPoints, 3, -55, 100, lineSpeedMPerMin, Instant.now(), inject,
                seed);
        return new DemoFurnace(stage, new FurnaceFeed(sim, encoder, 100));
    }

    FurnaceStage stage() {
        return stage;
    }

    FurnaceFeed feed() {
        return feed;
    }

    /** Waits until readings have been placed up to {@code encoderMm} (the feed catches up on its timer). */
    void await(double encoderMm, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (stage.compliance().readPositionMm() + 100 < encoderMm && System.nanoTime() < end) {
            synchronized (this) {
                wait(50); // the feed runs on a timer; nothing to be notified by
            }
        }
    }

    /** Whether a fired command is the furnace's (kept out of the coating's scores). */
    static boolean isFurnace(PlcSimulator.Fired f) {
        return isFurnace(f.command());
    }

    /** A command for a furnace excursion (not from a frame: its "frame complete" time is the reading's). */
    static boolean isFurnace(org.sinterscope.routes.reject.RejectCommand c) {
        return c.causes().stream().anyMatch(CAUSES::contains);
    }

    /**
     * Scores the injected excursions: flagged when every judged stretch the excursion touched carries its
     * cause; rejected in time when the in-time fired commands with that cause cover the web it touched.
     */
    DemoSummary.FurnaceSummary summary(List<PlcSimulator.Fired> fired, int lateCommands) {
        List<SinterHistory.Record> judged = stage.compliance().judged();
        List<DemoSummary.FurnaceExcursion> out = new ArrayList<>();
        int flagged = 0;
        int rejected = 0;
        for (SimulatedFurnace.Truth t : feed.furnace().truth()) {
            String cause = t.excursion().kind().equals("o2") ? "furnace-o2" : "furnace-temperature";
            List<SinterHistory.Record> touched = judged.stream()
                    .filter(r -> r.y1Mm() > t.webFromMm() && r.y0Mm() < t.webToMm()).toList();
            boolean isFlagged = !touched.isEmpty() && touched.stream().allMatch(r -> r.causes().contains(cause));
            List<PlcSimulator.Fired> mine = fired.stream().filter(f -> f.inTime() && f.command().causes().contains(cause))
                    .sorted(Comparator.comparingDouble(f -> f.command().y0Mm())).toList();
            double reach = t.webFromMm();
            for (PlcSimulator.Fired f : mine) {
                if (f.command().y0Mm() <= reach) {
                    reach = Math.max(reach, f.command().y1Mm());
                }
            }
            boolean inTime = reach >= t.webToMm();
            flagged += isFlagged ? 1 : 0;
            rejected += inTime ? 1 : 0;
            out.add(new DemoSummary.FurnaceExcursion(t.excursion().kind(), t.excursion().zone(), t.webFromMm(), t.webToMm(),
                    isFlagged, inTime));
        }
        long compliant = judged.stream().filter(SinterHistory.Record::complies).count();
        double maxT = judged.stream().mapToDouble(SinterHistory.Record::maxTempC).filter(Double::isFinite).max().orElse(Double.NaN);
        return new DemoSummary.FurnaceSummary(feed.furnace().excursions().size(), flagged, rejected,
                stage.compliance().readingsPlaced(), judged.size(), judged.size() - compliant,
                stage.compliance().limits().maxTempC(), maxT, out, lateCommands);
    }
}
