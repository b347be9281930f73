package org.sinterscope.review.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import org.sinterscope.review.web.auth.Session;

/**
 * One request and its response: path parameters, validated query values, the JSON body, the
 * signed-in session. Every parse failure is an {@link HttpError} 400 naming the parameter.
 */
public final class Ctx {

    /** The app's JSON mapper: ISO-8601 times, no failure on empty beans. */
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final int MAX_BODY = 64 * 1024;

    private final HttpExchange ex;
    private final Map<String, String> pathParams;
    private final Map<String, String> query;
    private final Session session;
    private boolean sent;

    Ctx(HttpExchange ex, Map<String, String> pathParams, Session session) {
        this.ex = ex;
        this.pathParams = pathParams;
        this.query = parseQuery(ex.getRequestURI().getRawQuery());
        this.session = session;
    }

    public HttpExchange exchange() {
        return ex;
    }

    /** The signed-in session (never null on a route that needs a role). */
    public Session session() {
        return session;
    }

    public String path(String name) {
        return pathParams.get(name);
    }

    public long pathLong(String name) {
        String v = pathParams.get(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw HttpError.notFound("no such " + name + ": '" + v + "'");
        }
    }

    public String query(String name) {
        String v = query.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public Double queryDouble(String name, double min, double max) {
        String v = query(name);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (!(d >= min && d <= max)) {
                throw HttpError.badRequest("query parameter '" + name + "' must be in [" + min + ", " + max + "], got " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("query parameter '" + name + "' must be a number, got '" + v + "'");
        }
    }

    public int queryInt(String name, int dflt, int min, int max) {
        String v = query(name);
        if (v == null) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                throw HttpError.badRequest("query parameter '" + name + "' must be in [" + min + ", " + max + "], got " + v);
            }
            return i;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("query parameter '" + name + "' must be a whole number, got '" + v + "'");
        }
    }

    public Boolean queryBool(String name) {
        String v = query(name);
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
    public Instant queryInstant(String name) {
        String v = query(name);
        if (v == null) {
            return null;
        }
        try {
            return v.length() == 10 ? java.time.LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw HttpError.badRequest("query parameter '" + name + "' must be a date (2026-01-31) or an instant "
                    + "(2026-01-31T12:00:00Z), got '" + v + "'");
        }
    }

    /** The body as a JSON object; 400 with the parser's message when it is not one. */
    public JsonNode jsonBody() throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new HttpError(415, "request body must be application/json, got " + (type == null ? "no content type" : type));
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            throw new HttpError(413, "request body larger than " + MAX_BODY + " bytes");
        }
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) {
                throw HttpError.badRequest("request body must be a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("malformed JSON: " + e.getOriginalMessage());
        }
    }

    /** A required text field of a JSON body, 1–{@code max} characters. */
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

    public void json(int status, Object value) throws IOException {
        send(status, "application/json; charset=utf-8", JSON.writeValueAsBytes(value));
    }

    public void send(int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, body.length == 0 || head ? -1 : body.length);
        if (body.length > 0 && !head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        sent = true;
    }

    /** Starts a streamed response (length unknown) and returns its body. */
    public OutputStream stream(int status, String contentType, String fileName) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        if (fileName != null) {
            ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        }
        ex.sendResponseHeaders(status, 0);
        sent = true;
        return ex.getResponseBody();
    }

    public void header(String name, String value) {
        ex.getResponseHeaders().add(name, value);
    }

    boolean sent() {
        return sent;
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                m.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest("malformed query string near '" + pair + "'");
            }
        }
        return m;
    }
}
