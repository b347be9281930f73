package org.sinterscope.routes.compliance;

/** A furnace message or log that cannot be used; the message says why. */
public final class FurnaceReadingException extends Exception {

    private static final long serialVersionUID = 1L;

    public FurnaceReadingException(String message) {
        super(message);
    }
}
