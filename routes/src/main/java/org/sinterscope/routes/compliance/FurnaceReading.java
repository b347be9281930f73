package org.sinterscope.routes.compliance;

import java.time.Instant;
import java.util.Objects;

/**
 * One reading of the sintering furnace: a zone's temperature and atmosphere at an instant.
 * A quantity the reading does not carry is NaN; at least one must be present.
 *
 * @param zone       furnace zone id as in {@code sinterscope.furnace.zones}, or {@link #ALL_ZONES} for the
 *                   furnace-wide atmosphere
 * @param at         when it was measured
 * @param tempC      zone temperature, °C
 * @param o2Ppm      O₂ in the atmosphere, ppm
 * @param dewPointC  dew point of the atmosphere, °C
 * @param encoderMm  the line encoder's position at {@code at} when the PLC stamps it, mm; NaN to place the
 *                   reading by its time
 */
public record FurnaceReading(String zone, Instant at, double tempC, double o2Ppm, double dewPointC, double encoderMm) {

    /** Zone id of a reading that holds for the whole furnace (its atmosphere). */
    public static final String ALL_ZONES = "all";

    public FurnaceReading {
        Objects.requireNonNull(at, "at");
        if (zone == null || zone.isBlank()) {
            throw new IllegalArgumentException("a furnace reading needs its zone");
        }
        if (Double.isNaN(tempC) && Double.isNaN(o2Ppm) && Double.isNaN(dewPointC)) {
            throw new IllegalArgumentException("furnace reading of zone " + zone + " at " + at
                    + " carries no temperature, O2 or dew point");
        }
        if (Double.isInfinite(tempC) || tempC < -273.15 || tempC > 3000) {
            throw new IllegalArgumentException("zone " + zone + ": temperature " + tempC + " °C is not plausible");
        }
        if (Double.isInfinite(o2Ppm) || o2Ppm < 0 || o2Ppm > 1e6) {
            throw new IllegalArgumentException("zone " + zone + ": O2 " + o2Ppm + " ppm is outside [0, 1e6]");
        }
        if (Double.isInfinite(dewPointC) || dewPointC < -150 || dewPointC > 150) {
            throw new IllegalArgumentException("zone " + zone + ": dew point " + dewPointC + " °C is outside [-150, 150]");
        }
        if (Double.isInfinite(encoderMm) || encoderMm < 0) {
            throw new IllegalArgumentException("zone " + zone + ": encoder position " + encoderMm + " mm must be >= 0");
        }
    }

    /** A reading placed by its time. */
    public static FurnaceReading of(String zone, Instant at, double tempC, double o2Ppm, double dewPointC) {
        return new FurnaceReading(zone, at, tempC, o2Ppm, dewPointC, Double.NaN);
    }
}
