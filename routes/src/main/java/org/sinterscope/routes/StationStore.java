package org.sinterscope.routes;

import java.util.function.Consumer;

import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.SegmentVerdict;
import org.sinterscope.routes.reject.ActuatorEvent;
import org.sinterscope.routes.reject.RejectCommand;

/**
 * What the station hands to a defect store through its store endpoint ({@code {{sinterscope.store.uri}}},
 * see {@link StoreFeedRoutes}). The review module's store implements it; the station itself never
 * imports a store. Each call must return quickly (a bounded buffer in front of the database).
 */
public interface StationStore {

    /** Registry name under which a store is bound. */
    String BEAN = "defectStore";

    /** A decided segment with the inspection it was decided on. */
    void saveSegment(FrameInspection inspection, SegmentVerdict verdict);

    /** A reject command as decided. */
    void saveCommand(RejectCommand command);

    /** An acknowledgement or fired report of an actuator. */
    void saveActuatorEvent(ActuatorEvent event);

    /**
     * Waits until everything handed over so far is written, at most {@code timeout}; true when it
     * is. A store without a buffer is always flushed.
     */
    default boolean flush(java.time.Duration timeout) throws InterruptedException {
        return true;
    }

    /** Fill of the store's write buffer, 0..1 (NaN: the store has no buffer). */
    default double bufferFill() {
        return Double.NaN;
    }

    /** Null when records can be written, else what is wrong (the station is then not ready). */
    default String writeProblem() {
        return null;
    }

    /** Where the store raises alarms (a full buffer, a failing database). */
    void onAlarm(Consumer<String> sink);
}
