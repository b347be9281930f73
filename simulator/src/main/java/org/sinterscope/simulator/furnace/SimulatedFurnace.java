package org.sinterscope.simulator.furnace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.sinterscope.routes.compliance.FurnaceLayout;
import org.sinterscope.routes.compliance.FurnaceReading;

/**
 * A sintering furnace for the simulated line: every {@code stepMm} of web it reports each zone's
 * temperature (its set point ± noise) and the furnace-wide atmosphere (O₂, dew point), each reading
 * stamped with the encoder position and a line time {@code t0 + E / speed}, so readings are placed
 * exactly whatever the pacing. Injected excursions hold a zone's temperature, or the O₂, at a given
 * value while the encoder is inside a window; the web they touch is recorded as ground truth: every
 * stretch that was inside the zone (the whole furnace for O₂) during a reading of the excursion.
 * Not thread-safe: one timer route calls {@link #readingsUpTo}.
 */
public final class SimulatedFurnace {

    /** What to inject: {@code temperature} of one zone or {@code o2} of the furnace, at {@code value}, for encoder in [from, to). */
    public record Excursion(String kind, String zone, double fromEncoderMm, double toEncoderMm, double value) {
    }

    /** An excursion as it happened: the web it touched, from the first to the last reading that showed it. */
    public record Truth(Excursion excursion, double webFromMm, double webToMm) {
    }

    private final FurnaceLayout layout;
    private final List<Double> setPointsC;
    private final double o2Ppm;
    private final double dewPointC;
    private final double stepMm;
    private final double mmPerSecond;
    private final Instant t0;
    private final List<Excursion> excursions;
    private final double[] firstHit;
    private final double[] lastHit;
    private final SplittableRandom rnd;
    private double nextMm;

    public SimulatedFurnace(FurnaceLayout layout, List<Double> setPointsC, double o2Ppm, double dewPointC, double stepMm,
                            double lineSpeedMPerMin, Instant t0, List<Excursion> excursions, long seed) {
        if (setPointsC.size() != layout.zones().size()) {
            throw new IllegalArgumentException("one set point per zone: " + layout.zones().size() + " zones, "
                    + setPointsC.size() + " set points");
        }
        this.layout = layout;
        this.setPointsC = List.copyOf(setPointsC);
        this.o2Ppm = o2Ppm;
        this.dewPointC = dewPointC;
        this.stepMm = stepMm;
        this.mmPerSecond = lineSpeedMPerMin * 1000 / 60;
        this.t0 = t0;
        this.excursions = List.copyOf(excursions);
        this.firstHit = new double[excursions.size()];
        this.lastHit = new double[excursions.size()];
        java.util.Arrays.fill(firstHit, Double.NaN);
        java.util.Arrays.fill(lastHit, Double.NaN);
        this.rnd = new SplittableRandom(seed);
    }

    /** The readings for every step of web from the last call up to {@code encoderMm}. */
    public List<FurnaceReading> readingsUpTo(double encoderMm) {
        List<FurnaceReading> out = new ArrayList<>();
        while (nextMm <= encoderMm) {
            double e = nextMm;
            Instant at = t0.plusNanos((long) (e / mmPerSecond * 1e9));
            List<FurnaceLayout.Zone> zones = layout.zones();
            for (int z = 0; z < zones.size(); z++) {
                double t = setPointsC.get(z) + rnd.nextGaussian() * 1.5;
                for (int k = 0; k < excursions.size(); k++) {
                    Excursion x = excursions.get(k);
                    if (x.kind().equals("temperature") && x.zone().equals(zones.get(z).id()) && active(x, e)) {
                        t = x.value();
                        hit(k, e);
                    }
                }
                out.add(new FurnaceReading(zones.get(z).id(), at, t, Double.NaN, Double.NaN, e));
            }
            double o2 = Math.max(0, o2Ppm + rnd.nextGaussian() * 0.3);
            for (int k = 0; k < excursions.size(); k++) {
                Excursion x = excursions.get(k);
                if (x.kind().equals("o2") && active(x, e)) {
                    o2 = x.value();
                    hit(k, e);
                }
            }
            out.add(new FurnaceReading(FurnaceReading.ALL_ZONES, at, Double.NaN, o2, dewPointC + rnd.nextGaussian(), e));
            nextMm += stepMm;
        }
        return out;
    }

    /** The readings as the JSON array the station's furnace route takes, or null when there are none. */
    public String jsonUpTo(double encoderMm) {
        List<FurnaceReading> rs = readingsUpTo(encoderMm);
        if (rs.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder("[");
        for (FurnaceReading r : rs) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append(String.format(Locale.ROOT, "{\"zone\":\"%s\",\"at\":\"%s\",\"encoderMm\":%.1f", r.zone(), r.at(), r.encoderMm()));
            if (!Double.isNaN(r.tempC())) {
                b.append(String.format(Locale.ROOT, ",\"tempC\":%.2f", r.tempC()));
            }
            if (!Double.isNaN(r.o2Ppm())) {
                b.append(String.format(Locale.ROOT, ",\"o2Ppm\":%.2f,\"dewPointC\":%.2f", r.o2Ppm(), r.dewPointC()));
            }
            b.append('}');
        }
        return b.append(']').toString();
    }

    /** The injected excursions as they happened (web touched, mm); an excursion not yet reached is left out. */
    public List<Truth> truth() {
        List<Truth> out = new ArrayList<>();
        for (int k = 0; k < excursions.size(); k++) {
            if (Double.isNaN(firstHit[k])) {
                continue;
            }
            Excursion x = excursions.get(k);
            double start;
            double end;
            if (x.kind().equals("o2")) {
                start = layout.zones().stream().mapToDouble(FurnaceLayout.Zone::startMm).min().orElseThrow();
                end = layout.exitMm();
            } else {
                FurnaceLayout.Zone z = layout.zonesOf(x.zone()).get(0);
                start = z.startMm();
                end = z.endMm();
            }
            out.add(new Truth(x, Math.max(0, firstHit[k] - end), Math.max(0, lastHit[k] - start)));
        }
        return out;
    }

    public List<Excursion> excursions() {
        return excursions;
    }

    private static boolean active(Excursion x, double e) {
        return e >= x.fromEncoderMm() && e < x.toEncoderMm();
    }

    private void hit(int k, double e) {
        if (Double.isNaN(firstHit[k])) {
            firstHit[k] = e;
        }
        lastHit[k] = e;
    }
}
