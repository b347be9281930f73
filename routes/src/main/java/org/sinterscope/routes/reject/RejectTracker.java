package org.sinterscope.routes.reject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.sinterscope.camera.LineEncoder;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.SegmentVerdict;
import org.sinterscope.routes.StationSettings;

/**
 * Turns a verdict into reject commands, one per rejected stretch and actuator that acts on its
 * causes, timed by the encoder: each gets the deadline {@code y0 + distance(actuator)}.
 */
public final class RejectTracker {

    private final String stationId;
    /** Distinguishes this station run's commands from an earlier run's (frame numbers restart at 0). */
    private final String run = Long.toString(Instant.now().getEpochSecond(), 36);
    private final List<ActuatorSpec> actuators;
    private final LineEncoder encoder;
    private final List<ActuatorSpec> stationActuators;

    public RejectTracker(String stationId, List<ActuatorSpec> actuators, LineEncoder encoder) {
        this(stationId, actuators, encoder, actuators);
    }

    /**
     * A camera's tracker in a station with several cameras: commands go to {@code actuators} (those
     * downstream of the camera); {@code stationActuators} (all of the station's) are what the
     * actuation gateway serves ({@link #stationActuators()}).
     */
    public RejectTracker(String stationId, List<ActuatorSpec> actuators, LineEncoder encoder, List<ActuatorSpec> stationActuators) {
        this.stationId = Objects.requireNonNull(stationId, "stationId");
        this.actuators = List.copyOf(actuators);
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.stationActuators = List.copyOf(stationActuators);
        if (this.actuators.isEmpty()) {
            throw new IllegalArgumentException("a reject tracker needs at least one actuator");
        }
        for (ActuatorSpec a : this.actuators) {
            if (!this.stationActuators.contains(a)) {
                throw new IllegalArgumentException("actuator " + a.id() + " is not one of the station's actuators "
                        + this.stationActuators.stream().map(ActuatorSpec::id).toList());
            }
        }
    }

    /** All of the station's actuators (the actuation gateway serves these); {@link #actuators()} for a single camera. */
    public List<ActuatorSpec> stationActuators() {
        return stationActuators;
    }

    /** One in-process simulated actuator at {@code cameraToActuatorMm}. */
    public RejectTracker(String stationId, String actuatorId, double cameraToActuatorMm, LineEncoder encoder) {
        this(stationId, List.of(ActuatorSpec.simulated(actuatorId, cameraToActuatorMm)), encoder);
    }

    /** The station's actuators from its settings ({@link ActuatorSpec#fromSettings}). */
    public static RejectTracker fromSettings(StationSettings settings, LineEncoder encoder) {
        return new RejectTracker(settings.stationId(), ActuatorSpec.fromSettings(settings), encoder);
    }

    /** The actuators this tracker sends commands to. */
    public List<ActuatorSpec> actuators() {
        return actuators;
    }

    /** Distance to the first actuator, mm. */
    public double cameraToActuatorMm() {
        return actuators.get(0).distanceMm();
    }

    /** The farthest actuator's distance, mm: the web must run this far past the last frame. */
    public double farthestActuatorMm() {
        return actuators.stream().mapToDouble(ActuatorSpec::distanceMm).max().orElseThrow();
    }

    public String actuatorId() {
        return actuators.get(0).id();
    }

    public LineEncoder encoder() {
        return encoder;
    }

    /** The commands for {@code v} (none when it passes). */
    public List<RejectCommand> commands(SegmentVerdict v, Instant frameCompleteAt) {
        List<RejectCommand> out = new ArrayList<>();
        Instant now = Instant.now();
        double enc = encoder.positionMm();
        int k = 0;
        for (SegmentVerdict.RejectSpan s : v.rejects()) {
            List<String> defectIds = new ArrayList<>();
            for (int i = 0; i < v.defects().size(); i++) {
                Defect d = v.defects().get(i);
                if (d.boundsMm().y0Mm() <= s.y1Mm() && s.y0Mm() <= d.boundsMm().y1Mm()) {
                    defectIds.add(v.cameraId() + "/" + v.sequence() + "/" + i);
                }
            }
            for (ActuatorSpec a : actuators) {
                if (!a.actsOn(s.causes())) {
                    continue;
                }
                String id = String.format(Locale.ROOT, "%s/%s/%s/%d/%d/%s", stationId, run, v.cameraId(), v.sequence(), k, a.id());
                out.add(new RejectCommand(id, stationId, a.id(), s.y0Mm(), s.y1Mm(), s.causes(), defectIds,
                        s.y0Mm() + a.distanceMm(), frameCompleteAt, now, enc));
            }
            k++;
        }
        return out;
    }
}
