package org.sinterscope.routes.classify;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.sinterscope.inspection.classify.LoadedClassifier;

/**
 * The classifier the line uses now: one reference, swapped whole. An inspection asks once per
 * frame, so frames in flight finish on the model they started with and no frame is held up or lost
 * by a swap. Null means no classifier (classical classes). Thread-safe.
 */
public final class ClassifierHolder implements Supplier<LoadedClassifier> {

    private final AtomicReference<LoadedClassifier> current = new AtomicReference<>();

    @Override
    public LoadedClassifier get() {
        return current.get();
    }

    /** Puts {@code next} in place and returns the one it replaced (null when there was none). */
    public LoadedClassifier swap(LoadedClassifier next) {
        return current.getAndSet(next);
    }

    /** The id of the classifier in use, or {@code "none"}. */
    public String currentId() {
        LoadedClassifier c = current.get();
        return c == null ? "none" : c.id();
    }
}
