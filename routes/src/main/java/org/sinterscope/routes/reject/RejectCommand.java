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
 * @param id                  unique and deterministic (station, run, camera, frame, stretch, actuator): a resend is harmless
 * @param stationId           the station that decided it
 * @param actuatorId          the actuator it is for
 * @param y0Mm                start of the stretch (web segment), web mm
 * @param y1Mm                end of the stretch, web mm
 * @param causes              the reason: defect classes or failed measurements behind it ("pinhole",
 *                            "coating-width", "uninspected")
 * @param defectIds           the defects behind it, {@code camera/sequence/index} of the frame's defect list
 * @param deadlineMm          encoder position by which it must have arrived
 * @param frameCompleteAt     when the frame that showed the defect was complete
 * @param decidedAt           when the station decided
 * @param encoderAtDecisionMm where the encoder was at that moment
 */
public record RejectCommand(String id, String stationId, String actuatorId, double y0Mm, double y1Mm, List<String> causes,
                            List<String> defectIds, double deadlineMm, Instant frameCompleteAt, Instant decidedAt,
                            double encoderAtDecisionMm) {

    public RejectCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(actuatorId, "actuatorId");
        Objects.requireNonNull(frameCompleteAt, "frameCompleteAt");
        Objects.requireNonNull(decidedAt, "decidedAt");
        causes = List.copyOf(causes);
        defectIds = List.copyOf(defectIds);
        if (!(y1Mm >= y0Mm) || !Double.isFinite(y0Mm) || !Double.isFinite(y1Mm)) {
            throw new IllegalArgumentException("reject stretch must be finite with y1 >= y0, got [" + y0Mm + ", " + y1Mm + "] mm");
        }
        if (!Double.isFinite(deadlineMm)) {
            throw new IllegalArgumentException("reject command " + id + ": deadline must be finite, got " + deadlineMm);
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

    /**
     * The same command grown by {@code marginMm} on both ends, under the id {@code id + "/w"}: the
     * deadline moves with the start ({@code deadline - marginMm}), decided now.
     */
    public RejectCommand widened(double marginMm, Instant now, double encoderMm) {
        if (!(marginMm >= 0)) {
            throw new IllegalArgumentException("widening margin must be >= 0 mm, got " + marginMm);
        }
        return new RejectCommand(id + "/w", stationId, actuatorId, y0Mm - marginMm, y1Mm + marginMm, causes, defectIds,
                deadlineMm - marginMm, frameCompleteAt, now, encoderMm);
    }
}
