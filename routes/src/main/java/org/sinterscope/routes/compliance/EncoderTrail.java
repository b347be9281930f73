package org.sinterscope.routes.compliance;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

import org.sinterscope.camera.LineEncoder;

/**
 * The encoder's recent positions over time, so a reading stamped with a time can be placed on the
 * web: {@code positionAt(t)} interpolates linearly between samples (taken by {@link #sample()}, kept
 * for {@code keepSeconds}). A time after the last sample is answered with the encoder's current
 * position (up to {@link #FUTURE_SLACK_MS} ahead of the clock, for skew); a time before the oldest
 * kept sample cannot be placed. Thread-safe.
 */
public final class EncoderTrail {

    static final long FUTURE_SLACK_MS = 2000;

    private record Sample(long atMs, double mm) {
    }

    private final LineEncoder encoder;
    private final Clock clock;
    private final long keepMs;
    private final Deque<Sample> samples = new ArrayDeque<>();

    public EncoderTrail(LineEncoder encoder, Clock clock, double keepSeconds) {
        this.encoder = encoder;
        this.clock = clock;
        this.keepMs = (long) (keepSeconds * 1000);
    }

    /** Records the encoder's position now; returns it. */
    public synchronized double sample() {
        long now = clock.millis();
        double mm = encoder.positionMm();
        if (samples.isEmpty() || samples.peekLast().atMs() < now) {
            samples.addLast(new Sample(now, mm));
        }
        while (samples.size() > 2 && samples.peekFirst().atMs() < now - keepMs) {
            samples.removeFirst();
        }
        return mm;
    }

    public double positionNowMm() {
        return encoder.positionMm();
    }

    /** @throws IllegalArgumentException when {@code t} lies before the kept trail or too far ahead */
    public synchronized double positionAt(Instant t) {
        long ms = t.toEpochMilli();
        long now = clock.millis();
        if (ms > now + FUTURE_SLACK_MS) {
            throw new IllegalArgumentException("reading time " + t + " lies " + (ms - now) + " ms in the future");
        }
        if (ms >= now - 1000) {
            return encoder.positionMm();
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("reading time " + t + " is older than the encoder's kept record (none yet):"
                    + " it cannot be placed on the web");
        }
        if (ms >= samples.peekLast().atMs()) {
            return samples.peekLast().mm();
        }
        Sample first = samples.peekFirst();
        if (ms < first.atMs()) {
            throw new IllegalArgumentException("reading time " + t + " is older than the encoder's kept record (from "
                    + Instant.ofEpochMilli(first.atMs()) + "): it cannot be placed on the web");
        }
        Sample prev = first;
        for (Iterator<Sample> it = samples.iterator(); it.hasNext(); ) {
            Sample s = it.next();
            if (s.atMs() >= ms) {
                if (s.atMs() == prev.atMs()) {
                    return s.mm();
                }
                double f = (double) (ms - prev.atMs()) / (s.atMs() - prev.atMs());
                return prev.mm() + f * (s.mm() - prev.mm());
            }
            prev = s;
        }
        return prev.mm();
    }
}
