package org.sinterscope.routes.reject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.sinterscope.routes.StationSettings;

/**
 * One reject actuator of the station (marker, cutter, line stop) and how to reach it.
 *
 * <p>Settings, for each id in {@code sinterscope.actuators} (default: the one
 * {@code sinterscope.actuator.id}); a per-actuator key falls back to the station-wide one:
 * <pre>
 * sinterscope.actuator.&lt;id&gt;.distance-mm   camera line → actuator, web mm   (sinterscope.actuator.distance-mm)
 * sinterscope.actuator.&lt;id&gt;.link          plc-sim | mqtt | opcua          (sinterscope.actuator.link)
 * sinterscope.actuator.&lt;id&gt;.policy        widen | alarm | stop-line       (sinterscope.actuator.policy)
 * sinterscope.actuator.&lt;id&gt;.widen-mm      margin of a widened reject, mm  (sinterscope.actuator.widen-mm)
 * sinterscope.actuator.&lt;id&gt;.causes        causes it acts on, comma list; * = all (sinterscope.actuator.causes)
 * sinterscope.actuator.&lt;id&gt;.uri           Camel endpoint overriding the one the link implies (optional)
 * </pre>
 *
 * @param id          actuator id, unique in the station
 * @param distanceMm  web length from the camera's line to the actuator, mm (&gt; 0)
 * @param link        how commands reach it
 * @param policy      fail-safe policy
 * @param widenMm     margin added on both ends by {@link FailSafePolicy#WIDEN}, mm
 * @param causes      causes it acts on; empty = all
 * @param uri         explicit endpoint URI, or empty for the link's default
 */
public record ActuatorSpec(String id, double distanceMm, Link link, FailSafePolicy policy, double widenMm, Set<String> causes,
                           String uri) {

    /** How a command reaches the actuator's PLC. */
    public enum Link {
        PLC_SIM, MQTT, OPCUA;

        static Link parse(String s, String key) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("station setting '" + key + "' must be plc-sim, mqtt or opcua, got '" + s + "'", e);
            }
        }
    }

    public ActuatorSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(policy, "policy");
        causes = Set.copyOf(causes);
        uri = uri == null ? "" : uri;
        if (!id.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("actuator id must be letters, digits, '-' or '_' (it is part of topics and node ids), got '" + id + "'");
        }
        if (!(distanceMm > 0) || !Double.isFinite(distanceMm)) {
            throw new IllegalArgumentException("actuator " + id + ": camera-to-actuator distance must be > 0 mm, got " + distanceMm);
        }
        if (!(widenMm >= 0)) {
            throw new IllegalArgumentException("actuator " + id + ": widen margin must be >= 0 mm, got " + widenMm);
        }
    }

    /** The in-process simulator link with the WIDEN policy and a 50 mm margin. */
    public static ActuatorSpec simulated(String id, double distanceMm) {
        return new ActuatorSpec(id, distanceMm, Link.PLC_SIM, FailSafePolicy.WIDEN, 50, Set.of(), "");
    }

    /** True when this actuator acts on a stretch with these causes. */
    public boolean actsOn(List<String> spanCauses) {
        return causes.isEmpty() || spanCauses.stream().anyMatch(causes::contains);
    }

    /** The station's actuators from its settings. */
    public static List<ActuatorSpec> fromSettings(StationSettings s) {
        String ids = s.getOrDefault("sinterscope.actuators", s.getOrDefault("sinterscope.actuator.id", ""));
        List<ActuatorSpec> out = new ArrayList<>();
        for (String id : Arrays.stream(ids.split(",")).map(String::trim).filter(x -> !x.isEmpty()).distinct().toList()) {
            String p = "sinterscope.actuator." + id + ".";
            double distance = number(s, p + "distance-mm", "sinterscope.actuator.distance-mm", null);
            Link link = Link.parse(pick(s, p + "link", "sinterscope.actuator.link", "plc-sim"), p + "link");
            FailSafePolicy policy = FailSafePolicy.parse(pick(s, p + "policy", "sinterscope.actuator.policy", "widen"), p + "policy");
            double widen = number(s, p + "widen-mm", "sinterscope.actuator.widen-mm", "50");
            String causeList = pick(s, p + "causes", "sinterscope.actuator.causes", "*");
            Set<String> causes = causeList.equals("*") ? Set.of()
                    : Set.copyOf(Arrays.stream(causeList.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList());
            out.add(new ActuatorSpec(id, distance, link, policy, widen, causes, s.getOrDefault(p + "uri", "")));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no actuator configured: set sinterscope.actuators (or sinterscope.actuator.id)");
        }
        return List.copyOf(out);
    }

    private static String pick(StationSettings s, String key, String stationWide, String fallback) {
        String v = s.getOrDefault(key, s.getOrDefault(stationWide, fallback));
        if (v == null) {
            throw new IllegalArgumentException("station setting '" + key + "' (or '" + stationWide + "') is not set");
        }
        return v;
    }

    private static double number(StationSettings s, String key, String stationWide, String fallback) {
        String v = pick(s, key, stationWide, fallback);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("station setting '" + key + "' must be a number, got '" + v + "'", e);
        }
    }
}
