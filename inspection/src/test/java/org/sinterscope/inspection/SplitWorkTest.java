package org.sinterscope.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SplitWorkTest {

    private final ExecutorService helper = Executors.newSingleThreadExecutor(r -> new Thread(r, "helper"));

    @AfterEach
    void stop() {
        helper.shutdownNow();
    }

    @Test
    void theTwoPartsRunAtTheSameTimeWhenTheHelperIsFree() {
        // each part waits for the other to have started: only parts that run at once both finish in time
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        AtomicReference<String> secondThread = new AtomicReference<>();
        List<Boolean> met = new CopyOnWriteArrayList<>();
        SplitWork.on(helper).both(() -> {
            firstStarted.countDown();
            met.add(await(secondStarted));
        }, () -> {
            secondThread.set(Thread.currentThread().getName());
            secondStarted.countDown();
            met.add(await(firstStarted));
        });
        assertThat(met).containsExactly(true, true);
        assertThat(secondThread.get()).isEqualTo("helper");
    }

    @Test
    void theCallerRunsTheSecondPartItselfWhenTheHelperIsBusy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        helper.execute(() -> {
            busy.countDown();
            await(release);
        });
        assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicReference<String> secondThread = new AtomicReference<>();
        try {
            SplitWork.on(helper).both(() -> { }, () -> secondThread.set(Thread.currentThread().getName()));
        } finally {
            release.countDown();
        }
        assertThat(secondThread.get()).isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void aShutDownHelperLeavesBothPartsToTheCaller() {
        helper.shutdown();
        List<String> ran = new CopyOnWriteArrayList<>();
        SplitWork.on(helper).both(() -> ran.add("first " + Thread.currentThread().getName()),
                () -> ran.add("second " + Thread.currentThread().getName()));
        String me = Thread.currentThread().getName();
        assertThat(ran).containsExactly("first " + me, "second " + me);
    }

    @Test
    void inlineRunsTheFirstPartThenTheSecondOnTheCaller() {
        List<String> ran = new CopyOnWriteArrayList<>();
        SplitWork.INLINE.both(() -> ran.add("first " + Thread.currentThread().getName()),
                () -> ran.add("second " + Thread.currentThread().getName()));
        String me = Thread.currentThread().getName();
        assertThat(ran).containsExactly("first " + me, "second " + me);
        assertThat(SplitWork.INLINE.parallel()).isFalse();
        assertThat(SplitWork.on(helper).parallel()).isTrue();
    }

    @Test
    void aFailingFirstPartIsThrownOnlyAfterTheSecondHasFinished() {
        CountDownLatch firstFailed = new CountDownLatch(1);
        List<String> done = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> SplitWork.on(helper).both(() -> {
            firstFailed.countDown();
            throw new IllegalStateException("first broke");
        }, () -> {
            await(firstFailed);
            done.add("second finished");
        })).isInstanceOf(IllegalStateException.class).hasMessage("first broke");
        assertThat(done).containsExactly("second finished");
    }

    @Test
    void aFailingSecondPartIsThrownAsItIsAndBothFailuresAreKept() {
        assertThatThrownBy(() -> SplitWork.on(helper).both(() -> { }, () -> {
            throw new IllegalArgumentException("second broke");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("second broke");
        Throwable both = catchBoth();
        assertThat(both).hasMessage("first broke");
        assertThat(both.getSuppressed()).hasSize(1);
        assertThat(both.getSuppressed()[0]).hasMessage("second broke");
    }

    private Throwable catchBoth() {
        try {
            SplitWork.on(helper).both(() -> {
                throw new IllegalStateException("first broke");
            }, () -> {
                throw new IllegalArgumentException("second broke");
            });
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("both parts failed, yet nothing was thrown");
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
