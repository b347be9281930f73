package org.sinterscope.camera;

import nu.pattern.OpenCV;

/**
 * Loads the OpenCV native library once per JVM. Every entry point that touches OpenCV calls
 * {@link #load()} first; later calls cost nothing.
 */
public final class OpenCvNative {

    private static final Object LOCK = new Object();
    private static volatile boolean loaded;

    private OpenCvNative() {
    }

    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (LOCK) {
            if (!loaded) {
                OpenCV.loadLocally();
                loaded = true;
            }
        }
    }
}
