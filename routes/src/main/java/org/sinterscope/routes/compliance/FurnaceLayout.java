package org.sinterscope.routes.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the furnace zones sit along the web, relative to the station's encoder reference (the camera
 * line): zone z spans {@code [startMm, endMm]} downstream of it (negative = upstream). When the
 * encoder reads E, the web inside zone z is {@code y ∈ [E − endMm, E − startMm]}.
 *
 * <p>Setting: {@code sinterscope.furnace.zones = z1:3000:5000,z2:5000:7000} (id:start-mm:end-mm).
 */
public final class FurnaceLayout {

    /** One zone. */
    public record Zone(String id, double startMm, double endMm) {
        public Zone {
            if (id == null || !id.matches("[A-Za-z0-9_-]+") || id.equals(FurnaceReading.ALL_ZONES)) {
                throw new IllegalArgumentException("furnace zone id must be letters, digits, '-' or '_' (not 'all'), got '" + id + "'");
            }
            if (!(endMm > startMm) || !Double.isFinite(startMm) || !Double.isFinite(endMm)) {
                throw new IllegalArgumentException("furnace zone " + id + " must have start < end, got [" + startMm + ", "
                        + endMm + "] mm");
            }
        }

        public double lengthMm() {
            return endMm - startMm;
        }
    }

    private final Map<String, Zone> zones = new LinkedHashMap<>();
    private final double exitMm;

    public FurnaceLayout(List<Zone> list) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException("a furnace needs at least one zone");
        }
        double exit = Double.NEGATIVE_INFINITY;
        for (Zone z : list) {
            if (zones.put(z.id(), z) != null) {
                throw new IllegalArgumentException("furnace zone '" + z.id() + "' is listed twice");
            }
            exit = Math.max(exit, z.endMm());
        }
        this.exitMm = exit;
    }

    /** Parses {@code id:start:end,...}. */
    public static FurnaceLayout parse(String spec) {
        List<Zone> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String t = part.trim();
            if (t.isEmpty()) {
                continue;
            }
            String[] f = t.split(":");
            if (f.length != 3) {
                throw new IllegalArgumentException("furnace zone '" + t + "' must be id:start-mm:end-mm");
            }
            try {
                out.add(new Zone(f[0].trim(), Double.parseDouble(f[1].trim()), Double.parseDouble(f[2].trim())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("furnace zone '" + t + "': start and end must be numbers (mm)", e);
            }
        }
        return new FurnaceLayout(out);
    }

    public List<Zone> zones() {
        return List.copyOf(zones.values());
    }

    /** The zones a reading applies to: its own, or every zone for {@link FurnaceReading#ALL_ZONES}. */
    public List<Zone> zonesOf(String id) {
        if (id.equals(FurnaceReading.ALL_ZONES)) {
            return zones();
        }
        Zone z = zones.get(id);
        if (z == null) {
            throw new IllegalArgumentException("unknown furnace zone '" + id + "' (known: " + String.join(", ", zones.keySet())
                    + ", all)");
        }
        return List.of(z);
    }

    /** The furthest downstream zone end: web at y has left the furnace once the encoder passes y + exitMm. */
    public double exitMm() {
        return exitMm;
    }
}
