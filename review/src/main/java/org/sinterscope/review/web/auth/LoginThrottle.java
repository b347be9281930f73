package org.sinterscope.review.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in throttling, per account and per client address. A key (an account name, or a client
 * address) that collects {@code maxFailures} failed sign-ins within {@code window} is locked
 * for a lockout that doubles with every further lockout of that key: {@code base × 2^(n−1)}
 * for its n-th, at most {@code maxLockout}. While either the account or the address is locked,
 * every attempt is refused before the password is hashed, the right password too. A success
 * clears the account's and the address's failures (not their lockout count, which decays after
 * twice {@code maxLockout} without a lockout). At most {@link #MAX_KEYS} keys are tracked: the least
 * recently active unlocked ones go first. Thread-safe.
 */
public final class LoginThrottle {

    /** Keys tracked at most (a flood of made-up names cannot grow it further). */
    public static final int MAX_KEYS = 50_000;

    /** A lockout in force: which key, until when, how many lockouts the key has had. */
    public record Lockout(String key, Instant until, int count) {
    }

    private static final class State {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil = Instant.MIN;
        Instant lastLockout = Instant.MIN;
        Instant lastActive = Instant.MIN;
        int lockouts;
    }

    private final int maxAccountFailures;
    private final int maxClientFailures;
    private final Duration window;
    private final Duration base;
    private final Duration maxLockout;
    private final Clock clock;
    private final Map<String, State> keys = new HashMap<>();

    /**
     * @param maxAccountFailures failures of one account within {@code window} that lock it
     * @param maxClientFailures  failures from one client address within {@code window} that lock it
     */
    public LoginThrottle(int maxAccountFailures, int maxClientFailures, Duration window, Duration base,
                         Duration maxLockout, Clock clock) {
        if (maxAccountFailures < 1 || maxClientFailures < 1) {
            throw new IllegalArgumentException("sign-in failure limits must be >= 1, got " + maxAccountFailures + " and "
                    + maxClientFailures);
        }
        if (window.isNegative() || window.isZero() || base.isNegative() || base.isZero() || maxLockout.compareTo(base) < 0) {
            throw new IllegalArgumentException("sign-in throttle needs window > 0 and 0 < base <= max lockout, got "
                    + window + ", " + base + ", " + maxLockout);
        }
        this.maxAccountFailures = maxAccountFailures;
        this.maxClientFailures = maxClientFailures;
        this.window = window;
        this.base = base;
        this.maxLockout = maxLockout;
        this.clock = clock;
    }

    /** 10 failures per account or 30 per address in a minute lock for 1 min, doubling up to 1 h. */
    public static LoginThrottle defaults(Clock clock) {
        return new LoginThrottle(10, 30, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofHours(1), clock);
    }

    public static String accountKey(String user) {
        return "account:" + user;
    }

    public static String clientKey(String address) {
        return "client:" + address;
    }

    /** How long the longer of the two lockouts still runs; empty when neither key is locked. */
    public synchronized Optional<Duration> lockedFor(String user, String client) {
        Instant now = clock.instant();
        Instant until = Instant.MIN;
        for (String k : List.of(accountKey(user), clientKey(client))) {
            State s = keys.get(k);
            if (s != null && s.lockedUntil.isAfter(until)) {
                until = s.lockedUntil;
            }
        }
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** Records a failed sign-in; returns the lockouts it started (0, 1 or 2). */
    public synchronized List<Lockout> failure(String user, String client) {
        Instant now = clock.instant();
        List<Lockout> started = new ArrayList<>();
        fail(accountKey(user), maxAccountFailures, now).ifPresent(started::add);
        fail(clientKey(client), maxClientFailures, now).ifPresent(started::add);
        return started;
    }

    /** Records a successful sign-in: the account's and the address's failures are forgotten. */
    public synchronized void success(String user, String client) {
        for (String k : List.of(accountKey(user), clientKey(client))) {
            State s = keys.get(k);
            if (s != null) {
                s.failures.clear();
            }
        }
    }

    /** Lockouts in force now, the longest first. */
    public synchronized List<Lockout> active() {
        Instant now = clock.instant();
        return keys.entrySet().stream().filter(e -> e.getValue().lockedUntil.isAfter(now))
                .map(e -> new Lockout(e.getKey(), e.getValue().lockedUntil, e.getValue().lockouts))
                .sorted(Comparator.comparing(Lockout::until).reversed()).toList();
    }

    private Optional<Lockout> fail(String key, int max, Instant now) {
        if (!keys.containsKey(key) && keys.size() >= MAX_KEYS) {
            prune(now);
        }
        State s = keys.computeIfAbsent(key, k -> new State());
        s.lastActive = now;
        while (!s.failures.isEmpty() && !s.failures.peekFirst().isAfter(now.minus(window))) {
            s.failures.removeFirst();
        }
        s.failures.addLast(now);
        if (s.failures.size() < max || s.lockedUntil.isAfter(now)) {
            return Optional.empty();
        }
        if (s.lastLockout.isBefore(now.minus(maxLockout.multipliedBy(2)))) {
            s.lockouts = 0;
        }
        s.lockouts++;
        Duration d = base.multipliedBy(1L << Math.min(20, s.lockouts - 1));
        s.lockedUntil = now.plus(d.compareTo(maxLockout) > 0 ? maxLockout : d);
        s.lastLockout = now;
        s.failures.clear();
        return Optional.of(new Lockout(key, s.lockedUntil, s.lockouts));
    }

    private void prune(Instant now) {
        List<Map.Entry<String, State>> idle = new ArrayList<>(keys.entrySet().stream()
                .filter(e -> !e.getValue().lockedUntil.isAfter(now)).toList());
        idle.sort(Comparator.comparing(e -> e.getValue().lastActive));
        for (int i = 0; i < Math.max(1, idle.size() / 2); i++) {
            keys.remove(idle.get(i).getKey());
        }
    }

    /** Keys tracked now (tests of the bound). */
    synchronized int size() {
        return keys.size();
    }
}
