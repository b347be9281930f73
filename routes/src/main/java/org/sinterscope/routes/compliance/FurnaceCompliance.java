package org.sinterscope.routes.compliance;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.sinterscope.routes.decide.SinteringLimits;
import org.sinterscope.routes.reject.ActuatorSpec;
import org.sinterscope.routes.reject.RejectCommand;

/**
 * Places furnace readings on the web and judges each stretch against the recipe's sintering window.
 *
 * <p>The web is cut into bins of {@code binMm} from the start of the roll. A reading of zone z taken
 * when the encoder read E applies to the web then inside the zone, {@code y ∈ [E − end_z, E − start_z]}
 * ({@link FurnaceLayout}); every bin overlapping it records the highest temperature, the worst O₂ and
 * dew point; a bin whose midpoint is inside gains the time since the zone's previous reading (at most
 * {@code maxGapS}) when the temperature is at or above the dwell level. Judgements:
 * <ul>
 *   <li>at once, on the reading: temperature above T_cryst − margin ({@code furnace-temperature}), O₂
 *       above its limit ({@code furnace-o2}), dew point above its limit ({@code furnace-dew-point});</li>
 *   <li>when a reading shows the bin has left the last zone (placed at encoder ≥ y1 + exit): time above
 *       the dwell level below the minimum ({@code furnace-dwell}), or no reading at all
 *       ({@code furnace-no-data}: fail-safe).</li>
 * </ul>
 * A new violation of a run of adjacent bins gives one reject command per actuator downstream of the
 * furnace's exit that acts on the cause (deadline {@code y0 + distance}; an actuator before the exit
 * cannot reach web that is still in the furnace), when the recipe says {@code reject}; {@code hold-for-lab}
 * gives no command. Either way an alarm names the zone, the reading and the limit. Thread-safe.
 */
public final class FurnaceCompliance {

    /** What a reading (or a check of the exits) gave: commands to send and alarms to raise. */
    public record Outcome(List<RejectCommand> commands, List<String> alarms) {
        static final Outcome NONE = new Outcome(List.of(), List.of());
    }

    private final String stationId;
    private final String run = Long.toString(Instant.now().getEpochSecond(), 36);
    private final FurnaceLayout layout;
    private final SinteringLimits limits;
    private final List<ActuatorSpec> actuators;
    private final EncoderTrail trail;
    private final Clock clock;
    private final double binMm;
    private final double maxGapS;
    private final int keepJudged;
    private final List<java.util.function.Consumer<SinterHistory.Record>> sinks;
    private final TreeMap<Long, SinterHistory> open = new TreeMap<>();
    private final Deque<SinterHistory.Record> judged = new ArrayDeque<>();
    private final Map<String, Instant> lastReading = new HashMap<>();
    private long readingsPlaced;
    private long violations;
    /** The furthest encoder position a reading was placed at: the web is judged up to what readings have shown. */
    private double readPositionMm;
    private boolean staleAlarmed;
    /** Every bin below this one has been judged. */
    private long lowestJudged;

    public FurnaceCompliance(String stationId, FurnaceLayout layout, SinteringLimits limits, List<ActuatorSpec> actuators,
                             EncoderTrail trail, Clock clock, double binMm, double maxGapS, int keepJudged) {
        this(stationId, layout, limits, actuators, trail, clock, binMm, maxGapS, keepJudged, List.of());
    }

