package org.sinterscope.routes.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sinterscope.routes.reject.RejectCommand;

/**
 * JSON for reject commands and journal lines: the wire format of the MQTT and OPC UA links and of
 * the journal file. Times are ISO-8601 UTC strings, positions mm.
 *
 * <pre>
 * command: {"id","stationId","actuatorId","y0Mm","y1Mm","causes":[..],"defectIds":[..],"deadlineMm",
 *           "frameCompleteAt","decidedAt","encoderAtDecisionMm"}
 * </pre>
 */
public final class JournalCodec {

    private final ObjectMapper mapper = new ObjectMapper();

    public ObjectMapper mapper() {
        return mapper;
    }

    public ObjectNode commandNode(RejectCommand c) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", c.id());
        n.put("stationId", c.stationId());
        n.put("actuatorId", c.actuatorId());
        n.put("y0Mm", c.y0Mm());
        n.put("y1Mm", c.y1Mm());
        ArrayNode causes = n.putArray("causes");
        c.causes().forEach(causes::add);
        ArrayNode defects = n.putArray("defectIds");
        c.defectIds().forEach(defects::add);
        n.put("deadlineMm", c.deadlineMm());
        n.put("frameCompleteAt", c.frameCompleteAt().toString());
        n.put("decidedAt", c.decidedAt().toString());
        n.put("encoderAtDecisionMm", c.encoderAtDecisionMm());
        return n;
    }

    public String commandJson(RejectCommand c) {
        return commandNode(c).toString();
    }

    /** Parses a command; a missing or malformed field is an {@link IllegalArgumentException} naming it. */
    public RejectCommand command(String json) {
        return command(tree(json));
    }

    public RejectCommand command(JsonNode n) {
        return new RejectCommand(text(n, "id"), text(n, "stationId"), text(n, "actuatorId"), num(n, "y0Mm"), num(n, "y1Mm"),
                strings(n, "causes"), strings(n, "defectIds"), num(n, "deadlineMm"), Instant.parse(text(n, "frameCompleteAt")),
                Instant.parse(text(n, "decidedAt")), num(n, "encoderAtDecisionMm"));
    }

    public String entryJson(JournalEntry e) {
        ObjectNode n = mapper.createObjectNode();
        n.put("at", e.at().toString());
        n.put("run", e.run());
        n.put("commandId", e.commandId());
        n.put("actuatorId", e.actuatorId());
        n.put("outcome", e.outcome().name());
        n.put("encoderMm", e.encoderMm());
        n.put("detail", e.detail());
        if (e.command() != null) {
            n.set("command", commandNode(e.command()));
        }
        return n.toString();
    }

    public JournalEntry entry(String json) {
        JsonNode n = tree(json);
        JsonNode c = n.get("command");
        return new JournalEntry(Instant.parse(text(n, "at")), text(n, "run"), text(n, "commandId"), text(n, "actuatorId"),
                Outcome.valueOf(text(n, "outcome")), num(n, "encoderMm"), n.path("detail").asText(""),
                c == null || c.isNull() ? null : command(c));
    }

    public JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' missing or not text");
        }
        return v.asText();
    }

    static double num(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("field '" + field + "' missing or not a number");
        }
        return v.asDouble();
    }

    private static List<String> strings(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        JsonNode v = n.get(field);
        if (v != null && v.isArray()) {
            v.forEach(x -> out.add(x.asText()));
        }
        return out;
    }
}
