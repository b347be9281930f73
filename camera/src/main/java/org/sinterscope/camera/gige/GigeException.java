package org.sinterscope.camera.gige;

/** A GigE Vision / Aravis failure: library missing, device not found, a feature refused, camera gone. */
public class GigeException extends RuntimeException {

    private final boolean timeout;

    public GigeException(String message) {
        this(message, false);
    }

    /** @param timeout the device did not answer in time (worth another try) */
    public GigeException(String message, boolean timeout) {
        super(message);
        this.timeout = timeout;
    }

    /** True when the device did not answer in time (GVCP timeout), as opposed to a refusal or a bad setting. */
    public boolean timeout() {
        return timeout;
    }

    public GigeException(String message, Throwable cause) {
        super(message, cause);
        this.timeout = false;
    }
}
