package org.sinterscope.launcher;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.LoggerFactory;

/**
 * The log line format, by the setting {@value #KEY} ({@code plain} | {@code json}; also the system
 * property of the same name, read at start). Plain: {@code HH:mm:ss.SSS [thread] LEVEL Logger - message}
 * (logback.xml). JSON: one object per line (a message or stack trace with line breaks stays on its line,
 * escaped):
 *
 * <pre>
 * {"time":"2026-11-30T06:50:00.123Z","level":"INFO","thread":"main","logger":"org.sinterscope.routes.Station",
 *  "message":"...","error":"java.lang.IllegalStateException: ...\n\tat ..."}     (error only with a throwable)
 * </pre>
 * Applies to every appender of the root logger that writes to a stream (the stderr console). Not
 * thread-safe against itself; call it before the station starts.
 */
final class LogFormat {

    static final String KEY = "sinterscope.log.format";

    private LogFormat() {
    }

    /** Switches the log lines to {@code format} ({@code plain} or {@code json}, case-insensitive). */
    static void apply(String format) {
        String f = format == null ? "plain" : format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("plain") && !f.equals("json")) {
            throw new IllegalArgumentException("setting '" + KEY + "' must be plain or json, got '" + format + "'");
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return; // another SLF4J backend (a test's): its own format
        }
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (var it = root.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> a = it.next();
            if (a instanceof OutputStreamAppender<ILoggingEvent> out) {
                Encoder<ILoggingEvent> e = f.equals("json") ? json(ctx) : plain(ctx);
                out.setEncoder(e);
            }
        }
    }

    /** The format named by the system property {@value #KEY}, if it is set. */
    static void applySystemProperty() {
        String p = System.getProperty(KEY);
        if (p != null) {
            apply(p);
        }
    }

    private static Encoder<ILoggingEvent> json(LoggerContext ctx) {
        JsonLineLayout layout = new JsonLineLayout();
        layout.setContext(ctx);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> e = new LayoutWrappingEncoder<>();
        e.setContext(ctx);
        e.setLayout(layout);
        e.setCharset(java.nio.charset.StandardCharsets.UTF_8);
        e.start();
        return e;
    }

    private static Encoder<ILoggingEvent> plain(LoggerContext ctx) {
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(ctx);
        e.setPattern("%d{HH:mm:ss.SSS} [%thread] %-5level %logger{0} - %msg%n");
        e.start();
        return e;
    }

    /** One JSON object per event, ending in a line break. */
    static final class JsonLineLayout extends LayoutBase<ILoggingEvent> {

        private static final ObjectMapper MAPPER = new ObjectMapper();

        @Override
        public String doLayout(ILoggingEvent event) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            m.put("level", event.getLevel().toString());
            m.put("thread", event.getThreadName());
            m.put("logger", event.getLoggerName());
            m.put("message", event.getFormattedMessage());
            IThrowableProxy t = event.getThrowableProxy();
            if (t != null) {
                m.put("error", ThrowableProxyUtil.asString(t));
            }
            try {
                return MAPPER.writeValueAsString(m) + "\n";
            } catch (JsonProcessingException e) {
                return "{\"level\":\"ERROR\",\"message\":\"log event could not be written as JSON: "
                        + e.getOriginalMessage().replaceAll("[\"\\\\\\p{Cntrl}]", "?") + "\"}\n";
            }
        }
    }
}
