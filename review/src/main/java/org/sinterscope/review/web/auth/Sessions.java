package org.sinterscope.review.web.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in memory: a random 256-bit token each, expiring after {@code idle} without a request
 * and in any case {@code 12 h} after sign-in. A restart signs everyone out.
 */
public final class Sessions {

    public static final Duration MAX_AGE = Duration.ofHours(12);

    private record Entry(Session session, Instant lastSeen) {
    }

    private final Map<String, Entry> byToken = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration idle;
    private final Clock clock;

    public Sessions(Duration idle, Clock clock) {
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("session idle time must be > 0, got " + idle);
        }
        this.idle = idle;
        this.clock = clock;
    }

    public Session create(String user, Role role) {
        Instant now = clock.instant();
        byToken.values().removeIf(e -> expired(e, now));
        Session s = new Session(token(), token(), user, role, now);
        byToken.put(s.token(), new Entry(s, now));
        return s;
    }

    /** The live session of {@code token}, touched; empty when unknown or expired. */
    public Optional<Session> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Entry e = byToken.get(token);
        if (e == null) {
            return Optional.empty();
        }
        if (expired(e, now)) {
            byToken.remove(token);
            return Optional.empty();
        }
        byToken.put(token, new Entry(e.session(), now));
        return Optional.of(e.session());
    }

    public void end(String token) {
        if (token != null) {
            byToken.remove(token);
        }
    }

    /** Ends every session of {@code user} (after a role change, disable or new password). */
    public void endAll(String user) {
        byToken.values().removeIf(e -> e.session().user().equals(user));
    }

    public Duration idle() {
        return idle;
    }

    /** Constant-time comparison of a presented CSRF token with the session's. */
    public static boolean csrfMatches(Session s, String presented) {
        return presented != null && MessageDigest.isEqual(s.csrf().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private boolean expired(Entry e, Instant now) {
        return now.isAfter(e.lastSeen().plus(idle)) || now.isAfter(e.session().createdAt().plus(MAX_AGE));
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
