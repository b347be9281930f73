package org.sinterscope.camera.gige;

/** A GigE Vision / Aravis failure: library missing, device not found, a feature refused, camera gone. */
public class GigeException extends RuntimeException {

    public GigeException(String message) {
        super(message);
    }

    public GigeException(String message, Throwable cause) {
        super(message, cause);
    }
}