    /** @param sinks each judged stretch's record also goes to these (a store); called under this object's lock */
    public FurnaceCompliance(String stationId, FurnaceLayout layout, SinteringLimits limits, List<ActuatorSpec> actuators,
                             EncoderTrail trail, Clock clock, double binMm, double maxGapS, int keepJudged,
                             List<java.util.function.Consumer<SinterHistory.Record>> sinks) {
        this.sinks = List.copyOf(sinks);
        this.stationId = Objects.requireNonNull(stationId, "stationId");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.actuators = List.copyOf(actuators);
        this.trail = Objects.requireNonNull(trail, "trail");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!(binMm > 0) || !(maxGapS > 0) || keepJudged < 1) {
            throw new IllegalArgumentException("furnace bin must be > 0 mm, max gap > 0 s, kept records >= 1, got " + binMm
                    + " mm, " + maxGapS + " s, " + keepJudged);
        }
        this.binMm = binMm;
        this.maxGapS = maxGapS;
        this.keepJudged = keepJudged;
    }

    public SinteringLimits limits() {
        return limits;
    }

    public FurnaceLayout layout() {
        return layout;
    }

    /** Places {@code r} on the web and judges what it shows. @throws IllegalArgumentException when it cannot be placed */
    public synchronized Outcome accept(FurnaceReading r) {
        List<FurnaceLayout.Zone> zones = layout.zonesOf(r.zone());
        trail.sample();
        double e = Double.isNaN(r.encoderMm()) ? trail.positionAt(r.at()) : r.encoderMm();
        readingsPlaced++;
        List<RejectCommand> commands = new ArrayList<>();
        List<String> alarms = new ArrayList<>();
        java.util.Set<SinterHistory> atmosphere = new java.util.LinkedHashSet<>();
        for (FurnaceLayout.Zone z : zones) {
            double a = Math.max(0, e - z.endMm());
            double b = e - z.startMm();
            Instant prev = lastReading.put(z.id(), r.at());
            if (b <= 0) {
                continue; // the zone holds no web of this roll yet
            }
            double dt = prev == null ? 0 : Math.min(maxGapS, Math.max(0, (r.at().toEpochMilli() - prev.toEpochMilli()) / 1000.0));
            List<SinterHistory> hit = new ArrayList<>();
            for (long k = (long) Math.floor(a / binMm); k * binMm < b; k++) {
                SinterHistory h = open.computeIfAbsent(k, i -> new SinterHistory(i * binMm, (i + 1) * binMm));
                if (h.judged) {
                    continue;
                }
                h.readings++;
                if (!Double.isNaN(r.tempC()) && !(r.tempC() <= h.maxTempC)) {
                    h.maxTempC = r.tempC();
                    h.maxTempZone = z.id();
                }
                if (!Double.isNaN(r.o2Ppm()) && !(r.o2Ppm() <= h.worstO2Ppm)) {
                    h.worstO2Ppm = r.o2Ppm();
                }
                if (!Double.isNaN(r.dewPointC()) && !(r.dewPointC() <= h.worstDewPointC)) {
                    h.worstDewPointC = r.dewPointC();
                }
                double mid = 0.5 * (h.y0Mm + h.y1Mm);
                if (!Double.isNaN(limits.dwellLevelC()) && mid >= a && mid <= b && r.tempC() >= limits.dwellLevelC()) {
                    h.secondsAbove += dt;
                }
                hit.add(h);
            }
            if (r.tempC() > limits.maxTempC()) {
                flag(hit, "furnace-temperature", String.format(Locale.ROOT, "furnace zone %s at %.1f °C > %.1f °C (T_cryst %.0f − margin %.0f, %s)",
                        z.id(), r.tempC(), limits.maxTempC(), limits.crystallizationTempC(), limits.marginC(), limits.alloy()),
                        r.at(), e, commands, alarms);
            }
            atmosphere.addAll(hit);
        }
        List<SinterHistory> air = atmosphere.stream().sorted(java.util.Comparator.comparingDouble(h -> h.y0Mm)).toList();
        String where = r.zone().equals(FurnaceReading.ALL_ZONES) ? "furnace (all zones)" : "furnace zone " + r.zone();
        if (r.o2Ppm() > limits.maxO2Ppm()) {
            flag(air, "furnace-o2", String.format(Locale.ROOT, "%s O2 %.1f ppm > %.1f ppm", where, r.o2Ppm(),
                    limits.maxO2Ppm()), r.at(), e, commands, alarms);
        }
        if (r.dewPointC() > limits.maxDewPointC()) {
            flag(air, "furnace-dew-point", String.format(Locale.ROOT, "%s dew point %.1f °C > %.1f °C", where,
                    r.dewPointC(), limits.maxDewPointC()), r.at(), e, commands, alarms);
        }
        readPositionMm = Math.max(readPositionMm, e);
        staleAlarmed = false;
        Outcome exits = judgeExits(readPositionMm);
        commands.addAll(exits.commands());
        alarms.addAll(exits.alarms());
        return new Outcome(commands, alarms);
    }

    /** Judges the dwell (and missing data) of every bin that has left the furnace by encoder position {@code encoderMm}. */
    public synchronized Outcome judgeExits(double encoderMm) {
        List<RejectCommand> commands = new ArrayList<>();
        List<String> alarms = new ArrayList<>();
        double leftBelow = encoderMm - layout.exitMm();
        List<SinterHistory> noData = new ArrayList<>();
        List<SinterHistory> shortDwell = new ArrayList<>();
        double leastDwell = Double.POSITIVE_INFINITY;
        List<SinterHistory> leaving = new ArrayList<>();
        for (long k = lowestJudged; (k + 1) * binMm <= leftBelow; k++) {
            SinterHistory h = open.get(k);
            if (h == null) {
                h = new SinterHistory(k * binMm, (k + 1) * binMm);
                open.put(k, h);
            }
            if (h.judged) {
                continue;
            }
            if (h.readings == 0) {
                noData.add(h);
            } else if (!Double.isNaN(limits.minDwellS()) && h.secondsAbove < limits.minDwellS()) {
                shortDwell.add(h);
                leastDwell = Math.min(leastDwell, h.secondsAbove);
            }
            h.judged = true;
            leaving.add(h);
            open.remove(k);
            lowestJudged = Math.max(lowestJudged, k + 1);
        }
        flag(noData, "furnace-no-data", "no furnace reading reached this web: its sintering cannot be shown",
                clock.instant(), encoderMm, commands, alarms);
        flag(shortDwell, "furnace-dwell", String.format(Locale.ROOT, "%.1f s above %.0f °C < %.1f s", leastDwell,
                limits.dwellLevelC(), limits.minDwellS()), clock.instant(), encoderMm, commands, alarms);
        for (SinterHistory h : leaving) {
            SinterHistory.Record rec = h.record();
            sinks.forEach(k -> k.accept(rec));
            judged.addLast(rec);
            while (judged.size() > keepJudged) {
                judged.removeFirst();
            }
        }
        return new Outcome(commands, alarms);
    }

    /** Marks {@code cause} on the bins that lack it; one command per actuator and contiguous run of newly marked bins. */
    private void flag(List<SinterHistory> bins, String cause, String what, Instant at, double encoderMm,
                      List<RejectCommand> commands, List<String> alarms) {
        List<SinterHistory> fresh = bins.stream().filter(h -> h.causes.add(cause)).toList();
        if (fresh.isEmpty()) {
            return;
        }
        violations++;
        int i = 0;
        while (i < fresh.size()) {
            int j = i;
            while (j + 1 < fresh.size() && fresh.get(j + 1).y0Mm <= fresh.get(j).y1Mm) {
                j++;
            }
            double y0 = fresh.get(i).y0Mm;
            double y1 = fresh.get(j).y1Mm;
            boolean reject = limits.onViolation() == SinteringLimits.Violation.REJECT;
            alarms.add(String.format(Locale.ROOT, "%s: web %.3f–%.3f m %s", what, y0 / 1000, y1 / 1000,
                    reject ? "rejected" : "held for lab"));
            if (reject) {
                Instant now = clock.instant();
                double enc = trail.positionNowMm();
                for (ActuatorSpec a : actuators) {
                    if (a.distanceMm() > layout.exitMm() && a.actsOn(List.of(cause))) {
                        String id = String.format(Locale.ROOT, "%s/%s/furnace/%d/%s/%s", stationId, run, Math.round(y0), cause, a.id());
                        commands.add(new RejectCommand(id, stationId, a.id(), y0, y1, List.of(cause), List.of(),
                                y0 + a.distanceMm(), at, now, enc));
                    }
                }
            }
            i = j + 1;
        }
    }

    /**
     * The watchdog's call: samples the encoder and raises one alarm when it has run more than
     * {@code staleMm} past the last placed reading (telemetry lost). The web that leaves the furnace
     * meanwhile is judged when readings resume: with no reading of its own it is {@code furnace-no-data}.
     */
    public synchronized Outcome watch(double staleMm) {
        double now = trail.sample();
        if (!staleAlarmed && now - readPositionMm > staleMm) {
            staleAlarmed = true;
            return new Outcome(List.of(), List.of(String.format(Locale.ROOT, "furnace telemetry stale: the last reading was "
                    + "placed at encoder %.0f mm, the encoder is at %.0f mm", readPositionMm, now)));
        }
        return Outcome.NONE;
    }

    /** The records of stretches that have left the furnace, oldest first (the latest {@code keepJudged}). */
    public synchronized List<SinterHistory.Record> judged() {
        return List.copyOf(judged);
    }

    /** The furthest encoder position a reading has been placed at, mm. */
    public synchronized double readPositionMm() {
        return readPositionMm;
    }

    public synchronized long readingsPlaced() {
        return readingsPlaced;
    }

    /** Violations flagged so far (one per cause and run of adjacent stretches). */
    public synchronized long violations() {
        return violations;
    }
}
