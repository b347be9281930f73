package org.sinterscope.routes.journal;

/** What happened to a reject command, as the journal records it. */
public enum Outcome {
    /** Decided and written down; about to be sent. Carries the whole command. */
    DECIDED(false),
    /** Handed to the link (MQTT broker took it with QoS 1, OPC UA write returned, simulator called). */
    SENT(false),
    /** The link refused it (broker down, server unreachable): kept and resent. */
    SEND_FAILED(false),
    /** The PLC acknowledged it (in time, or as a duplicate of one it had). */
    ACKNOWLEDGED(false),
    /** Its deadline passed before the PLC had it, or the PLC reports it arrived late. */
    LATE(false),
    /** Fail-safe: replaced by a wider reject. */
    WIDENED(true),
    /** Fail-safe: an alarm was raised. */
    ALARM(false),
    /** Fail-safe: the line was asked to stop. */
    LINE_STOP(false),
    /** The PLC fired for the stretch. */
    FIRED(true),
    /** The stretch passed the actuator and the PLC never had the command. */
    FAILED(true),
    /** Found in flight (not fired, not failed) in an earlier run's journal at start; reported. */
    RECOVERED(true);

    private final boolean terminal;

    Outcome(boolean terminal) {
        this.terminal = terminal;
    }

    /** True when nothing more happens to the command after this. */
    public boolean terminal() {
        return terminal;
    }
}
