package org.sinterscope.routes.actuator;

/**
 * What the station's actuation did during a run, over all its actuators.
 *
 * @param links              the links in use ("plc-sim", "mqtt", "opcua", comma-separated)
 * @param commands           commands decided (widened replacements included)
 * @param sends              send attempts that the link took
 * @param resends            of those, resends of a command sent or tried before
 * @param sendFailures       send attempts the link refused (broker or server down)
 * @param acknowledged       commands the PLC acknowledged
 * @param fired              commands the PLC reports fired
 * @param late               commands that missed their deadline (never acknowledged by then, or late at the PLC)
 * @param widened            fail-safe: wider rejects sent
 * @param alarms             fail-safe: alarms raised
 * @param lineStops          fail-safe: line stops requested
 * @param failed             stretches that passed the actuator with the command never at the PLC
 * @param uninspected        commands for segments that were not inspected (handled by the policy)
 * @param inFlight           commands open now (sent, not fired or failed)
 * @param recoveredAtStart   commands the journal found in flight from an earlier run
 */
public record ActuationCounts(String links, long commands, long sends, long resends, long sendFailures, long acknowledged,
                              long fired, long late, long widened, long alarms, long lineStops, long failed, long uninspected,
                              long inFlight, long recoveredAtStart) {
}
