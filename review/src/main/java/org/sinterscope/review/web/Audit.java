package org.sinterscope.review.web;

import java.time.Instant;

import io.javalin.http.Context;
import org.sinterscope.review.store.AuditLog;
import org.sinterscope.review.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the audit log from a request: who (the actor given), when (now), from where (the
 * client address of the connection). A failing audit write is logged at ERROR and does not undo
 * or fail the act itself, which has happened already.
 */
public final class Audit {

    private static final Logger LOG = LoggerFactory.getLogger(Audit.class);

    private final AuditLog log;

    public Audit(AuditLog log) {
        this.log = log;
    }

    public void record(Context ctx, String actor, String action, String detail) {
        try {
            log.record(Instant.now(), actor, action, ctx.ip(), detail);
        } catch (StoreException e) {
            LOG.error("audit entry {} by {} from {} not written: {}", action, actor, ctx.ip(), e.getMessage());
        }
    }

    public AuditLog log() {
        return log;
    }
}
