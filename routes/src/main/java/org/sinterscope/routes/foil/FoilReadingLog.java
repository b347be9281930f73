package org.sinterscope.routes.foil;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The most recent foil verdicts, at most {@code capacity} (the oldest are dropped), plus counts over
 * the whole run; each verdict is also handed to the downstream sinks (a store). Thread-safe.
 */
public final class FoilReadingLog implements FoilReadingSink {

    private final int capacity;
    private final List<FoilReadingSink> downstream;
    private final Deque<FoilVerdict> recent = new ArrayDeque<>();
    private long recorded;
    private long failed;
    private long quarantined;

    public FoilReadingLog(int capacity, List<FoilReadingSink> downstream) {
        if (capacity < 1) {
            throw new IllegalArgumentException("foil reading log capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.downstream = List.copyOf(Objects.requireNonNull(downstream, "downstream"));
    }

    @Override
    public void record(FoilVerdict v) {
        Objects.requireNonNull(v, "verdict");
        synchronized (this) {
            if (recent.size() == capacity) {
                recent.removeFirst();
            }
            recent.addLast(v);
            recorded++;
            if (!v.pass()) {
                failed++;
            }
            notifyAll();
        }
        for (FoilReadingSink s : downstream) {
            s.record(v);
        }
    }

    /** Counts a reading that was quarantined. */
    public synchronized void quarantined() {
        quarantined++;
        notifyAll();
    }

    /** The kept verdicts, oldest first. */
    public synchronized List<FoilVerdict> recent() {
        return new ArrayList<>(recent);
    }

    public synchronized long recorded() {
        return recorded;
    }

    public synchronized long failed() {
        return failed;
    }

    public synchronized long quarantinedCount() {
        return quarantined;
    }

    public int capacity() {
        return capacity;
    }
}
