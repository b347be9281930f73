package org.sinterscope.routes.actuator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.reject.ActuatorSpec;

/**
 * The Camel endpoints of each link, from the station's settings. The topic layout and node ids are
 * the contract with the PLC programmer (docs/actuation.md):
 *
 * <pre>
 * MQTT (QoS 1, JSON):  &lt;root&gt;/&lt;station&gt;/&lt;actuator&gt;/reject   station → PLC, one command
 *                      &lt;root&gt;/&lt;station&gt;/&lt;actuator&gt;/ack      PLC → station, one event RECEIVED|LATE|DUPLICATE
 *                      &lt;root&gt;/&lt;station&gt;/&lt;actuator&gt;/fired    PLC → station, one event FIRED
 *                      &lt;root&gt;/&lt;station&gt;/line/stop             station → PLC, a line-stop request
 * OPC UA (String):     ns=&lt;ns&gt;;s=&lt;prefix&gt;.&lt;station&gt;.&lt;actuator&gt;.reject   written by the station, one command
 *                      ns=&lt;ns&gt;;s=&lt;prefix&gt;.&lt;station&gt;.&lt;actuator&gt;.ack      the PLC's latest acks, a JSON array
 *                      ns=&lt;ns&gt;;s=&lt;prefix&gt;.&lt;station&gt;.&lt;actuator&gt;.fired    the PLC's latest fired events, a JSON array
 *                      ns=&lt;ns&gt;;s=&lt;prefix&gt;.&lt;station&gt;.line.stop
 * </pre>
 */
public final class ActuatorLinks {

    private final StationSettings s;
    private final String station;

    public ActuatorLinks(StationSettings settings) {
        this.s = settings;
        this.station = settings.stationId();
    }

    public String mqttTopicRoot() {
        return s.getOrDefault("sinterscope.mqtt.topic-root", "sinterscope");
    }

    public static String mqttTopic(String root, String station, String actuator, String leaf) {
        return root + "/" + station + "/" + actuator + "/" + leaf;
    }

    public static String opcuaItem(String prefix, String station, String actuator, String leaf) {
        return prefix + "." + station + "." + actuator + "." + leaf;
    }

    public String opcuaPrefix() {
        return s.getOrDefault("sinterscope.opcua.node-prefix", "sinterscope");
    }

    /** Actuator id → the endpoint its commands are sent to. */
    public Map<String, String> sendUris(List<ActuatorSpec> actuators) {
        Map<String, String> m = new LinkedHashMap<>();
        for (ActuatorSpec a : actuators) {
            m.put(a.id(), !a.uri().isEmpty() ? a.uri() : switch (a.link()) {
                case PLC_SIM -> "direct:plc-sim";
                case MQTT -> mqtt(mqttTopic(mqttTopicRoot(), station, a.id(), "reject"), true);
                case OPCUA -> opcua(opcuaItem(opcuaPrefix(), station, a.id(), "reject"), "&defaultAwaitWrites=true");
            });
        }
        return m;
    }

    /** Endpoints the station listens on for the PLC's acknowledgements and fired reports. */
    public List<String> ackUris(List<ActuatorSpec> actuators) {
        List<String> out = new ArrayList<>();
        if (actuators.stream().anyMatch(a -> a.link() == ActuatorSpec.Link.MQTT)) {
            out.add(mqtt(mqttTopicRoot() + "/" + station + "/+/ack", false));
            out.add(mqtt(mqttTopicRoot() + "/" + station + "/+/fired", false));
        }
        String sampling = "&samplingInterval=" + s.getOrDefault("sinterscope.opcua.sampling-ms", "100");
        for (ActuatorSpec a : actuators) {
            if (a.link() == ActuatorSpec.Link.OPCUA) {
                out.add(opcua(opcuaItem(opcuaPrefix(), station, a.id(), "ack"), sampling));
                out.add(opcua(opcuaItem(opcuaPrefix(), station, a.id(), "fired"), sampling));
            }
        }
        return out;
    }

