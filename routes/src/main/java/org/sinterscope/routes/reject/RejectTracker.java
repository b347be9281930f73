package org.sinterscope.routes.reject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.sinterscope.camera.LineEncoder;
import org.sinterscope.inspection.SegmentVerdict;

/**
 * Turns a verdict into reject commands for one actuator, timed by the encoder: each stretch gets
 * the deadline {@code y0 + cameraToActuatorMm}.
 */
public final class RejectTracker {

    private final String stationId;
    private final String actuatorId;
    private final double cameraToActuatorMm;
    private final LineEncoder encoder;

    public RejectTracker(String stationId, String actuatorId, double cameraToActuatorMm, LineEncoder encoder) {
        if (!(cameraToActuatorMm > 0)) {
            throw new IllegalArgumentException("camera-to-actuator distance must be > 0 mm, got " + cameraToActuatorMm);
        }
        this.stationId = Objects.requireNonNull(stationId, "stationId");
        this.actuatorId = Objects.requireNonNull(actuatorId, "actuatorId");
        this.cameraToActuatorMm = cameraToActuatorMm;
        this.encoder = Objects.requireNonNull(encoder, "encoder");
    }

    public double cameraToActuatorMm() {
        return cameraToActuatorMm;
    }

    public String actuatorId() {
        return actuatorId;
    }

    /** The commands for {@code v} (none when it passes). */
    public List<RejectCommand> commands(SegmentVerdict v, Instant frameCompleteAt) {
        List<RejectCommand> out = new ArrayList<>();
        Instant now = Instant.now();
        double enc = encoder.positionMm();
        int k = 0;
        for (SegmentVerdict.RejectSpan s : v.rejects()) {
            String id = String.format(Locale.ROOT, "%s/%s/%d/%d/%s", stationId, v.cameraId(), v.sequence(), k++, actuatorId);
            out.add(new RejectCommand(id, stationId, actuatorId, s.y0Mm(), s.y1Mm(), s.causes(),
                    s.y0Mm() + cameraToActuatorMm, frameCompleteAt, now, enc));
        }
        return out;
    }
}
