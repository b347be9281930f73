package org.sinterscope.routes.memory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.sinterscope.camera.GlibcMalloc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Every {@code sinterscope.memory.trim-interval-ms} (0 = off) calls glibc's {@code malloc_trim(0)}
 * on one daemon thread, so that frame buffers freed into malloc arenas go back to the kernel instead
 * of keeping the resident set at its high-water mark. Metric {@value #BYTES}: the resident memory
 * each trim gave back, counted as {@code max(0, rssBefore - rssAfter)} (other threads allocate
 * meanwhile, so it is a lower bound); {@value #TIME}: how long the trims took.
 *
 * <p>Not on Linux with glibc: logs once that it is off and does nothing.
 */
public final class MallocTrimmer implements AutoCloseable {

    /** The setting: milliseconds between trims, 0 = off. */
    public static final String INTERVAL = "sinterscope.memory.trim-interval-ms";
    /** Counter of resident bytes returned by the trims. */
    public static final String BYTES = "sinterscope.memory.trimmed";
    /** Timer of the trims. */
    public static final String TIME = "sinterscope.memory.trim";

    private static final Logger LOG = LoggerFactory.getLogger(MallocTrimmer.class);

    private final ScheduledExecutorService timer;
    private final Counter bytes;

    private MallocTrimmer(ScheduledExecutorService timer, Counter bytes) {
        this.timer = timer;
        this.bytes = bytes;
    }

    /**
     * Starts trimming every {@code intervalMs} (0: returns an inactive trimmer). Rejects a negative
     * interval with the value in the message.
     */
    public static MallocTrimmer start(long intervalMs, MeterRegistry registry) {
        return start(intervalMs, registry, GlibcMalloc.load(), ResidentMemory::bytes);
    }

    static MallocTrimmer start(long intervalMs, MeterRegistry registry, Optional<GlibcMalloc> malloc, LongSupplier rss) {
        if (intervalMs < 0) {
            throw new IllegalArgumentException(INTERVAL + " must be >= 0 (0 = off), got " + intervalMs);
        }
        Counter bytes = Counter.builder(BYTES).baseUnit("bytes")
                .description("resident memory that malloc_trim(0) returned to the system").register(registry);
        if (intervalMs == 0 || malloc.isEmpty()) {
            LOG.info("malloc trim off ({})", intervalMs == 0 ? INTERVAL + " = 0" : "not Linux with glibc");
            return new MallocTrimmer(null, bytes);
        }
        GlibcMalloc m = malloc.get();
        Timer time = Timer.builder(TIME).description("malloc_trim(0) calls").register(registry);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "malloc-trim");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                long before = rss.getAsLong();
                time.record(m::trim);
                long after = rss.getAsLong();
                if (before > 0 && after > 0 && before > after) {
                    bytes.increment(before - after);
                }
            } catch (RuntimeException | Error e) {
                LOG.warn("malloc_trim failed: {}", e.toString());
            }
        }, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        LOG.info("malloc trim every {} ms (glibc {})", intervalMs, m.version());
        return new MallocTrimmer(timer, bytes);
    }

    /** True when trims are scheduled. */
    public boolean active() {
        return timer != null;
    }

    /** Resident bytes the trims have returned so far. */
    public double trimmedBytes() {
        return bytes.count();
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            LOG.info("malloc trim gave back {} MB of resident memory in all", String.format(java.util.Locale.ROOT, "%.1f", bytes.count() / 1e6));
        }
    }
}
