package org.sinterscope.inspection.classify;

/**
 * A model bundle was refused: corrupt, truncated, incompatible or inconsistent. The message names
 * the bundle and the problem; whoever tried to load it keeps the model it had.
 */
public final class ModelBundleException extends Exception {

    public ModelBundleException(String message) {
        super(message);
    }

    public ModelBundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
