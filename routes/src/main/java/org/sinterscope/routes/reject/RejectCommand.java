package org.sinterscope.routes.reject;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An order to an actuator to reject a stretch of web.
 *
 * <p>The actuator sits {@code distance} mm downstream of the camera, so web position y is under
 * it when the encoder reads {@code y + distance}. The command must arrive before the stretch's
 * start gets there: {@code deadlineMm = y0Mm + distance}, an encoder position, not a time.
 *
 * @param id                  unique and deterministic (station, camera, frame, stretch): a resend is harmless
 * @param stationId           the station that decided it
 * @param actuatorId          the actuator it is for
 * @param y0Mm                start of the stretch, web mm
 * @param y1Mm                end of the stretch, web mm
 * @param causes              defect classes or failed measurements behind it
 * @param deadlineMm          encoder position by which it must have arrived
 * @param frameCompleteAt     when the frame that showed the defect was complete
 * @param decidedAt           when the station decided
 * @param encoderAtDecisionMm where the encoder was at that moment
 */
public record RejectCommand(String id, String stationId, String actuatorId, double y0Mm, double y1Mm, List<String> causes,
                            double deadlineMm, Instant frameCompleteAt, Instant decidedAt, double encoderAtDecisionMm) {

    public RejectCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(actuatorId, "actuatorId");
        Objects.requireNonNull(frameCompleteAt, "frameCompleteAt");
        Objects.requireNonNull(decidedAt, "decidedAt");
        causes = List.copyOf(causes);
        if (!(y1Mm >= y0Mm) || !Double.isFinite(y0Mm) || !Double.isFinite(y1Mm)) {
            throw new IllegalArgumentException("reject stretch must be finite with y1 >= y0, got [" + y0Mm + ", " + y1Mm + "] mm");
        }
    }

    /** Encoder position at which the stretch's end passes the actuator. */
    public double endAtActuatorMm() {
        return deadlineMm + (y1Mm - y0Mm);
    }

    /** True when the encoder was already past the deadline when the station decided. */
    public boolean lateAtDecision() {
        return encoderAtDecisionMm > deadlineMm;
    }
}
