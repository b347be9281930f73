package org.sinterscope.launcher;

import java.io.IOException;
import java.io.PrintWriter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Writes the one JSON document a {@code --json} command prints on stdout. A value that is not a finite
 * number (an undefined parameter, a fit that did not converge) is written as {@code null}: JSON has no
 * NaN or infinity, and a quoted {@code "NaN"} would be a string where readers expect a number.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .findAndRegisterModules()
            .registerModule(new SimpleModule("non-finite-as-null")
                    .addSerializer(Double.class, new FiniteNumber<>())
                    .addSerializer(Double.TYPE, new FiniteNumber<>())
                    .addSerializer(Float.class, new FiniteNumber<>())
                    .addSerializer(Float.TYPE, new FiniteNumber<>()));

    /** A double or a float, or null when it is NaN or infinite. */
    private static final class FiniteNumber<N extends Number> extends JsonSerializer<N> {
        @Override
        public void serialize(N v, JsonGenerator g, SerializerProvider p) throws IOException {
            if (!Double.isFinite(v.doubleValue())) {
                g.writeNull();
            } else if (v instanceof Float f) {
                g.writeNumber(f);
            } else {
                g.writeNumber(v.doubleValue());
            }
        }
    }

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static void print(PrintWriter out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
