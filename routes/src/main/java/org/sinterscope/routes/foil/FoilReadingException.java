package org.sinterscope.routes.foil;

/**
 * A foil reading that cannot be used: it cannot be parsed, does not say which lot and web position
 * it belongs to, or its profiles cannot be evaluated. The message names the reading and the reason;
 * the station quarantines such a reading with that message.
 */
public final class FoilReadingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FoilReadingException(String source, String reason, Throwable cause) {
        super(source + ": " + reason, cause);
    }

    public FoilReadingException(String source, String reason) {
        this(source, reason, null);
    }
}
