package org.sinterscope.routes.journal;

import java.time.Instant;
import java.util.Objects;

import org.sinterscope.routes.reject.RejectCommand;

/**
 * One line of the actuation journal.
 *
 * @param at         when it was written
 * @param run        the station run that wrote it (its start time)
 * @param commandId  the command
 * @param actuatorId its actuator
 * @param outcome    what happened
 * @param encoderMm  the encoder then, mm
 * @param detail     free text (why it failed, what the policy did)
 * @param command    the whole command, on {@link Outcome#DECIDED} lines; null otherwise
 */
public record JournalEntry(Instant at, String run, String commandId, String actuatorId, Outcome outcome, double encoderMm,
                           String detail, RejectCommand command) {

    public JournalEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(actuatorId, "actuatorId");
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
    }
}
