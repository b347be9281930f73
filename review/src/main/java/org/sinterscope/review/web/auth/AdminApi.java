package org.sinterscope.review.web.auth;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.store.UserStore;
import org.sinterscope.review.web.Ctx;
import org.sinterscope.review.web.HttpError;
import org.sinterscope.review.web.Router;

/** Users and settings (admin only). */
public final class AdminApi {

    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{2,64}");

    private final DefectStore store;
    private final Sessions sessions;
    private final Passwords passwords;

    public AdminApi(DefectStore store, Sessions sessions, Passwords passwords) {
        this.store = store;
        this.sessions = sessions;
        this.passwords = passwords;
    }

    public void routes(Router r) {
        r.add("GET", "/api/admin/users", Role.ADMIN, this::list);
        r.add("POST", "/api/admin/users", Role.ADMIN, this::create);
        r.add("PUT", "/api/admin/users/{name}", Role.ADMIN, this::update);
        r.add("GET", "/api/admin/settings", Role.ADMIN, this::settings);
        r.add("PUT", "/api/admin/settings", Role.ADMIN, this::putSettings);
    }

    private void list(Ctx ctx) throws Exception {
        List<Map<String, Object>> out = store.users().all().stream().map(u -> Map.<String, Object>of("name", u.name(),
                "role", u.role(), "createdAt", u.createdAt(), "disabled", u.disabled())).toList();
        ctx.json(200, out);
    }

    private void create(Ctx ctx) throws Exception {
        JsonNode b = ctx.jsonBody();
        String name = Ctx.text(b, "name", 64);
        if (!NAME.matcher(name).matches()) {
            throw HttpError.badRequest("user name must be 2-64 of a-z 0-9 . _ -, got '" + name + "'");
        }
        Role role = role(Ctx.text(b, "role", 16));
        String pw = password(Ctx.text(b, "password", 200));
        if (!store.users().create(name, role.label(), passwords.hash(pw.toCharArray()))) {
            throw new HttpError(409, "user '" + name + "' exists already");
        }
        ctx.json(201, Map.of("name", name, "role", role.label()));
    }

    private void update(Ctx ctx) throws Exception {
        String name = ctx.path("name");
        UserStore users = store.users();
        if (users.find(name).isEmpty()) {
            throw HttpError.notFound("no such user: '" + name + "'");
        }
        JsonNode b = ctx.jsonBody();
        if (b.has("role")) {
            users.setRole(name, role(Ctx.text(b, "role", 16)).label());
        }
        if (b.has("password")) {
            users.setPasswordHash(name, passwords.hash(password(Ctx.text(b, "password", 200)).toCharArray()));
        }
        if (b.has("disabled")) {
            if (!b.get("disabled").isBoolean()) {
                throw HttpError.badRequest("field 'disabled' must be true or false");
            }
            if (name.equals(ctx.session().user()) && b.get("disabled").asBoolean()) {
                throw HttpError.badRequest("an admin cannot disable their own account");
            }
            users.setDisabled(name, b.get("disabled").asBoolean());
        }
        sessions.endAll(name);
        UserStore.User u = users.find(name).orElseThrow();
        ctx.json(200, Map.of("name", u.name(), "role", u.role(), "disabled", u.disabled()));
    }

    private void settings(Ctx ctx) throws Exception {
        ctx.json(200, Map.of("retentionDays", store.retention().days(), "sessionIdleMinutes", sessions.idle().toMinutes()));
    }

    private void putSettings(Ctx ctx) throws Exception {
        JsonNode b = ctx.jsonBody();
        JsonNode d = b.get("retentionDays");
        if (d == null || !d.canConvertToInt() || !d.isIntegralNumber()) {
            throw HttpError.badRequest("field 'retentionDays' is required and must be a whole number of days");
        }
        try {
            store.retention().setDays(d.asInt());
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
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
