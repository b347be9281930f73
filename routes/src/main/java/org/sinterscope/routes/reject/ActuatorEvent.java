package org.sinterscope.routes.reject;

import java.time.Instant;

/**
 * Something that happened to a reject command at the actuator.
 *
 * @param kind       what happened
 * @param commandId  the command
 * @param encoderMm  encoder position at that moment
 * @param at         wall-clock time
 * @param detail     for {@code LATE} and {@code PASSED}: how far past the deadline it arrived, and what was done
 */
public record ActuatorEvent(Kind kind, String commandId, double encoderMm, Instant at, String detail) {

    public enum Kind {
        /** The command arrived in time and waits for its stretch. */
        RECEIVED,
        /** The actuator fired for the stretch. */
        FIRED,
        /** The command arrived after its deadline: the stretch's start had passed. */
        LATE,
        /** A command with an id already seen: ignored (the PLC repeats the id's final report after it). */
        DUPLICATE,
        /** The whole stretch had passed the actuator before the command could fire: passed, not fired (final). */
        PASSED
    }
}
