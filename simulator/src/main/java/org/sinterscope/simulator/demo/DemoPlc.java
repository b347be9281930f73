package org.sinterscope.simulator.demo;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.sinterscope.camera.LineEncoder;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.simulator.plc.MosquittoBroker;
import org.sinterscope.simulator.plc.MqttPlcSimulator;
import org.sinterscope.simulator.plc.OpcUaPlcSimulator;
import org.sinterscope.routes.reject.ActuatorSpec;
import org.sinterscope.simulator.plc.PlcSimulator;

/**
 * The PLC side of a demo run on a networked link: for MQTT, the broker named in
 * {@code sinterscope.mqtt.broker-url} when {@code sinterscope.demo.start-broker=false}, else a
 * Mosquitto process it starts; for OPC UA, a Milo server it starts. In both cases a simulated PLC
 * that follows the run's encoder plays the actuators.
 */
final class DemoPlc implements AutoCloseable {

    private final PlcSimulator core;
    private final Map<String, String> overrides;
    private final AutoCloseable[] parts;

    private DemoPlc(PlcSimulator core, Map<String, String> overrides, AutoCloseable... parts) {
        this.core = core;
        this.overrides = Map.copyOf(overrides);
        this.parts = parts;
    }

    /** Null when every actuator is on the in-process simulator. */
    static DemoPlc startIfNeeded(StationSettings s, LineEncoder encoder, Path workDir) {
        var actuators = ActuatorSpec.fromSettings(s);
        boolean mqtt = actuators.stream().anyMatch(a -> a.link() == ActuatorSpec.Link.MQTT);
        boolean opcua = actuators.stream().anyMatch(a -> a.link() == ActuatorSpec.Link.OPCUA);
        if (mqtt && opcua) {
            throw new IllegalArgumentException("the demo plays one PLC: put every actuator on mqtt, or every one on opcua");
        }
        if (!mqtt && !opcua) {
            return null;
        }
        PlcSimulator core = new PlcSimulator(encoder);
        Map<String, String> o = new HashMap<>();
        if (mqtt) {
            MosquittoBroker broker = null;
            String url = s.get("sinterscope.mqtt.broker-url");
            if (StationSettings.parseBoolean("sinterscope.demo.start-broker", s.getOrDefault("sinterscope.demo.start-broker", "true"))) {
                broker = MosquittoBroker.start(workDir);
                url = broker.url();
                o.put("sinterscope.mqtt.broker-url", url);
            }
            MqttPlcSimulator sim = MqttPlcSimulator.start(url, s.getOrDefault("sinterscope.mqtt.topic-root", "sinterscope"), s.stationId(),
                    core, s.getOrDefault("sinterscope.mqtt.username", ""), s.getOrDefault("sinterscope.mqtt.password", ""));
            return new DemoPlc(core, o, sim, broker);
        }
        int port = MosquittoBroker.freePort();
        OpcUaPlcSimulator sim = OpcUaPlcSimulator.start(port, s.getOrDefault("sinterscope.opcua.node-prefix", "sinterscope"),
                s.stationId(), actuators.stream().map(ActuatorSpec::id).toList(), core, s.get("sinterscope.opcua.username"),
                s.get("sinterscope.opcua.password"));
        o.put("sinterscope.opcua.endpoint", sim.endpoint());
        return new DemoPlc(core, o, sim);
    }

    PlcSimulator core() {
        return core;
    }

    /** Settings the station needs to reach this PLC. */
    Map<String, String> overrides() {
        return overrides;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable p : parts) {
            if (p != null) {
                p.close();
            }
        }
    }
}
