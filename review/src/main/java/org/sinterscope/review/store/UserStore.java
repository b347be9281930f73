package org.sinterscope.review.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Review-app accounts and settings as stored. Holds password hashes only; hashing and checking
 * is the caller's ({@code web.auth.Passwords}).
 */
public final class UserStore {

    /** A stored account. */
    public record User(String name, String role, String passwordHash, Instant createdAt, boolean disabled) {
    }

    private final Database db;
    private final StoreQueries q;

    UserStore(Database db) {
        this.db = db;
        this.q = new StoreQueries(db);
    }

    public Optional<User> find(String name) {
        return q.query("SELECT name, role, pw_hash, created_at, disabled FROM app_user WHERE name = ?", List.of(name),
                rs -> new User(rs.getString(1), rs.getString(2), rs.getString(3), StoreQueries.instant(rs, 4),
                        rs.getBoolean(5))).stream().findFirst();
    }

    public List<User> all() {
        return q.query("SELECT name, role, pw_hash, created_at, disabled FROM app_user ORDER BY name", List.of(),
                rs -> new User(rs.getString(1), rs.getString(2), rs.getString(3), StoreQueries.instant(rs, 4),
                        rs.getBoolean(5)));
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
        return q.query("SELECT setting_value FROM app_setting WHERE name = ?", List.of(name), rs -> rs.getString(1))
                .stream().findFirst();
    }

    public void putSetting(String name, String value) {
        if (update("UPDATE app_setting SET setting_value = ? WHERE name = ?", value, name) == 0) {
            update("INSERT INTO app_setting (name, setting_value) VALUES (?, ?)", name, value);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            return p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("account update failed: " + e.getMessage(), e);
        }
    }
}
