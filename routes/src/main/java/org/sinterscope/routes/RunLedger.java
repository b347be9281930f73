package org.sinterscope.routes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import org.sinterscope.camera.Frame;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.SegmentVerdict;

/**
 * Counts what passes through the station during a run: frames in, inspections, verdicts,
 * alarms. With {@code keepDetail} it also keeps every inspection and verdict (no pixels) for a
 * run summary; a station running for weeks keeps only the counts. Thread-safe.
 */
public final class RunLedger {

    private final boolean keepDetail;
    private long framesIn;
    private long framesStarted;
    private long maxQueueDepth;
    private long maxFrameAgeNanos;
    private long behindAlarms;
    private boolean behind;
    private long framesInspected;
    private long framesFailed;
    private long verdicts;
    private long rejectingVerdicts;
    private double megapixels;
    private long inspectNanos;
    private double cvSum;
    private long cvCount;
    private long firstFrameNanos = -1;
    private long lastVerdictNanos = -1;
    private boolean sourceDone;
    private int sourcesLeft = 1;
    private final List<FrameInspection> inspections = new ArrayList<>();
    private final List<SegmentVerdict> verdictList = new ArrayList<>();
    private final List<String> alarms = new ArrayList<>();
    private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Told of each event as the ledger counts it (metrics); must return quickly and not throw. */
    public interface Listener {
        void frameIn(Frame f);

        void inspected(FrameInspection fi);

        void decided(SegmentVerdict v);

        void alarm(String message);
    }

    public RunLedger(boolean keepDetail) {
        this.keepDetail = keepDetail;
    }

    /** Adds a listener. */
    public void listen(Listener l) {
        listeners.add(l);
    }

    public synchronized void frameIn(Frame f) {
        listeners.forEach(l -> l.frameIn(f));
        if (firstFrameNanos < 0) {
            firstFrameNanos = System.nanoTime();
        }
        framesIn++;
        maxQueueDepth = Math.max(maxQueueDepth, framesIn - framesStarted);
    }

    /**
     * A frame leaves the frame queue for inspection. Returns an alarm text when the station has
     * fallen behind the line — the frame waited longer than {@code alarmAgeMs} since it was complete,
     * or {@code alarmDepth} or more frames still wait behind it — and no such alarm is open; null
     * otherwise. The alarm closes (may be raised again) once a frame starts with an empty queue
     * and an age below half the limit. This comes before any command is late as long as the limits
     * are well inside the camera-to-actuator travel time. A limit ≤ 0 is not checked.
     */
    public synchronized String inspectionStarting(Instant completeAt, long alarmAgeMs, int alarmDepth) {
        framesStarted++;
        long waiting = framesIn - framesStarted;
        long ageNanos = completeAt == null ? 0 : Duration.between(completeAt, Instant.now()).toNanos();
        maxFrameAgeNanos = Math.max(maxFrameAgeNanos, ageNanos);
        boolean late = (alarmAgeMs > 0 && ageNanos > alarmAgeMs * 1_000_000L) || (alarmDepth > 0 && waiting >= alarmDepth);
        if (late && !behind) {
            behind = true;
            behindAlarms++;
            return String.format(Locale.ROOT, "station behind the line: a frame waited %.0f ms for inspection (limit %d ms), "
                    + "%d frames wait behind it (limit %d)", ageNanos / 1e6, alarmAgeMs, waiting, alarmDepth);
        }
        if (behind && waiting == 0 && ageNanos < Math.max(0, alarmAgeMs) * 500_000L) {
            behind = false;
        }
        return null;
    }

    /** The run has {@code n} sources (cameras); it is done when each has called {@link #sourceDone()} (default 1). */
    public synchronized void expectSources(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a run needs at least one source, got " + n);
        }
        sourcesLeft = n;
    }

    public synchronized void sourceDone() {
        sourcesLeft = Math.max(0, sourcesLeft - 1);
        sourceDone = sourcesLeft == 0;
        notifyAll();
    }

    public synchronized FrameInspection inspected(FrameInspection fi) {
        listeners.forEach(l -> l.inspected(fi));
        framesInspected++;
        if (fi.failed()) {
            framesFailed++;
        }
        megapixels += fi.megapixels();
        inspectNanos += fi.inspectNanos();
        if (fi.coating().found()) {
            cvSum += fi.coating().cvPercent();
            cvCount++;
        }
        if (keepDetail) {
            inspections.add(fi);
        }
        return fi;
    }

    public synchronized void decided(SegmentVerdict v) {
        listeners.forEach(l -> l.decided(v));
        verdicts++;
        if (v.reject()) {
            rejectingVerdicts++;
        }
        lastVerdictNanos = System.nanoTime();
        if (keepDetail) {
            verdictList.add(v);
        }
        notifyAll();
    }

    public synchronized void alarm(String message) {
        listeners.forEach(l -> l.alarm(message));
        if (alarms.size() < 10_000) {
            alarms.add(message);
        }
    }

    /** Blocks until the source is exhausted and every frame it gave has a verdict. */
    public synchronized void awaitAllDecided(Duration timeout) throws InterruptedException, TimeoutException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!(sourceDone && verdicts >= framesIn)) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("station did not finish within " + timeout + ": " + framesIn + " frames in, "
                        + verdicts + " decided, source " + (sourceDone ? "done" : "still running"));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** True once the camera route has ended (its source is exhausted, stopped or failed). */
    public synchronized boolean sourceFinished() {
        return sourceDone;
    }

    public synchronized long framesIn() {
        return framesIn;
    }

    public synchronized long framesInspected() {
        return framesInspected;
    }

    public synchronized long framesFailed() {
        return framesFailed;
    }

    public synchronized long verdicts() {
        return verdicts;
    }

    public synchronized long rejectingVerdicts() {
        return rejectingVerdicts;
    }

    public synchronized double megapixels() {
        return megapixels;
    }

    /** Sum of per-frame inspection time, s (over all inspection threads). */
    public synchronized double inspectSeconds() {
        return inspectNanos / 1e9;
    }

    /** First frame in → last verdict, s. */
    public synchronized double elapsedSeconds() {
        return firstFrameNanos < 0 || lastVerdictNanos < 0 ? 0 : (lastVerdictNanos - firstFrameNanos) / 1e9;
    }

    /** The most frames that were in the frame queue, not yet taken for inspection, at one time. */
    public synchronized long maxQueueDepth() {
        return maxQueueDepth;
    }

    /** The longest a frame waited from complete to the start of its inspection, ms. */
    public synchronized double maxFrameAgeMs() {
        return maxFrameAgeNanos / 1e6;
    }

    /** "Station behind the line" alarms raised. */
    public synchronized long behindAlarms() {
        return behindAlarms;
    }

    public synchronized double meanCvPercent() {
        return cvCount == 0 ? Double.NaN : cvSum / cvCount;
    }

    public synchronized List<FrameInspection> inspections() {
        return List.copyOf(inspections);
    }

    public synchronized List<SegmentVerdict> verdictList() {
        return List.copyOf(verdictList);
    }

    public synchronized List<String> alarms() {
        return List.copyOf(alarms);
    }
}
