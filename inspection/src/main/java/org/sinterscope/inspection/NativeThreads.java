package org.sinterscope.inspection;

import org.nd4j.linalg.factory.Nd4j;
import org.opencv.core.Core;
import org.sinterscope.camera.OpenCvNative;

/**
 * How many threads the native libraries may use inside one call: OpenCV's parallel loops
 * ({@code Core.setNumThreads}) and ND4J's OpenMP regions ({@code Environment.setMaxThreads} and
 * {@code setMaxMasterThreads}). Both settings are process-wide (the libraries keep them globally):
 * the station sets them once, when it is assembled.
 *
 * <p>The station inspects frames in parallel on its inspection pool (one frame per thread). With
 * each library free to split every call over all cores as well, the pool's threads and the
 * libraries' own threads compete for the same cores and every parallel call waits for its slowest
 * part, which on a line PC with other work (a review app, another camera) is the part that lost
 * its core: hence one thread per call by default, so that all of a frame's work stays on its
 * inspection thread (see docs/performance.md).
 */
public final class NativeThreads {

    private NativeThreads() {
    }

    /**
     * Limits OpenCV and ND4J to {@code threads} threads per call.
     *
     * @param threads 1–256; {@code 1} keeps each call on its caller's thread
     */
    public static void limit(int threads) {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("native threads per call must be 1..256, got " + threads);
        }
        OpenCvNative.load();
        Core.setNumThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
    }

    /** OpenCV's current threads per call. */
    public static int opencvThreads() {
        OpenCvNative.load();
        return Core.getNumThreads();
    }
}
