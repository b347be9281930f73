package org.sinterscope.routes;

import java.util.Map;
import java.util.Objects;

import org.sinterscope.camera.FrameSource;
import org.sinterscope.routes.decide.VerdictDecider;
import org.sinterscope.routes.reject.RejectTracker;

/**
 * The plain beans the station's routes call, by the names the routes use.
 *
 * @param source     frames
 * @param inspection the inspection step
 * @param decider    recipe decisions
 * @param tracker    reject commands with deadlines
 * @param ledger     counts and, for a demo, details
 */
public record StationBeans(FrameSource source, InspectionStage inspection, VerdictDecider decider, RejectTracker tracker,
                           RunLedger ledger) {

    public static final String SOURCE = "frameSource";
    public static final String INSPECTION = "inspectionStage";
    public static final String DECIDER = "verdictDecider";
    public static final String TRACKER = "rejectTracker";
    public static final String LEDGER = "runLedger";

    public StationBeans {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(inspection, "inspection");
        Objects.requireNonNull(decider, "decider");
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(ledger, "ledger");
    }

    /** Name → bean, for binding into a registry. */
    public Map<String, Object> byName() {
        return Map.of(SOURCE, source, INSPECTION, inspection, DECIDER, decider, TRACKER, tracker, LEDGER, ledger);
    }
}