    /** Where a line-stop request goes: {@code sinterscope.line-stop.uri}, else the first networked link's line/stop. */
    public String lineStopUri(List<ActuatorSpec> actuators) {
        String explicit = s.getOrDefault("sinterscope.line-stop.uri", "");
        if (!explicit.isEmpty()) {
            return explicit;
        }
        for (ActuatorSpec a : actuators) {
            if (a.link() == ActuatorSpec.Link.MQTT) {
                return mqtt(mqttTopicRoot() + "/" + station + "/line/stop", true);
            }
            if (a.link() == ActuatorSpec.Link.OPCUA) {
                return opcua(opcuaPrefix() + "." + station + ".line.stop", "&defaultAwaitWrites=true");
            }
        }
        return "log:org.sinterscope.linestop?level=ERROR&showExchangePattern=false&showBodyType=false";
    }

    /**
     * A Paho MQTT 5 endpoint with a persistent session: a fixed client id per endpoint
     * ({@link #mqttClientId}), {@code cleanStart=false} and a session expiry of
     * {@code sinterscope.mqtt.session-expiry-s}, so the broker keeps the subscriptions and queues the
     * PLC's QoS 1 reports while the station is away or reconnecting (given a broker with persistence,
     * a broker restart loses neither).
     */
    private String mqtt(String topic, boolean producer) {
        StringBuilder b = new StringBuilder("paho-mqtt5:").append(topic).append("?brokerUrl=")
                .append(enc(s.getOrDefault("sinterscope.mqtt.broker-url", "tcp://127.0.0.1:1883")))
                .append("&qos=1&automaticReconnect=true&maxReconnectDelay=1000&connectionTimeout=5&keepAliveInterval=5")
                .append("&cleanStart=false&sessionExpiryInterval=").append(sessionExpirySeconds())
                .append("&clientId=").append(enc(mqttClientId(station, topic, producer)));
        if (producer) {
            b.append("&lazyStartProducer=true");
        }
        String user = s.getOrDefault("sinterscope.mqtt.username", "");
        if (!user.isEmpty()) {
            b.append("&userName=RAW(").append(user).append(")&password=RAW(").append(s.getOrDefault("sinterscope.mqtt.password", ""))
                    .append(")");
        }
        return b.toString();
    }

    /** {@code sinterscope.mqtt.session-expiry-s}: how long the broker keeps a disconnected client's session. */
    public long sessionExpirySeconds() {
        String v = s.getOrDefault("sinterscope.mqtt.session-expiry-s", "3600");
        try {
            long sec = Long.parseLong(v.trim());
            if (sec < 0) {
                throw new NumberFormatException();
            }
            return sec;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("station setting 'sinterscope.mqtt.session-expiry-s' must be a whole number of s >= 0, got '"
                    + v + "'", e);
        }
    }

    /**
     * The station's MQTT client id for one endpoint: {@code sinterscope-<station>-<topic with / as ->-pub|sub},
     * fixed so that a reconnecting (or restarted) station resumes its session on the broker.
     */
    public static String mqttClientId(String station, String topic, boolean producer) {
        return "sinterscope-" + station + "-" + topic.replace('/', '-').replace("+", "all") + (producer ? "-pub" : "-sub");
    }

    private String opcua(String item, String extra) {
        String endpoint = s.getOrDefault("sinterscope.opcua.endpoint", "opc.tcp://127.0.0.1:4840/milo");
        String user = s.getOrDefault("sinterscope.opcua.username", "");
        if (!user.isEmpty()) {
            endpoint = endpoint.replaceFirst("^opc\\.tcp://", "opc.tcp://" + user + ":" + s.getOrDefault("sinterscope.opcua.password", "") + "@");
        }
        String ns = s.getOrDefault("sinterscope.opcua.namespace-index", "2");
        return "milo-client:" + endpoint + "?node=RAW(ns=" + ns + ";s=" + item + ")&overrideHost=true"
                + "&allowedSecurityPolicies=None&requestTimeout=" + s.getOrDefault("sinterscope.opcua.request-timeout-ms", "2000") + extra;
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
