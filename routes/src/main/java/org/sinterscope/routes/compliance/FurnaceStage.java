package org.sinterscope.routes.compliance;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.RoutesBuilder;
import org.sinterscope.camera.LineEncoder;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.StationStage;
import org.sinterscope.routes.decide.Recipe;
import org.sinterscope.routes.decide.SinteringLimits;
import org.sinterscope.routes.foil.FoilFiles;
import org.sinterscope.routes.reject.ActuatorSpec;

/**
 * The furnace compliance stage of the station: {@link FurnaceRoutes} and its beans, built from the
 * station settings ({@code sinterscope.furnace.*}), the line encoder and the recipe's sintering section.
 *
 * @param inlet parses, places and judges readings
 * @param files the done and quarantine folders of the CSV inbox (and quarantined messages)
 * @param nodes OPC UA nodes to subscribe to
 */
public record FurnaceStage(FurnaceInlet inlet, FoilFiles files, List<OpcUaNode> nodes) implements StationStage {

    public static final String INLET = "furnaceInlet";
    public static final String FILES = "furnaceFiles";

    /** One OPC UA node: its Camel endpoint and what its value is. */
    public record OpcUaNode(String zone, String quantity, String uri) {
    }

    public FurnaceStage {
        Objects.requireNonNull(inlet, "inlet");
        Objects.requireNonNull(files, "files");
        nodes = List.copyOf(nodes);
    }

    /**
     * @throws IllegalArgumentException when the recipe has no sintering section or a setting is wrong
     */
    public static FurnaceStage create(StationSettings s, LineEncoder encoder, Recipe recipe) {
        return create(s, encoder, recipe, List.of());
    }

    /** The stage whose judged stretches also go to {@code sinks} (a store). */
    public static FurnaceStage create(StationSettings s, LineEncoder encoder, Recipe recipe,
                                      List<java.util.function.Consumer<SinterHistory.Record>> sinks) {
        SinteringLimits limits = recipe.sinteringLimits().orElseThrow(() -> new IllegalArgumentException(
                "the furnace stage needs a recipe with a sintering section; recipe '" + recipe.product() + "' has none"));
        Clock clock = Clock.systemUTC();
        EncoderTrail trail = new EncoderTrail(encoder, clock, s.getDouble("sinterscope.furnace.trail-s"));
        FurnaceCompliance fc = new FurnaceCompliance(s.stationId(), FurnaceLayout.parse(s.get("sinterscope.furnace.zones")),
                limits, ActuatorSpec.fromSettings(s), trail, clock, s.getDouble("sinterscope.furnace.bin-mm"),
                s.getDouble("sinterscope.furnace.max-gap-s"), (int) s.getDouble("sinterscope.furnace.keep-records"), sinks);
        return new FurnaceStage(new FurnaceInlet(new FurnaceReadingParser(clock), fc, s.getDouble("sinterscope.furnace.stale-mm")),
                new FoilFiles(Path.of(s.get("sinterscope.furnace.done-dir")), Path.of(s.get("sinterscope.furnace.quarantine-dir")),
                        clock), nodes(s));
    }

    /**
     * {@code sinterscope.furnace.opcua.nodes = z1.tempC=furnace.z1.temp, all.o2Ppm=furnace.o2} (zone.quantity=item,
     * quantity tempC | o2Ppm | dewPointC), subscribed at {@code sinterscope.furnace.opcua.endpoint} in namespace
     * {@code sinterscope.opcua.namespace-index}, signed in as {@code sinterscope.opcua.username}.
     */
    static List<OpcUaNode> nodes(StationSettings s) {
        List<OpcUaNode> out = new ArrayList<>();
        String spec = s.getOrDefault("sinterscope.furnace.opcua.nodes", "");
        String endpoint = s.getOrDefault("sinterscope.furnace.opcua.endpoint", s.getOrDefault("sinterscope.opcua.endpoint",
                "opc.tcp://127.0.0.1:4840/milo"));
        String user = s.getOrDefault("sinterscope.opcua.username", "");
        if (!user.isEmpty()) {
            endpoint = endpoint.replaceFirst("^opc\\.tcp://", "opc.tcp://" + user + ":" + s.getOrDefault("sinterscope.opcua.password", "") + "@");
        }
        String ns = s.getOrDefault("sinterscope.opcua.namespace-index", "2");
        for (String part : spec.split(",")) {
            String t = part.trim();
            if (t.isEmpty()) {
                continue;
            }
            String[] kv = t.split("=", 2);
            String[] zq = kv[0].trim().split("\\.", 2);
            if (kv.length != 2 || zq.length != 2 || !List.of("tempC", "o2Ppm", "dewPointC").contains(zq[1])) {
                throw new IllegalArgumentException("sinterscope.furnace.opcua.nodes entry '" + t
                        + "' must be zone.quantity=item with quantity tempC, o2Ppm or dewPointC");
            }
            out.add(new OpcUaNode(zq[0], zq[1], "milo-client:" + endpoint + "?node=RAW(ns=" + ns + ";s=" + kv[1].trim()
                    + ")&overrideHost=true&allowedSecurityPolicies=None&samplingInterval="
                    + s.getOrDefault("sinterscope.furnace.opcua.sampling-ms", "500")));
        }
        return out;
    }

    public FurnaceCompliance compliance() {
        return inlet.compliance();
    }

    @Override
    public RoutesBuilder routes() {
        return new FurnaceRoutes(nodes);
    }

    @Override
    public Map<String, Object> beans() {
        return Map.of(INLET, inlet, FILES, files);
    }
}
