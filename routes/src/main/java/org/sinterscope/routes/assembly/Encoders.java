package org.sinterscope.routes.assembly;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.sinterscope.routes.StationErrorHandling;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.StationStage;

/**
 * The production encoder types.
 *
 * <pre>
 * camera-lines : position = the last delivered line × mm per line (the frames' web position)
 * mqtt         : {{sinterscope.encoder.mqtt-topic}} on {{sinterscope.mqtt.broker-url}}, payload = position in mm
 * opcua        : node ns={{sinterscope.opcua.namespace-index}};s={{sinterscope.encoder.opcua-node}} on the PLC's server
 * </pre>
 */
public final class Encoders {

    public static final String CAMERA_LINES = "camera-lines";
    public static final String MQTT = "mqtt";
    public static final String OPCUA = "opcua";

    private Encoders() {
    }

    /** The built-in factories by type. */
    public static Map<String, EncoderFactory> builtIn() {
        return Map.of(CAMERA_LINES, Encoders::cameraLines, MQTT, s -> fromPlc(mqttUri(s), s), OPCUA, s -> fromPlc(opcuaUri(s), s));
    }

    static StationEncoder cameraLines(StationSettings s) {
        ReportedEncoder e = new ReportedEncoder();
        return new StationEncoder(e, e::frameDelivered, List.of());
    }

    /**
     * An encoder the PLC reports on {@code uri}, watched against the cameras ({@link EncoderWatch}, limit
     * {@code sinterscope.encoder.stuck-ms}): route {@code encoder-watch} alarms when it gets stuck and when it
     * moves again, and {@code /health} is not ready while it is stuck.
     */
    static StationEncoder fromPlc(String uri, StationSettings s) {
        ReportedEncoder e = new ReportedEncoder();
        long stuckMs = s.getInt("sinterscope.encoder.stuck-ms", 2000);
        EncoderWatch watch = new EncoderWatch(e, stuckMs, System::nanoTime);
        StationStage stage = StationStage.routesOnly(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri)
                        .routeId("encoder-in")
                        .routeConfigurationId(StationErrorHandling.ID)
                        .process(x -> x.getMessage().setBody(value(x.getMessage().getBody())))
                        .convertBodyTo(String.class)
                        .bean(e, "report");
                from("timer:encoder-watch?period=" + Math.max(50, stuckMs / 4))
                        .routeId("encoder-watch")
                        .routeConfigurationId(StationErrorHandling.ID)
                        .setBody(method(watch, "tick"))
                        .filter(body().isNotNull())
                        .to("{{sinterscope.alarm.uri}}");
            }
        });
        return new StationEncoder(e, watch::frameSeen, List.of(stage), watch::problem);
    }

    /** An OPC UA node's value (the milo client hands over a DataValue), else the body itself (an MQTT payload). */
    static Object value(Object body) {
        if (body instanceof DataValue dv) {
            return dv.getValue() == null ? null : dv.getValue().getValue();
        }
        return body;
    }

    static String mqttUri(StationSettings s) {
        String topic = s.get("sinterscope.encoder.mqtt-topic");
        StringBuilder b = new StringBuilder("paho-mqtt5:").append(topic).append("?brokerUrl=")
                .append(URLEncoder.encode(s.get("sinterscope.mqtt.broker-url"), StandardCharsets.UTF_8))
                .append("&qos=0&automaticReconnect=true&maxReconnectDelay=1000&connectionTimeout=5&keepAliveInterval=5");
        String user = s.getOrDefault("sinterscope.mqtt.username", "");
        if (!user.isEmpty()) {
            b.append("&userName=RAW(").append(user).append(")&password=RAW(").append(s.getOrDefault("sinterscope.mqtt.password", ""))
                    .append(")");
        }
        return b.toString();
    }

    static String opcuaUri(StationSettings s) {
        String endpoint = s.get("sinterscope.opcua.endpoint");
        String user = s.getOrDefault("sinterscope.opcua.username", "");
        if (!user.isEmpty()) {
            endpoint = endpoint.replaceFirst("^opc\\.tcp://", "opc.tcp://" + user + ":" + s.getOrDefault("sinterscope.opcua.password", "") + "@");
        }
        return "milo-client:" + endpoint + "?node=RAW(ns=" + s.get("sinterscope.opcua.namespace-index") + ";s="
                + s.get("sinterscope.encoder.opcua-node") + ")&overrideHost=true&allowedSecurityPolicies=None&samplingInterval="
                + s.get("sinterscope.opcua.sampling-ms");
    }
}
