package org.sinterscope.routes.assembly;

import java.util.Locale;
import java.util.function.LongSupplier;

import org.sinterscope.camera.Frame;

/**
 * Watches an encoder the PLC reports (mqtt, opcua) against the cameras: the encoder is <em>stuck</em>
 * when the cameras delivered at least {@link #MIN_FRAMES} frames since its position last moved forward
 * and that was more than {@code silenceMs} ago — the PLC stopped publishing, or publishes a frozen value,
 * while the web moves: reject commands cannot be placed. A stopped line (no frames, no movement) is not
 * stuck. Thread-safe.
 */
public final class EncoderWatch {

    /** Frames since the last movement before the encoder counts as stuck (one frame can arrive just after the line stopped). */
    public static final int MIN_FRAMES = 2;

    private final ReportedEncoder encoder;
    private final long silenceNanos;
    private final LongSupplier nanoClock;
    private long advancesAtLastFrame = -1;
    private long framesSinceAdvance;
    private String alarmed;

    /**
     * @param nanoClock the clock the encoder stamps its advances with
     * @param silenceMs how long the position may stand still while frames arrive, ms (&gt; 0) */
    public EncoderWatch(ReportedEncoder encoder, long silenceMs, LongSupplier nanoClock) {
        if (silenceMs <= 0) {
            throw new IllegalArgumentException("encoder silence limit must be > 0 ms, got " + silenceMs);
        }
        this.encoder = encoder;
        this.silenceNanos = silenceMs * 1_000_000L;
        this.nanoClock = nanoClock;
    }

    /** A camera delivered {@code f}. */
    public synchronized void frameSeen(Frame f) {
        long r = encoder.advances();
        if (r != advancesAtLastFrame) {
            advancesAtLastFrame = r;
            framesSinceAdvance = 0;
        }
        framesSinceAdvance++;
    }

    /** What is wrong now, or {@code null} when the encoder keeps up with the cameras. */
    public synchronized String problem() {
        if (encoder.advances() != advancesAtLastFrame || framesSinceAdvance < MIN_FRAMES) {
            return null;
        }
        long stillNanos = nanoClock.getAsLong() - encoder.lastAdvanceNanos();
        if (stillNanos <= silenceNanos) {
            return null;
        }
        long silentMs = stillNanos / 1_000_000L;
        return String.format(Locale.ROOT, "encoder stuck: position %.1f mm has not moved for %d ms while the cameras "
                + "delivered %d frames (%d reports so far): reject commands cannot be placed", encoder.positionMm(), silentMs,
                framesSinceAdvance, encoder.reports());
    }

    /**
     * The watchdog's call: an alarm text when the encoder has just got stuck or just moves again,
     * otherwise {@code null}.
     */
    public synchronized String tick() {
        String p = problem();
        if (p != null && alarmed == null) {
            alarmed = p;
            return p;
        }
        if (p == null && alarmed != null) {
            alarmed = null;
            return String.format(Locale.ROOT, "encoder moving again at %.1f mm", encoder.positionMm());
        }
        return null;
    }
}
