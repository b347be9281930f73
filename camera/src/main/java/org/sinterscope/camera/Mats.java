package org.sinterscope.camera;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Mat;

/**
 * A scope that releases every {@link Mat} made through it, in reverse order, when closed:
 *
 * <pre>{@code
 * try (Mats m = new Mats()) {
 *     Mat blurred = m.add(new Mat());
 *     Imgproc.GaussianBlur(src, blurred, new Size(5, 5), 0);
 * }
 * }</pre>
 *
 * Not thread-safe; one scope belongs to one call.
 */
public final class Mats implements AutoCloseable {

    private final List<Mat> owned = new ArrayList<>();

    /** Takes ownership of {@code m} and returns it. */
    public <M extends Mat> M add(M m) {
        owned.add(m);
        return m;
    }

    /** A new empty {@code Mat} owned by this scope. */
    public Mat mat() {
        return add(new Mat());
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).release();
        }
        owned.clear();
    }
}
