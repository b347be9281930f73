package org.sinterscope.routes.camera;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.ProducerTemplate;
import org.sinterscope.camera.gige.GigeCamera;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.routes.StationRoutes;

/**
 * Makes a camera's lost frames safe: each lost stretch goes to the decider as a failed
 * ("not inspected") {@link FrameInspection} covering {@code [y0Mm, y1Mm)} — the path a frame that
 * waited too long already takes, so the decider rejects it whole and the actuator's policy handles
 * it — and raises an alarm; the camera going away raises an alarm too.
 *
 * <p>The lost inspection carries the first lost sequence number; the camera never hands out a
 * frame with that sequence afterwards, so it does not collide with a real frame's verdict.
 */
public final class CameraLossReporter implements GigeCamera.LossListener {

    private ProducerTemplate producer;
    private String decideUri;
    private String alarmUri;
    private final List<Runnable> pending = new ArrayList<>();
    private final AtomicLong lostFrames = new AtomicLong();
    private final AtomicLong disconnects = new AtomicLong();

    /**
     * @param decideUri where inspections are decided ({@code direct:decide})
     * @param alarmUri  the station's alarm endpoint ({@code sinterscope.alarm.uri})
     */
    public CameraLossReporter(ProducerTemplate producer, String decideUri, String alarmUri) {
        attach(producer, decideUri, alarmUri);
    }

    /** Not attached yet: events are kept until {@link #attach}. */
    public CameraLossReporter() {
    }

    /** Where to send from now on; events kept so far are sent now. */
    public void attach(ProducerTemplate producer, String decideUri, String alarmUri) {
        List<Runnable> kept;
        synchronized (this) {
            this.producer = Objects.requireNonNull(producer, "producer");
            this.decideUri = Objects.requireNonNull(decideUri, "decideUri");
            this.alarmUri = Objects.requireNonNull(alarmUri, "alarmUri");
            kept = List.copyOf(pending);
            pending.clear();
        }
        kept.forEach(Runnable::run);
    }

    private void send(Runnable r) {
        synchronized (this) {
            if (producer == null) {
                pending.add(r);
                return;
            }
        }
        r.run();
    }

    @Override
    public void lost(String cameraId, long fromSequence, long toSequence, double y0Mm, double y1Mm, String reason) {
        lostFrames.addAndGet(toSequence - fromSequence);
        String why = String.format(Locale.ROOT, "not inspected: camera %s lost frames %d..%d (%s)", cameraId, fromSequence,
                toSequence - 1, reason);
        Instant at = Instant.now();
        send(() -> {
            producer.sendBody(alarmUri, String.format(Locale.ROOT, "%s, web %.1f..%.1f mm uninspected", why, y0Mm, y1Mm));
            if (y1Mm > y0Mm) {
                producer.sendBodyAndHeader(decideUri, FrameInspection.failed(cameraId, fromSequence, at, y0Mm, y1Mm, 0.0, why),
                        StationRoutes.FRAME_COMPLETE_AT, at);
            }
        });
    }

    @Override
    public void connection(String cameraId, boolean connected, String detail) {
        if (!connected) {
            disconnects.incrementAndGet();
            send(() -> producer.sendBody(alarmUri, "camera " + cameraId + " lost: " + detail + "; reconnecting"));
        }
    }

    /** Frames reported lost so far. */
    public long lostFrames() {
        return lostFrames.get();
    }

    /** Times a camera went away. */
    public long disconnects() {
        return disconnects.get();
    }
}
