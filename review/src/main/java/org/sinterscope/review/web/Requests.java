package org.sinterscope.review.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;

/**
 * Reading a request: validated query values (Javalin's validators; a failure is a 400 naming
 * the parameter) and the JSON body, parsed strictly: trailing content after the object and
 * duplicate keys are refused (400), like any other malformed JSON.
 */
public final class Requests {

    /** The app's JSON mapper (also Javalin's): ISO-8601 times, strict reading. */
    public static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Request bodies larger than this are refused with 413. */
    public static final int MAX_BODY = 64 * 1024;

    private Requests() {
    }

    /** The signed-in session of the request (never null on a route that needs a role). */
    public static org.sinterscope.review.web.auth.Session session(Context ctx) {
        return Guard.session(ctx);
    }

    /** A query value, trimmed; null when absent or blank. */
    public static String query(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** A number in [min, max], or null when absent. */
    public static Double queryDouble(Context ctx, String name, double min, double max) {
        if (query(ctx, name) == null) {
            return null;
        }
        return ctx.queryParamAsClass(name, Double.class)
                .check(d -> d >= min && d <= max, "must be in [" + min + ", " + max + "]").get();
    }

    /** A whole number in [min, max], {@code dflt} when absent. */
    public static int queryInt(Context ctx, String name, int dflt, int min, int max) {
        if (query(ctx, name) == null) {
            return dflt;
        }
        return ctx.queryParamAsClass(name, Integer.class)
                .check(i -> i >= min && i <= max, "must be in [" + min + ", " + max + "]").get();
    }

    /** true/yes/1 or false/no/0; null when absent. */
    public static Boolean queryBool(Context ctx, String name) {
        String v = query(ctx, name);
        if (v == null) {
            return null;
        }
        return switch (v) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw HttpError.badRequest("query parameter '" + name + "' must be true or false, got '" + v + "'");
        };
    }

    /** An ISO-8601 instant ({@code 2026-01-31T12:00:00Z}) or a date ({@code 2026-01-31}, midnight UTC). */
    public static Instant queryInstant(Context ctx, String name) {
        String v = query(ctx, name);
        if (v == null) {
            return null;
        }
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw HttpError.badRequest("query parameter '" + name + "' must be a date (2026-01-31) or an instant "
                    + "(2026-01-31T12:00:00Z), got '" + v + "'");
        }
    }

    /** A numeric path parameter; 404 when it is not a number (no such resource). */
    public static long pathLong(Context ctx, String name) {
        String v = ctx.pathParam(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw HttpError.notFound("no such " + name + ": '" + v + "'");
        }
    }

    /** The body as a JSON object, through Javalin's (strict) JSON mapper; 415/413/400 otherwise. */
    public static JsonNode jsonBody(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HttpError(415, "request body must be application/json, got " + (type == null ? "no content type" : type));
        }
        if (ctx.contentLength() > MAX_BODY) {
            throw new HttpError(413, "request body larger than " + MAX_BODY + " bytes");
        }
        JsonNode n;
        try {
            n = ctx.bodyAsClass(JsonNode.class);
        } catch (Exception e) { // Javalin's Kotlin code throws Jackson's checked exceptions unwrapped
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof JsonProcessingException j) {
                    throw HttpError.badRequest("malformed JSON: " + j.getOriginalMessage());
                }
            }
            throw new IllegalStateException("reading the request body failed: " + e.getMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw HttpError.badRequest("request body must be a JSON object");
        }
        return n;
    }

    /** A required text field of a JSON body, 1–{@code max} characters, trimmed. */
    public static String text(JsonNode body, String field, int max) {
        JsonNode n = body.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw HttpError.badRequest("field '" + field + "' is required and must be a non-empty string");
        }
        if (n.asText().length() > max) {
            throw HttpError.badRequest("field '" + field + "' must be at most " + max + " characters");
        }
        return n.asText().trim();
    }

    /** An optional text field: null when absent. */
    public static String optionalText(JsonNode body, String field, int max) {
        return body.has(field) && !body.get(field).isNull() ? text(body, field, max) : null;
    }
}
