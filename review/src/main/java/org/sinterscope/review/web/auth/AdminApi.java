package org.sinterscope.review.web.auth;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.store.UserStore;
import org.sinterscope.review.web.Audit;
import org.sinterscope.review.web.HttpError;
import org.sinterscope.review.web.Requests;
import org.sinterscope.review.web.Routes;

/** Users, settings, the audit log and the sign-in lockouts in force (admin only). */
public final class AdminApi {

    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{2,64}");

    private final DefectStore store;
    private final Sessions sessions;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final Audit audit;

    public AdminApi(DefectStore store, Sessions sessions, Passwords passwords, LoginThrottle throttle, Audit audit) {
        this.store = store;
        this.sessions = sessions;
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
    }

    public void routes(RoutesConfig r) {
        Routes.get(r, "/api/admin/users", this::list, Role.ADMIN);
        r.post("/api/admin/users", this::create, Role.ADMIN);
        r.put("/api/admin/users/{name}", this::update, Role.ADMIN);
        Routes.get(r, "/api/admin/settings", this::settings, Role.ADMIN);
        r.put("/api/admin/settings", this::putSettings, Role.ADMIN);
        Routes.get(r, "/api/admin/audit", this::auditLog, Role.ADMIN);
        Routes.get(r, "/api/admin/lockouts", ctx -> ctx.json(throttle.active()), Role.ADMIN);
    }

    private void auditLog(Context ctx) {
        String action = Requests.query(ctx, "action");
        if (action != null && !action.matches("[a-z-]{1,32}")) {
            throw HttpError.badRequest("query parameter 'action' must be 1-32 of a-z and -, got '" + action + "'");
        }
        ctx.json(audit.log().recent(action, Requests.queryInt(ctx, "limit", 200, 1, 5000)));
    }

    private void list(Context ctx) {
        List<Map<String, Object>> out = store.users().all().stream().map(u -> Map.<String, Object>of("name", u.name(),
                "role", u.role(), "createdAt", u.createdAt(), "disabled", u.disabled())).toList();
        ctx.json(out);
    }

    private void create(Context ctx) {
        JsonNode b = Requests.jsonBody(ctx);
        String name = Requests.text(b, "name", 64);
        if (!NAME.matcher(name).matches()) {
            throw HttpError.badRequest("user name must be 2-64 of a-z 0-9 . _ -, got '" + name + "'");
        }
        Role role = role(Requests.text(b, "role", 16));
        String pw = password(Requests.text(b, "password", 200));
        if (!store.users().create(name, role.label(), passwords.hash(pw.toCharArray()))) {
            throw new HttpError(409, "user '" + name + "' exists already");
        }
        audit.record(ctx, Requests.session(ctx).user(), "user-created", name + " as " + role.label());
        ctx.status(201).json(Map.of("name", name, "role", role.label()));
    }

    private void update(Context ctx) {
        String name = ctx.pathParam("name");
        UserStore users = store.users();
        if (users.find(name).isEmpty()) {
            throw HttpError.notFound("no such user: '" + name + "'");
        }
        JsonNode b = Requests.jsonBody(ctx);
        StringBuilder what = new StringBuilder();
        if (b.has("role")) {
            String role = role(Requests.text(b, "role", 16)).label();
            users.setRole(name, role);
            what.append(" role ").append(role);
        }
        if (b.has("password")) {
            users.setPasswordHash(name, passwords.hash(password(Requests.text(b, "password", 200)).toCharArray()));
            what.append(" password");
        }
        if (b.has("disabled")) {
            if (!b.get("disabled").isBoolean()) {
                throw HttpError.badRequest("field 'disabled' must be true or false");
            }
            if (name.equals(Requests.session(ctx).user()) && b.get("disabled").asBoolean()) {
                throw HttpError.badRequest("an admin cannot disable their own account");
            }
            users.setDisabled(name, b.get("disabled").asBoolean());
            what.append(" disabled ").append(b.get("disabled").asBoolean());
        }
        sessions.endAll(name);
        audit.record(ctx, Requests.session(ctx).user(), "user-changed", name + ":" + what);
        UserStore.User u = users.find(name).orElseThrow();
        ctx.json(Map.of("name", u.name(), "role", u.role(), "disabled", u.disabled()));
    }

    private void settings(Context ctx) {
        ctx.json(Map.of("retentionDays", store.retention().days(), "sessionIdleMinutes", sessions.idle().toMinutes()));
    }

    private void putSettings(Context ctx) {
        JsonNode b = Requests.jsonBody(ctx);
        JsonNode d = b.get("retentionDays");
        if (d == null || !d.canConvertToInt() || !d.isIntegralNumber()) {
            throw HttpError.badRequest("field 'retentionDays' is required and must be a whole number of days");
        }
        try {
            store.retention().setDays(d.asInt());
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        audit.record(ctx, Requests.session(ctx).user(), "setting-changed", "retentionDays " + d.asInt());
        settings(ctx);
    }

    private static Role role(String s) {
        try {
            return Role.parse(s);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }

    private static String password(String pw) {
        if (pw.length() < 10) {
            throw HttpError.badRequest("password must be at least 10 characters");
        }
        return pw;
    }
}
