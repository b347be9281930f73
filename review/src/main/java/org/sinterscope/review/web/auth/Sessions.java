package org.sinterscope.review.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;

/**
 * Server-side sessions on Jetty's session handler: the cookie {@value #COOKIE} (HttpOnly,
 * SameSite=Strict, Secure on HTTPS) carries Jetty's random id; the {@link Session} stays in the
 * server's memory. A session ends after {@code idle} without a request (Jetty's max inactive
 * interval, and checked here against the clock too), {@link #MAX_AGE} after sign-in in any
 * case, on sign-out, and when the user's role, password or state changes ({@link #endAll}).
 * Signing in always starts a fresh session (no fixation). A restart signs everyone out.
 */
public final class Sessions {

    public static final String COOKIE = "sinterscope_session";
    public static final Duration MAX_AGE = Duration.ofHours(12);
    private static final String ATTR = "sinterscope.session";

    /** The session and when it was last used. */
    private record Held(Session session, AtomicReference<Instant> lastSeen) {
    }

    private final Map<String, Long> epochs = new ConcurrentHashMap<>();
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

    /** Jetty's session handler, configured for this app's cookie and idle time. */
    public SessionHandler handler() {
        SessionHandler h = new SessionHandler();
        h.setSessionCookie(COOKIE);
        h.setHttpOnly(true);
        h.setSameSite(HttpCookie.SameSite.STRICT);
        h.setSecureRequestOnly(true);
        h.setMaxInactiveInterval((int) Math.max(1, idle.toSeconds()));
        h.setSessionTrackingModes(java.util.Set.of(SessionTrackingMode.COOKIE));
        return h;
    }

    /** Ends the request's session, if any, and starts a new one for {@code user}. */
    public Session signIn(HttpServletRequest req, String user, Role role) {
        HttpSession old = req.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession hs = req.getSession(true);
        hs.setMaxInactiveInterval((int) Math.max(1, idle.toSeconds()));
        Instant now = clock.instant();
        Session s = new Session(token(), user, role, now, epochs.getOrDefault(user, 0L));
        hs.setAttribute(ATTR, new Held(s, new AtomicReference<>(now)));
        return s;
    }

    /** The request's live session, touched; empty (and the session ended) when it expired or was revoked. */
    public Optional<Session> current(HttpServletRequest req) {
        HttpSession hs = req.getSession(false);
        if (hs == null) {
            return Optional.empty();
        }
        Object o;
        try {
            o = hs.getAttribute(ATTR);
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
        if (!(o instanceof Held held)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!live(held.session(), held.lastSeen().get(), now)) {
            invalidate(hs);
            return Optional.empty();
        }
        held.lastSeen().set(now);
        return Optional.of(held.session());
    }

    /** Ends the request's session. */
    public void signOut(HttpServletRequest req) {
        HttpSession hs = req.getSession(false);
        if (hs != null) {
            invalidate(hs);
        }
    }

    /** Ends every session of {@code user} (after a role change, disable or new password). */
    public void endAll(String user) {
        epochs.merge(user, 1L, Long::sum);
    }

    /** Whether {@code s}, last used at {@code lastSeen}, is still valid at {@code now}. */
    public boolean live(Session s, Instant lastSeen, Instant now) {
        return !now.isAfter(lastSeen.plus(idle)) && !now.isAfter(s.createdAt().plus(MAX_AGE))
                && s.epoch() == epochs.getOrDefault(s.user(), 0L);
    }

    public Duration idle() {
        return idle;
    }

    /** A session for {@code user} as {@link #signIn} makes it, without a request (tests of {@link #live}). */
    Session mint(String user, Role role) {
        return new Session(token(), user, role, clock.instant(), epochs.getOrDefault(user, 0L));
    }

    /** Constant-time comparison of a presented CSRF token with the session's. */
    public static boolean csrfMatches(Session s, String presented) {
        return presented != null && MessageDigest.isEqual(s.csrf().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static void invalidate(HttpSession hs) {
        try {
            hs.invalidate();
        } catch (IllegalStateException alreadyGone) {
            // ended meanwhile by another request of the same session
        }
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
