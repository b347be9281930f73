package org.sinterscope.review.web;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import org.eclipse.jetty.io.EofException;
import org.sinterscope.review.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures as responses: every error is {@code {"error": "...", "status": n}} JSON (with the
 * security headers the before-handler set). A refused request is its 4xx; a store failure is
 * 503; a client that went away mid-response is logged at DEBUG and counted, not an error; any
 * other failure is a 500 with a generic message and the details in the log at ERROR.
 */
final class ErrorReplies {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReplies.class);

    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong clientAborts = new AtomicLong();

    void install(RoutesConfig routes) {
        routes.exception(HttpError.class, (e, ctx) -> reply(ctx, e.status(), e.getMessage()));
        routes.exception(ValidationException.class, (e, ctx) -> reply(ctx, 400, validation(e)));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 405) {
                ctx.header("Allow", allow(e.getDetails()));
            }
            reply(ctx, e.getStatus(), e.getStatus() == 404 ? "no such resource: " + ctx.path() : e.getMessage());
        });
        routes.exception(StoreException.class, (e, ctx) -> {
            LOG.error("store failure on {} {}: {}", ctx.method(), ctx.path(), e.getMessage(), e);
            reply(ctx, 503, "the defect store is not available: " + e.getMessage());
        });
        routes.exception(Exception.class, (e, ctx) -> {
            if (clientGone(e)) {
                clientAborts.incrementAndGet();
                LOG.debug("client went away during {} {}: {}", ctx.method(), ctx.path(), e.toString());
                return;
            }
            failures.incrementAndGet();
            LOG.error("failure on {} {}", ctx.method(), ctx.path(), e);
            reply(ctx, 500, "internal error; see the station log");
        });
    }

    /** Whether {@code e} only says the client closed the connection (reset, broken pipe, early EOF). */
    static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EofException || t instanceof ClosedChannelException) {
                return true;
            }
            String m = t.getMessage();
            if (t instanceof IOException && m != null && (m.contains("Broken pipe") || m.contains("Connection reset"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Wraps every endpoint: a handler that fails because its client went away (while it wrote
     * the response) is counted and logged at DEBUG, and the request ends there.
     */
    Handler wrap(Endpoint endpoint) {
        Handler h = endpoint.handler;
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (Exception e) {
                if (!clientGone(e)) {
                    throw e;
                }
                clientAborts.incrementAndGet();
                LOG.debug("client went away during {} {}: {}", ctx.method(), ctx.path(), e.toString());
            }
        };
    }

    /** Javalin's request logger: each request at DEBUG. */
    void logged(Context ctx, Float ms) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> {} in {} ms from {}", ctx.method(), ctx.path(), ctx.statusCode(), ms, ctx.ip());
        }
    }

    long failures() {
        return failures.get();
    }

    long clientAborts() {
        return clientAborts.get();
    }

    static void reply(Context ctx, int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("status", status);
        ctx.status(status).json(body);
    }

    private static String allow(Map<String, String> details) {
        String methods = String.join(", ", details.values());
        return methods.replaceAll("[\\[\\]]", "");
    }

    private static String validation(ValidationException e) {
        return e.getErrors().entrySet().stream().map(en -> {
            List<ValidationError<Object>> errs = en.getValue();
            ValidationError<Object> first = errs.get(0);
            String why = first.getMessage().equals("TYPE_CONVERSION_FAILED") ? "must be a number" : first.getMessage();
            return "query parameter '" + en.getKey() + "' " + why + ", got '" + first.value + "'";
        }).collect(Collectors.joining("; "));
    }
}
