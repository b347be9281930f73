package org.sinterscope.review.web.auth;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.sinterscope.review.store.UserStore;
import org.sinterscope.review.web.Ctx;
import org.sinterscope.review.web.HttpError;
import org.sinterscope.review.web.Router;

/** Sign-in, sign-out and "who am I". */
public final class AuthApi {

    private final UserStore users;
    private final Sessions sessions;
    private final Passwords passwords;

    public AuthApi(UserStore users, Sessions sessions, Passwords passwords) {
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
    }

    public void routes(Router r) {
        r.add("POST", "/api/login", null, this::login);
        r.add("POST", "/api/logout", Role.OPERATOR, this::logout);
        r.add("GET", "/api/session", Role.OPERATOR, this::session);
    }

    private void login(Ctx ctx) throws Exception {
        JsonNode body = ctx.jsonBody();
        String name = Ctx.text(body, "user", 64);
        String password = Ctx.text(body, "password", 200);
        Optional<UserStore.User> u = users.find(name);
        // the hash is computed for unknown users too, so the answer time does not tell which names exist
        boolean ok = passwords.verify(password.toCharArray(), u.map(UserStore.User::passwordHash).orElse(DUMMY));
        if (u.isEmpty() || !ok || u.get().disabled()) {
            throw new HttpError(401, "wrong user name or password");
        }
        Session s = sessions.create(u.get().name(), Role.parse(u.get().role()));
        ctx.header("Set-Cookie", Router.COOKIE + "=" + s.token() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + Sessions.MAX_AGE.toSeconds());
        ctx.json(200, view(s));
    }

    private void logout(Ctx ctx) throws Exception {
        sessions.end(ctx.session().token());
        ctx.header("Set-Cookie", Router.COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        ctx.json(200, Map.of("signedOut", true));
    }

    private void session(Ctx ctx) throws Exception {
        ctx.json(200, view(ctx.session()));
    }

    private Map<String, Object> view(Session s) {
        return Map.of("user", s.user(), "role", s.role().label(), "csrf", s.csrf(),
                "idleMinutes", sessions.idle().toMinutes());
    }

    /** A well-formed hash of a random password nobody knows, checked against for unknown users. */
    private static final String DUMMY = new Passwords().hash(new Passwords().randomPassword().toCharArray());
}
