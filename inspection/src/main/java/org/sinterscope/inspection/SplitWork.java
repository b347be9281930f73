package org.sinterscope.inspection;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs two independent parts of one frame's work at the same time, so that a frame's latency falls
 * when a second core is free: {@link #both} hands the second part to a helper executor and runs the
 * first on the calling thread; when the first is done, the caller runs the second itself unless a
 * helper has already started it, then waits for it to finish.
 *
 * <p>So a frame never waits in a busy helper's queue for work it could do itself, and a helper pool of
 * any size, even one thread shared by several inspection threads, cannot deadlock: every part is run
 * by its caller at the latest. The parts must not share mutable state other than the outputs they
 * write (each writes its own); what they read (the frame) must not change while they run.
 *
 * <p>{@link #INLINE} runs both parts on the caller, one after the other (no helper).
 */
public final class SplitWork {

    /** Both parts on the calling thread, the first then the second. */
    public static final SplitWork INLINE = new SplitWork(null);

    private final Executor helper;

    private SplitWork(Executor helper) {
        this.helper = helper;
    }

    /** Second parts go to {@code helper} (a pool of threads doing nothing but such parts). */
    public static SplitWork on(Executor helper) {
        return new SplitWork(Objects.requireNonNull(helper, "helper"));
    }

    /** Whether a helper may take second parts (false for {@link #INLINE}). */
    public boolean parallel() {
        return helper != null;
    }

    /**
     * Runs {@code first} and {@code second}, at the same time when a helper thread is free, and returns
     * when both have finished. When one fails, its exception is thrown after both have finished (the
     * other's, if it failed too, is added as suppressed); an error ({@link Error}) likewise.
     */
    public void both(Runnable first, Runnable second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (helper == null) {
            first.run();
            second.run();
            return;
        }
        FutureTask<Void> task = new FutureTask<>(second, null);
        try {
            helper.execute(task);
        } catch (RejectedExecutionException e) {
            // the helper is shut down or full: the caller runs the part below
        }
        Throwable failure = null;
        try {
            first.run();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        task.run(); // does nothing when a helper has started (or finished) it
        failure = await(task, failure);
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error err) {
            throw err;
        }
    }

    /** Waits for {@code task}; returns {@code failure}, or the task's failure, the other added as suppressed. */
    private static Throwable await(FutureTask<Void> task, Throwable failure) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    task.get();
                    return failure;
                } catch (InterruptedException e) {
                    // the parts share the caller's outputs: never return while the helper still writes them
                    interrupted = true;
                } catch (ExecutionException e) {
                    return merge(failure, e.getCause());
                } catch (CancellationException e) {
                    return merge(failure, e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Throwable merge(Throwable first, Throwable second) {
        if (first == null) {
            return second instanceof RuntimeException || second instanceof Error ? second
                    : new IllegalStateException("the second part of a split frame failed", second);
        }
        first.addSuppressed(second);
        return first;
    }
}
