package org.sinterscope.review.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Review-app accounts and settings as stored (JDBI over the store's pool). Holds password
 * hashes only; hashing and checking is the caller's ({@code web.auth.Passwords}).
 */
public final class UserStore {

    /** A stored account. */
    public record User(String name, String role, String passwordHash, Instant createdAt, boolean disabled) {
    }

    private static final String COLUMNS = "SELECT name, role, pw_hash AS password_hash, created_at, disabled FROM app_user";
    private static final RowMapper<User> USER = ConstructorMapper.of(User.class);

    private final Jdbi jdbi;

    UserStore(Database db) {
        this.jdbi = db.jdbi();
    }

    public Optional<User> find(String name) {
        return read(() -> jdbi.withHandle(h -> h.createQuery(COLUMNS + " WHERE name = :name").bind("name", name)
                .map(USER).findOne()));
    }

    public List<User> all() {
        return read(() -> jdbi.withHandle(h -> h.createQuery(COLUMNS + " ORDER BY name").map(USER).list()));
    }

    /** Creates an account; false when the name is taken. */
    public boolean create(String name, String role, String passwordHash) {
        if (find(name).isPresent()) {
            return false;
        }
        update("INSERT INTO app_user (name, role, pw_hash, created_at, disabled) VALUES (?, ?, ?, ?, FALSE)",
                name, role, passwordHash, SqlWrites.ts(Instant.now()));
        return true;
    }

    public boolean setRole(String name, String role) {
        return update("UPDATE app_user SET role = ? WHERE name = ?", role, name) == 1;
    }

    public boolean setPasswordHash(String name, String hash) {
        return update("UPDATE app_user SET pw_hash = ? WHERE name = ?", hash, name) == 1;
    }

    public boolean setDisabled(String name, boolean disabled) {
        return update("UPDATE app_user SET disabled = ? WHERE name = ?", disabled, name) == 1;
    }

    public Optional<String> setting(String name) {
        return read(() -> jdbi.withHandle(h -> h.createQuery("SELECT setting_value FROM app_setting WHERE name = ?")
                .bind(0, name).mapTo(String.class).findOne()));
    }

    public void putSetting(String name, String value) {
        if (update("UPDATE app_setting SET setting_value = ? WHERE name = ?", value, name) == 0) {
            update("INSERT INTO app_setting (name, setting_value) VALUES (?, ?)", name, value);
        }
    }

    private <T> T read(java.util.function.Supplier<T> q) {
        try {
            return q.get();
        } catch (JdbiException e) {
            throw new StoreException("account read failed: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... args) {
        try {
            return jdbi.withHandle(h -> {
                var u = h.createUpdate(sql);
                for (int i = 0; i < args.length; i++) {
                    u.bind(i, args[i]);
                }
                return u.execute();
            });
        } catch (JdbiException e) {
            throw new StoreException("account update failed: " + e.getMessage(), e);
        }
    }
}
