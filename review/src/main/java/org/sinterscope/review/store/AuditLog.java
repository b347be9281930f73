package org.sinterscope.review.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The review app's audit log: one row per security-relevant act (sign-in, failed sign-in,
 * lockout, relabel, user or setting change, export), with who, when and from which client
 * address. Texts longer than the columns are cut, never refused: the act itself must not fail
 * because its description is long.
 */
public final class AuditLog {

    /** One entry; {@code actor} is the account name (or the name tried, for failures). */
    public record Entry(long id, Instant at, String actor, String action, String client, String detail) {
        public Entry {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(action, "action");
        }
    }

    private final Jdbi jdbi;

    AuditLog(Database db) {
        this.jdbi = db.jdbi();
    }

    /** Appends an entry. */
    public void record(Instant at, String actor, String action, String client, String detail) {
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO audit_log (at, actor, action, client, detail) "
                            + "VALUES (:at, :actor, :action, :client, :detail)")
                    .bind("at", SqlWrites.ts(at)).bind("actor", cut(actor, 64)).bind("action", cut(action, 32))
                    .bind("client", cut(client, 64)).bind("detail", cut(detail, 500)).execute());
        } catch (JdbiException e) {
            throw new StoreException("audit log write failed: " + e.getMessage(), e);
        }
    }

    /** The newest {@code limit} entries, newest first; {@code action} null for all kinds. */
    public List<Entry> recent(String action, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("audit log limit must be >= 1, got " + limit);
        }
        try {
            return jdbi.withHandle(h -> {
                var q = h.createQuery("SELECT id, at, actor, action, client, detail FROM audit_log"
                        + (action == null ? "" : " WHERE action = :action") + " ORDER BY id DESC LIMIT :limit");
                if (action != null) {
                    q.bind("action", action);
                }
                return q.bind("limit", limit).map(ConstructorMapper.of(Entry.class)).list();
            });
        } catch (JdbiException e) {
            throw new StoreException("audit log read failed: " + e.getMessage(), e);
        }
    }

    private static String cut(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() <= max ? v : v.substring(0, max - 1) + "…";
    }
}
