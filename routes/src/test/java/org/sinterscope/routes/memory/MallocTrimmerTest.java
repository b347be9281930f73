package org.sinterscope.routes.memory;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.sinterscope.camera.GlibcMalloc;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MallocTrimmerTest {

    @Test
    void a_negative_interval_is_refused_with_its_value() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MallocTrimmer.start(-5, new SimpleMeterRegistry()));
        assertTrue(e.getMessage().contains("sinterscope.memory.trim-interval-ms") && e.getMessage().contains("-5"), e.getMessage());
    }

    @Test
    void interval_zero_or_no_glibc_is_off() {
        try (MallocTrimmer off = MallocTrimmer.start(0, new SimpleMeterRegistry())) {
            assertFalse(off.active());
        }
        try (MallocTrimmer none = MallocTrimmer.start(10, new SimpleMeterRegistry(), Optional.empty(), () -> 1)) {
            assertFalse(none.active());
        }
    }

    /** RSS read as 1000 before and 400 after each trim: the metric counts 600 bytes a trim. */
    @Test
    void the_metric_counts_the_resident_bytes_each_trim_gave_back() throws InterruptedException {
        Optional<GlibcMalloc> malloc = GlibcMalloc.load();
        assumeTrue(malloc.isPresent(), "not Linux with glibc");
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch secondTrimStarted = new CountDownLatch(1);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (MallocTrimmer t = MallocTrimmer.start(5, registry, malloc, () -> {
            int n = reads.incrementAndGet();
            if (n == 3) {
                secondTrimStarted.countDown();
            }
            return n % 2 == 1 ? 1000 : 400;
        })) {
            assertTrue(t.active());
            assertTrue(secondTrimStarted.await(30, TimeUnit.SECONDS), "no second trim within 30 s");
            t.close();
            double counted = registry.get(MallocTrimmer.BYTES).counter().count();
            assertTrue(counted >= 600 && counted % 600 == 0, "counted " + counted);
        }
    }
}
