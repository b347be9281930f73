package org.sinterscope.routes.actuator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sinterscope.routes.journal.JournalCodec;
import org.sinterscope.routes.reject.ActuatorEvent;

/**
 * JSON of what the PLC reports: one event
 * {@code {"kind":"RECEIVED|LATE|DUPLICATE|FIRED","commandId":..,"encoderMm":..,"at":"ISO-8601","detail":..}},
 * or an array of them (the OPC UA ack and fired nodes hold the latest ones as an array).
 */
public final class EventCodec {

    private final JournalCodec json = new JournalCodec();

    public ObjectNode node(ActuatorEvent e) {
        ObjectNode n = json.mapper().createObjectNode();
        n.put("kind", e.kind().name());
        n.put("commandId", e.commandId());
        n.put("encoderMm", e.encoderMm());
        n.put("at", e.at().toString());
        n.put("detail", e.detail());
        return n;
    }

    public String json(ActuatorEvent e) {
        return node(e).toString();
    }

    public String jsonArray(List<ActuatorEvent> events) {
        ArrayNode a = json.mapper().createArrayNode();
        events.forEach(e -> a.add(node(e)));
        return a.toString();
    }

    /** One event or an array of them. */
    public List<ActuatorEvent> events(String text) {
        JsonNode n = json.tree(text);
        List<ActuatorEvent> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(x -> out.add(event(x)));
        } else {
            out.add(event(n));
        }
        return out;
    }

    private static ActuatorEvent event(JsonNode n) {
        JsonNode kind = n.get("kind");
        JsonNode id = n.get("commandId");
        if (kind == null || id == null) {
            throw new IllegalArgumentException("PLC event without 'kind' or 'commandId': " + n);
        }
        return new ActuatorEvent(ActuatorEvent.Kind.valueOf(kind.asText()), id.asText(), n.path("encoderMm").asDouble(Double.NaN),
                n.hasNonNull("at") ? Instant.parse(n.get("at").asText()) : Instant.now(), n.path("detail").asText(""));
    }
}
