package org.sinterscope.routes.reject;

import java.util.Locale;

/**
 * What the station does, per actuator, when a reject command cannot reach the actuator before its
 * deadline (link down past the deadline, or the PLC reports it arrived late), and with segments the
 * station could not inspect in time. Every case is counted and journaled; none is passed silently.
 */
public enum FailSafePolicy {
    /** Send a wider reject ({@code widen-mm} on both ends) that the PLC fires at once for what is left. */
    WIDEN,
    /** Raise an alarm (the operator marks the stretch by hand); keep resending the command. */
    ALARM,
    /** Ask the line to stop, raise an alarm, keep resending the command. */
    STOP_LINE;

    /** Parses {@code widen}, {@code alarm}, {@code stop-line} (any case, '-' or '_'). */
    public static FailSafePolicy parse(String s, String key) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("station setting '" + key + "' must be widen, alarm or stop-line, got '" + s + "'", e);
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
