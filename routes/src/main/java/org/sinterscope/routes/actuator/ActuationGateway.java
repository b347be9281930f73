package org.sinterscope.routes.actuator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

import org.sinterscope.camera.LineEncoder;
import org.sinterscope.routes.journal.Journal;
import org.sinterscope.routes.journal.Outcome;
import org.sinterscope.routes.reject.ActuatorEvent;
import org.sinterscope.routes.reject.ActuatorSpec;
import org.sinterscope.routes.reject.FailSafePolicy;
import org.sinterscope.routes.reject.RejectCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's side of reject actuation, the same for every link: journals each command before
 * it is sent, keeps it until the PLC acknowledges it, resends it while the link is down, and
 * applies the actuator's {@link FailSafePolicy} when its deadline cannot be met or its segment was
 * not inspected. Knows no Camel: the routes ask it what to send ({@link #submit}, {@link #due})
 * and tell it what happened ({@link #sent}, {@link #sendFailed}, {@link #onEvent}).
 *
 * <p>A command is open from {@code DECIDED} until {@code FIRED}, {@code FAILED} (its stretch
 * passed the actuator and the PLC never had it, or the PLC reported it {@code PASSED}: passed,
 * not fired, or it never reported firing although asked, see {@link #overdue}) or replaced by a
 * wider one. Unacknowledged
 * open commands are resent every {@code resend} after a refused send and every {@code ackTimeout}
 * after an unanswered one (the PLC ignores a duplicate id). An acknowledged command whose deadline
 * the encoder has passed without a fired report is resent every {@code ackTimeout} as a question:
 * the PLC answers a duplicate id with its final report again, so a report lost in a broker
 * restart is heard on the next resend. Thread-safe.
 */
public final class ActuationGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ActuationGateway.class);

    /** A command to hand to the link behind {@code uri}. */
    public record Outgoing(RejectCommand command, String uri) {
    }

    /** Something the routes must raise: an alarm or a line stop. */
    public record Notice(Kind kind, String text) {
        public enum Kind { ALARM, LINE_STOP }
    }

    /** A stretch the PLC reports it fired for. */
    public record Fired(RejectCommand command, boolean inTime, double firedAtMm) {
    }

    private static final class Entry {
        final RejectCommand cmd;
        final ActuatorSpec spec;
        int attempts;
        boolean acked;
        boolean late;
        boolean failing;
        boolean sentOk;
        long lastSentNanos;
        long nextSendNanos;
        long overdueSinceNanos;
        int questions;
        long firstQuestionNanos;

        Entry(RejectCommand cmd, ActuatorSpec spec) {
            this.cmd = cmd;
            this.spec = spec;
        }
    }

    private final Map<String, ActuatorSpec> specs = new LinkedHashMap<>();
    private final Map<String, String> uris;
    private final LineEncoder encoder;
    private final Journal journal;
    private final long resendNanos;
    private final long ackTimeoutNanos;
    private final long firedTimeoutNanos;
    private final Map<String, Entry> open = new LinkedHashMap<>();
    private final Map<String, RejectCommand> known = new LinkedHashMap<>();
    private final List<Notice> notices = new ArrayList<>();
    private final List<Fired> fired = new ArrayList<>();
    private long commands, sends, resends, sendFailures, acknowledged, firedCount, late, widened, alarms, lineStops, failed,
            uninspected;

    /**
     * @param actuators  the station's actuators
     * @param uris       actuator id → endpoint URI its commands go to
     * @param encoder    the line encoder (deadlines are encoder positions)
     * @param journal    where every step is written before it takes effect
     * @param resend     retry period after a refused send
     * @param ackTimeout resend period of a sent command the PLC has not acknowledged
     */
    public ActuationGateway(List<ActuatorSpec> actuators, Map<String, String> uris, LineEncoder encoder, Journal journal,
                            Duration resend, Duration ackTimeout) {
        this(actuators, uris, encoder, journal, resend, ackTimeout, ackTimeout.multipliedBy(3));
    }

    /**
     * @param firedTimeout how long the gateway keeps asking about an acknowledged command past its
     *                     deadline without a fired (or passed) report before it fails it, once the
     *                     whole stretch has passed the actuator, counted from the first question the
     *                     link took (at least two questions)
     */
    public ActuationGateway(List<ActuatorSpec> actuators, Map<String, String> uris, LineEncoder encoder, Journal journal,
                            Duration resend, Duration ackTimeout, Duration firedTimeout) {
        actuators.forEach(a -> specs.put(a.id(), a));
        this.uris = Map.copyOf(uris);
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.resendNanos = resend.toNanos();
        this.ackTimeoutNanos = ackTimeout.toNanos();
        this.firedTimeoutNanos = firedTimeout.toNanos();
        for (ActuatorSpec a : actuators) {
            if (!uris.containsKey(a.id())) {
                throw new IllegalArgumentException("no endpoint for actuator " + a.id());
            }
        }
        for (var e : journal.inFlightAtStart()) {
            notices.add(new Notice(Notice.Kind.ALARM, String.format(Locale.ROOT,
                    "journal: reject command %s was in flight when the station stopped (last %s at %s, encoder %.1f mm)",
                    e.commandId(), e.outcome(), e.at(), e.encoderMm())));
        }
    }

    /** A new command from the decider: journaled, then returned to be sent (or its wider replacement). */
    public synchronized List<Outgoing> submit(RejectCommand c) {
        ActuatorSpec spec = specs.get(c.actuatorId());
        if (spec == null) {
            throw new IllegalArgumentException("reject command " + c.id() + " names unknown actuator " + c.actuatorId());
        }
        if (open.containsKey(c.id())) {
            return List.of();
        }
        Entry e = open(c, spec, "");
        if (c.causes().contains("uninspected")) {
            uninspected++;
            e.late = c.lateAtDecision();
            Entry replacement = policy(e, "segment [" + fmt(c.y0Mm()) + ", " + fmt(c.y1Mm()) + "] mm was not inspected");
            return List.of(new Outgoing(replacement.cmd, uris.get(spec.id())));
        }
        if (c.lateAtDecision()) {
            e = missed(e, "decided after its deadline: encoder " + fmt(c.encoderAtDecisionMm()) + " mm, deadline "
                    + fmt(c.deadlineMm()) + " mm");
        }
        return List.of(new Outgoing(e.cmd, uris.get(spec.id())));
    }

    private Entry open(RejectCommand c, ActuatorSpec spec, String detail) {
        journal.append(c.id(), c.actuatorId(), Outcome.DECIDED, encoder.positionMm(), detail, c);
        commands++;
        Entry e = new Entry(c, spec);
        e.nextSendNanos = System.nanoTime() + ackTimeoutNanos; // the caller sends it now
        open.put(c.id(), e);
        known.put(c.id(), c);
        return e;
    }

    /** The link took the command; {@code reply} may already be the PLC's acknowledgement (in-process link). */
    public synchronized void sent(Outgoing o, Object reply) {
        Entry e = open.get(o.command().id());
        double enc = encoder.positionMm();
        sends++;
        if (e != null) {
            if (e.attempts > 0) {
                resends++;
            }
            e.attempts++;
            e.failing = false;
            e.sentOk = true;
            e.lastSentNanos = System.nanoTime();
            e.nextSendNanos = e.lastSentNanos + ackTimeoutNanos;
            if (e.overdueSinceNanos != 0 && ++e.questions == 1) {
                e.firstQuestionNanos = e.lastSentNanos;
            }
            journal.append(e.cmd.id(), e.cmd.actuatorId(), Outcome.SENT, enc, "attempt " + e.attempts, null);
        }
        if (reply instanceof ActuatorEvent ev) {
            onEvent(ev);
        }
    }

    /** The link refused the command: it stays open and is tried again. */
    public synchronized void sendFailed(Outgoing o, String reason) {
        Entry e = open.get(o.command().id());
        sendFailures++;
        if (e == null) {
            return;
        }
        if (e.attempts > 0) {
            resends++;
        }
        e.attempts++;
        e.nextSendNanos = System.nanoTime() + resendNanos;
        if (!e.failing) {
            e.failing = true;
            journal.append(e.cmd.id(), e.cmd.actuatorId(), Outcome.SEND_FAILED, encoder.positionMm(), reason, null);
            LOG.warn("reject command {} not sent ({}); buffered, resending until its deadline", e.cmd.id(), reason);
        }
    }

    /** What the PLC reported, as JSON (one event or an array). */
    public void onMessage(String json) {
        for (ActuatorEvent ev : new EventCodec().events(json)) {
            onEvent(ev);
        }
    }

    /** What the PLC reported. Repeats (an ack node re-read, a resent ack) are harmless. */
    public synchronized void onEvent(ActuatorEvent ev) {
        Entry e = open.get(ev.commandId());
        if (e == null) {
            return;
        }
        switch (ev.kind()) {
            case RECEIVED, DUPLICATE -> ack(e, ev, "");
            case LATE -> {
                ack(e, ev, ev.detail());
                if (!e.late) {
                    missed(e, "the PLC had it late: " + ev.detail());
                }
            }
            case PASSED -> {
                ack(e, ev, ev.detail());
                fail(e, ev.encoderMm(), "the PLC reports the stretch passed the actuator before it could fire (passed, not fired): "
                        + ev.detail());
            }
            case FIRED -> {
                ack(e, ev, "");
                boolean inTime = !"late".equals(ev.detail()) && !e.late;
                journal.append(e.cmd.id(), e.cmd.actuatorId(), Outcome.FIRED, ev.encoderMm(), inTime ? "" : "late", null);
                firedCount++;
                fired.add(new Fired(e.cmd, inTime, ev.encoderMm()));
                open.remove(e.cmd.id());
                notifyAll();
            }
        }
    }

    private void ack(Entry e, ActuatorEvent ev, String detail) {
        if (!e.acked) {
            e.acked = true;
            acknowledged++;
            journal.append(e.cmd.id(), e.cmd.actuatorId(), Outcome.ACKNOWLEDGED, ev.encoderMm(), ev.kind() + (detail.isEmpty() ? "" : ": " + detail), null);
        }
    }

    /** The resend timer: deadlines, policies, failures, and what to send now. */
    public synchronized List<Outgoing> due() {
        List<Outgoing> out = new ArrayList<>();
        long now = System.nanoTime();
        double enc = encoder.positionMm();
        for (Entry e : List.copyOf(open.values())) {
            // an OPC UA write that the PLC's server took is delivered: its acknowledgement follows at the next sample
            if (e.acked || (e.sentOk && e.spec.link() == ActuatorSpec.Link.OPCUA)) {
                Outgoing question = overdue(e, now, enc);
                if (question != null) {
                    out.add(question);
                }
                continue;
            }
            if (enc > e.cmd.endAtActuatorMm()) {
                if (e.sentOk && now - e.lastSentNanos < ackTimeoutNanos) {
                    continue; // just sent: give the acknowledgement its time
                }
                fail(e, enc, String.format(Locale.ROOT, "stretch [%s, %s] mm passed actuator %s (encoder %s mm) and the PLC %s",
                        fmt(e.cmd.y0Mm()), fmt(e.cmd.y1Mm()), e.cmd.actuatorId(), fmt(enc),
                        e.sentOk ? "never acknowledged the command" : "never had the command"));
                continue;
            }
            Entry target = e;
            if (enc > e.cmd.deadlineMm() && !e.late) {
                target = missed(e, "not acknowledged by its deadline " + fmt(e.cmd.deadlineMm()) + " mm (encoder " + fmt(enc) + " mm)");
                target.nextSendNanos = now;
            }
            if (now >= target.nextSendNanos) {
                out.add(new Outgoing(target.cmd, uris.get(target.spec.id())));
                target.nextSendNanos = now + resendNanos; // until sent() or sendFailed() says otherwise
            }
        }
        return out;
    }

    /**
     * A delivered command past its deadline without a fired report: asks again every ackTimeout
     * (the PLC repeats its final report for a duplicate id); fails it once the whole stretch has
     * passed, the link took at least two such questions and {@code firedTimeout} has gone by since
     * it took the first (a link that is down delays the verdict, it does not make one).
     */
    private Outgoing overdue(Entry e, long now, double enc) {
        if (enc <= e.cmd.deadlineMm()) {
            return null;
        }
        if (e.overdueSinceNanos == 0) {
            e.overdueSinceNanos = now;
            e.nextSendNanos = Math.max(e.nextSendNanos, now + ackTimeoutNanos);
            return null;
        }
        if (enc > e.cmd.endAtActuatorMm() && e.questions >= 2 && now - e.firstQuestionNanos >= firedTimeoutNanos) {
            fail(e, enc, String.format(Locale.ROOT, "acknowledged, but the PLC reported no firing for its deadline %s mm "
                    + "(encoder %s mm), asked %d times over %d ms", fmt(e.cmd.deadlineMm()), fmt(enc), e.questions,
                    (now - e.firstQuestionNanos) / 1_000_000));
            return null;
        }
        if (now >= e.nextSendNanos) {
            e.nextSendNanos = now + ackTimeoutNanos;
            return new Outgoing(e.cmd, uris.get(e.spec.id()));
        }
        return null;
    }

    /** Closes {@code e} as {@code FAILED} with an alarm: a definite outcome, never silence. */
    private void fail(Entry e, double enc, String why) {
        failed++;
        open.remove(e.cmd.id());
        journal.append(e.cmd.id(), e.cmd.actuatorId(), Outcome.FAILED, enc, why, null);
        alarm("reject command " + e.cmd.id() + " failed: " + why);
        notifyAll();
    }

    /** Marks {@code e} late and applies its policy; returns the entry to send from now on. */
    private Entry missed(Entry e, String why) {
        e.late = true;
        late++;
        journal.append(e.cmd.id(), e.cmd.actuatorId(), Outcome.LATE, encoder.positionMm(), why, null);
        LOG.warn("reject command {} late: {}", e.cmd.id(), why);
        return policy(e, why);
    }

    private Entry policy(Entry e, String why) {
        double enc = encoder.positionMm();
        RejectCommand c = e.cmd;
        switch (e.spec.policy()) {
            case WIDEN -> {
                RejectCommand w = c.widened(e.spec.widenMm(), Instant.now(), enc);
                widened++;
                if (!e.acked) {
                    open.remove(c.id());
                    journal.append(c.id(), c.actuatorId(), Outcome.WIDENED, enc, "replaced by " + w.id() + " [" + fmt(w.y0Mm())
                            + ", " + fmt(w.y1Mm()) + "] mm: " + why, null);
                }
                if (open.containsKey(w.id())) {
                    return open.get(w.id());
                }
                Entry we = open(w, e.spec, "widens " + c.id() + " by " + fmt(e.spec.widenMm()) + " mm: " + why);
                we.late = e.late;
                return we;
            }
            case ALARM -> {
                journal.append(c.id(), c.actuatorId(), Outcome.ALARM, enc, why, null);
                alarm("reject command " + c.id() + " [" + fmt(c.y0Mm()) + ", " + fmt(c.y1Mm()) + "] mm: " + why);
                return e;
            }
            case STOP_LINE -> {
                journal.append(c.id(), c.actuatorId(), Outcome.LINE_STOP, enc, why, null);
                lineStops++;
                notices.add(new Notice(Notice.Kind.LINE_STOP, "stop the line: reject command " + c.id() + ": " + why));
                alarm("line stop requested for reject command " + c.id() + ": " + why);
                return e;
            }
            default -> throw new IllegalStateException("unknown policy " + e.spec.policy());
        }
    }

    private void alarm(String text) {
        alarms++;
        notices.add(new Notice(Notice.Kind.ALARM, text));
    }

    /** Alarms and line stops raised since the last call. */
    public synchronized List<Notice> drainNotices() {
        List<Notice> out = List.copyOf(notices);
        notices.clear();
        return out;
    }

    /** Waits until no command is open (each fired, failed or replaced). */
    public synchronized void awaitSettled(Duration timeout) throws InterruptedException, TimeoutException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!open.isEmpty()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException(open.size() + " reject commands still open after " + timeout + ": " + open.keySet());
            }
            wait(Math.max(1, Math.min(left / 1_000_000, 100)));
        }
    }

    public synchronized List<Fired> fired() {
        return List.copyOf(fired);
    }

    public synchronized List<String> openIds() {
        return List.copyOf(open.keySet());
    }

    public synchronized ActuationCounts counts() {
        String links = String.join(",", specs.values().stream().map(s -> s.link().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .distinct().toList());
        return new ActuationCounts(links, commands, sends, resends, sendFailures, acknowledged, firedCount, late, widened, alarms,
                lineStops, failed, uninspected, open.size(), journal.inFlightAtStart().size());
    }

    public Journal journal() {
        return journal;
    }

    /** Logs what is still open (the journal has it) and closes the journal. */
    @Override
    public synchronized void close() {
        if (!open.isEmpty()) {
            LOG.warn("station stopping with {} reject commands in flight (in the journal {}): {}", open.size(), journal.file(),
                    open.keySet());
        }
        journal.close();
    }

    private static String fmt(double mm) {
        return String.format(Locale.ROOT, "%.1f", mm);
    }
}
