package org.sinterscope.routes.actuator;

import java.nio.file.Path;
import java.time.Duration;

import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.journal.Journal;
import org.sinterscope.routes.reject.ActuatorSpec;
import org.sinterscope.routes.reject.RejectTracker;

/**
 * Builds the station's actuation from its settings: the gateway (with its journal) and its routes.
 *
 * @param gateway the gateway, bound as {@value #GATEWAY}
 * @param routes  its routes
 */
public record Actuation(ActuationGateway gateway, ActuationRoutes routes) {

    public static final String GATEWAY = "actuationGateway";

    /**
     * @param settings the station's settings ({@code sinterscope.journal.dir}, {@code sinterscope.actuation.*}, links)
     * @param tracker  the reject tracker: its actuators and encoder
     */
    public static Actuation create(StationSettings settings, RejectTracker tracker) {
        ActuatorLinks links = new ActuatorLinks(settings);
        Journal journal = Journal.open(journalDir(settings), settings.stationId());
        ActuationGateway gw = new ActuationGateway(tracker.stationActuators(), links.sendUris(tracker.stationActuators()), tracker.encoder(), journal,
                Duration.ofMillis(millis(settings, "sinterscope.actuation.resend-ms", "200")),
                Duration.ofMillis(millis(settings, "sinterscope.actuation.ack-timeout-ms", "2000")),
                Duration.ofMillis(millis(settings, "sinterscope.actuation.fired-timeout-ms", "6000")));
        return new Actuation(gw, new ActuationRoutes(gw, links.ackUris(tracker.stationActuators()), links.lineStopUri(tracker.stationActuators())));
    }

    /** {@code sinterscope.journal.dir}, a leading {@code ~} being the home folder. */
    public static Path journalDir(StationSettings settings) {
        String d = settings.getOrDefault("sinterscope.journal.dir", "~/.sinterscope/journal");
        if (d.startsWith("~")) {
            d = System.getProperty("user.home") + d.substring(1);
        }
        return Path.of(d);
    }

    private static long millis(StationSettings s, String key, String fallback) {
        String v = s.getOrDefault(key, fallback);
        try {
            long ms = Long.parseLong(v);
            if (ms <= 0) {
                throw new NumberFormatException();
            }
            return ms;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("station setting '" + key + "' must be a whole number of ms > 0, got '" + v + "'", e);
        }
    }
}
