package org.sinterscope.review.web.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.sinterscope.review.store.UserStore;
import org.sinterscope.review.web.Audit;
import org.sinterscope.review.web.HttpError;
import org.sinterscope.review.web.Requests;
import org.sinterscope.review.web.Routes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in, sign-out and "who am I". Sign-in is throttled ({@link LoginThrottle}): while the
 * account or the client address is locked every attempt gets 429 with {@code Retry-After},
 * before any password is hashed. The answer to a sign-in names where to go next: the
 * {@code next} asked for when it is a same-origin path ({@link SafeRedirect}), else the home page.
 */
public final class AuthApi {

    private static final Logger LOG = LoggerFactory.getLogger(AuthApi.class);

    private final UserStore users;
    private final Sessions sessions;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final Audit audit;

    public AuthApi(UserStore users, Sessions sessions, Passwords passwords, LoginThrottle throttle, Audit audit) {
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
    }

    public void routes(RoutesConfig r) {
        r.post("/api/login", this::login);
        r.post("/api/logout", this::logout, Role.OPERATOR);
        Routes.get(r, "/api/session", this::session, Role.OPERATOR);
    }

    private void login(Context ctx) {
        JsonNode body = Requests.jsonBody(ctx);
        String name = Requests.text(body, "user", 64);
        String password = Requests.text(body, "password", 200);
        String next = SafeRedirect.sameOriginPath(Requests.optionalText(body, "next", 2000));
        String client = ctx.ip();
        Optional<java.time.Duration> locked = throttle.lockedFor(name, client);
        if (locked.isPresent()) {
            long s = Math.max(1, locked.get().toSeconds());
            audit.record(ctx, name, "login-refused", "locked for " + s + " s more");
            ctx.header("Retry-After", Long.toString(s));
            throw new HttpError(429, "too many failed sign-ins: try again in " + s + " s");
        }
        Optional<UserStore.User> u = users.find(name);
        // the hash is computed for unknown users too, so the answer time does not tell which names exist
        boolean ok = passwords.verify(password.toCharArray(), u.map(UserStore.User::passwordHash).orElse(DUMMY));
        if (u.isEmpty() || !ok || u.get().disabled()) {
            List<LoginThrottle.Lockout> started = throttle.failure(name, client);
            audit.record(ctx, name, "login-failed", u.isEmpty() ? "unknown user" : u.get().disabled() ? "disabled" : "wrong password");
            for (LoginThrottle.Lockout l : started) {
                LOG.warn("sign-in lockout of {} until {} (lockout #{}), after failures from {}", l.key(), l.until(),
                        l.count(), client);
                audit.record(ctx, name, "lockout", l.key() + " until " + l.until() + " (#" + l.count() + ")");
            }
            throw new HttpError(401, "wrong user name or password");
        }
        throttle.success(name, client);
        Session s = sessions.signIn(ctx.req(), u.get().name(), Role.parse(u.get().role()));
        audit.record(ctx, s.user(), "login", "role " + s.role().label());
        Map<String, Object> v = view(s);
        v.put("next", next);
        ctx.json(v);
    }

    private void logout(Context ctx) {
        sessions.signOut(ctx.req());
        ctx.json(Map.of("signedOut", true));
    }

    private void session(Context ctx) {
        ctx.json(view(Requests.session(ctx)));
    }

    private Map<String, Object> view(Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", s.user());
        m.put("role", s.role().label());
        m.put("csrf", s.csrf());
        m.put("idleMinutes", sessions.idle().toMinutes());
        return m;
    }

    /** A well-formed hash of a random password nobody knows, checked against for unknown users. */
    private static final String DUMMY = new Passwords().hash(new Passwords().randomPassword().toCharArray());
}
