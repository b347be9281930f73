package org.sinterscope.simulator.plc;

import org.sinterscope.routes.reject.ActuatorEvent;
import org.sinterscope.routes.reject.RejectCommand;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.sinterscope.camera.LineEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process stand-in for the PLC that drives a reject actuator (marker, cutter).
 *
 * <p>It follows the line encoder: a command waits until the encoder reaches its deadline (the
 * stretch's start is at the actuator) and is then fired. A command that arrives after its
 * deadline is recorded as late; the actuator still fires at once for whatever of the stretch has
 * not passed yet (fail-safe: reject what can still be rejected), and the station hears of it.
 * When the whole stretch has passed it reports {@code PASSED} (passed, not fired), so the station
 * closes the command with a definite outcome. A command id seen before is not acted on again (a
 * resend is harmless): it is acknowledged {@code DUPLICATE} and, when the id has a final outcome
 * (fired or passed), that report is repeated, so a station that lost it (broker restart) hears it
 * again when it asks by resending. Every event is kept for the run
 * summary. Listeners hear every event as it happens (the MQTT and OPC UA PLC simulators publish
 * them; the in-process link hands them to the station); they must not block. Thread-safe.
 */
public final class PlcSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(PlcSimulator.class);

    /**
     * A command the actuator fired.
     *
     * @param command       the command
     * @param receivedAt    when it arrived
     * @param inTime        whether it arrived before its deadline
     * @param firedAtMm     encoder position when fired
     */
    public record Fired(RejectCommand command, Instant receivedAt, boolean inTime, double firedAtMm) {
        /** Frame complete → command at the actuator. */
        public Duration latency() {
            return Duration.between(command.frameCompleteAt(), receivedAt);
        }
    }

    private record Pending(RejectCommand command, Instant receivedAt) {
    }

    private final LineEncoder encoder;
    private final PriorityQueue<Pending> pending =
            new PriorityQueue<>(Comparator.comparingDouble(p -> p.command().deadlineMm()));
    private final Set<String> seen = new HashSet<>();
    private final Map<String, ActuatorEvent> finalReport = new HashMap<>();
    private final List<Fired> fired = new ArrayList<>();
    private final List<ActuatorEvent> events = new ArrayList<>();
    private final List<Pending> received = new ArrayList<>();
    private final List<RejectCommand> lateReceived = new ArrayList<>();
    private int late;
    private int duplicates;
    private final List<Consumer<ActuatorEvent>> listeners = new CopyOnWriteArrayList<>();

    public PlcSimulator(LineEncoder encoder) {
        this.encoder = encoder;
    }

    /** Adds a listener that hears every event (received, late, duplicate, fired). */
    public void addListener(Consumer<ActuatorEvent> listener) {
        listeners.add(listener);
    }

    /** The encoder this PLC follows. */
    public LineEncoder encoder() {
        return encoder;
    }

    /**
     * A command arrives from the station; returns its acknowledgement: {@code RECEIVED} (in time),
     * {@code LATE} (after its deadline) or {@code DUPLICATE} (an id seen before: ignored).
     */
    public synchronized ActuatorEvent receive(RejectCommand c) {
        Instant now = Instant.now();
        double enc = encoder.positionMm();
        if (!seen.add(c.id())) {
            duplicates++;
            ActuatorEvent ack = event(new ActuatorEvent(ActuatorEvent.Kind.DUPLICATE, c.id(), enc, now, ""));
            ActuatorEvent done = finalReport.get(c.id());
            if (done != null) {
                event(done); // the same report again: the station may have lost the first one
            }
            return ack;
        }
        received.add(new Pending(c, now));
        if (enc > c.deadlineMm()) {
            late++;
            lateReceived.add(c);
            String detail = String.format(Locale.ROOT, "%.1f mm past its deadline; %s", enc - c.deadlineMm(),
                    enc < c.endAtActuatorMm() ? "fired for the rest of the stretch" : "the whole stretch had passed");
            ActuatorEvent ack = event(new ActuatorEvent(ActuatorEvent.Kind.LATE, c.id(), enc, now, detail));
            LOG.warn("late reject command {}: {}", c.id(), detail);
            if (enc < c.endAtActuatorMm()) {
                fire(new Pending(c, now), false, enc);
            } else {
                finalReport.put(c.id(), event(new ActuatorEvent(ActuatorEvent.Kind.PASSED, c.id(), enc, now, detail)));
            }
            return ack;
        }
        ActuatorEvent ack = event(new ActuatorEvent(ActuatorEvent.Kind.RECEIVED, c.id(), enc, now, ""));
        pending.add(new Pending(c, now));
        tick();
        return ack;
    }

    private ActuatorEvent event(ActuatorEvent e) {
        events.add(e);
        for (Consumer<ActuatorEvent> l : listeners) {
            l.accept(e);
        }
        return e;
    }

    /** Fires every waiting command whose stretch has reached the actuator. */
    public synchronized void tick() {
        double enc = encoder.positionMm();
        while (!pending.isEmpty() && pending.peek().command().deadlineMm() <= enc) {
            fire(pending.poll(), true, enc);
        }
    }

    private void fire(Pending p, boolean inTime, double enc) {
        fired.add(new Fired(p.command(), p.receivedAt(), inTime, enc));
        finalReport.put(p.command().id(),
                event(new ActuatorEvent(ActuatorEvent.Kind.FIRED, p.command().id(), enc, Instant.now(), inTime ? "" : "late")));
    }

    public synchronized List<Fired> fired() {
        return List.copyOf(fired);
    }

    public synchronized List<ActuatorEvent> events() {
        return List.copyOf(events);
    }

    /** Frame complete → command at the actuator, for every command received (duplicates aside). */
    public synchronized List<Duration> latencies() {
        return latencies(c -> true);
    }

    /** Frame complete → command at the actuator, for the commands received that {@code which} accepts (duplicates aside). */
    public synchronized List<Duration> latencies(java.util.function.Predicate<RejectCommand> which) {
        return received.stream().filter(p -> which.test(p.command()))
                .map(p -> Duration.between(p.command().frameCompleteAt(), p.receivedAt())).toList();
    }

    public synchronized int lateCommands() {
        return late;
    }

    /** The commands that arrived after their deadline and that {@code which} accepts. */
    public synchronized int lateCommands(java.util.function.Predicate<RejectCommand> which) {
        return (int) lateReceived.stream().filter(which).count();
    }

    public synchronized int duplicates() {
        return duplicates;
    }

    public synchronized int waiting() {
        return pending.size();
    }
}
