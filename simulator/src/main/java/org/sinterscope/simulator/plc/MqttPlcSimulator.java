package org.sinterscope.simulator.plc;

import org.sinterscope.routes.actuator.EventCodec;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.mqttv5.client.DisconnectedBufferOptions;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.sinterscope.routes.journal.JournalCodec;
import org.sinterscope.routes.reject.ActuatorEvent;
import org.sinterscope.simulator.plc.PlcSimulator;
import org.sinterscope.routes.reject.RejectCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PLC on the MQTT link, simulated: subscribes to {@code <root>/<station>/+/reject} (QoS 1),
 * hands each command to a {@link PlcSimulator} that follows the encoder and fires, and publishes
 * what it does on {@code .../ack} and {@code .../fired} (QoS 1; a passed-not-fired report goes to
 * {@code fired}). Configured as a real PLC should be: a fixed client id and a persistent session
 * ({@code cleanStart=false}, session expiry {@value #SESSION_EXPIRY_S} s), so commands published
 * while it reconnects are queued by the broker. While the broker is away it buffers its reports and
 * reconnects every second at most; it subscribes again on reconnect.
 * Also counts line-stop requests on {@code <root>/<station>/line/stop}.
 */
public final class MqttPlcSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttPlcSimulator.class);
    /** How long the broker keeps the PLC's session (subscriptions, queued commands) while it is disconnected, s. */
    public static final long SESSION_EXPIRY_S = 3600;

    private final PlcSimulator core;
    private final String prefix;
    private final MqttAsyncClient client;
    private final ScheduledExecutorService ticker;
    private final JournalCodec codec = new JournalCodec();
    private final EventCodec events = new EventCodec();
    private final Map<String, String> actuatorOf = new ConcurrentHashMap<>();
    private final AtomicLong lineStops = new AtomicLong();
    private final AtomicLong badMessages = new AtomicLong();

    private MqttPlcSimulator(PlcSimulator core, String prefix, MqttAsyncClient client) {
        this.core = core;
        this.prefix = prefix;
        this.client = client;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mqtt-plc-tick");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects to {@code brokerUrl} and starts playing the PLC of {@code stationId}.
     *
     * @param userName empty for anonymous
     */
    public static MqttPlcSimulator start(String brokerUrl, String topicRoot, String stationId, PlcSimulator core, String userName,
                                         String password) {
        try {
            // a fixed client id, as a PLC is configured: a reconnect resumes the same session
            MqttAsyncClient c = new MqttAsyncClient(brokerUrl, "sinterscope-plc-" + stationId, new MemoryPersistence());
            MqttPlcSimulator sim = new MqttPlcSimulator(core, topicRoot + "/" + stationId + "/", c);
            DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
            buffer.setBufferEnabled(true);
            buffer.setBufferSize(100_000);
            buffer.setPersistBuffer(false);
            buffer.setDeleteOldestMessages(false);
            c.setBufferOpts(buffer);
            c.setCallback(sim.callback());
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setAutomaticReconnect(true);
            o.setAutomaticReconnectDelay(100, 1000);
            // a persistent session: the broker keeps the subscriptions and queues commands while the PLC is away
            o.setCleanStart(false);
            o.setSessionExpiryInterval(SESSION_EXPIRY_S);
            o.setKeepAliveInterval(5);
            o.setConnectionTimeout(5);
            if (!userName.isEmpty()) {
                o.setUserName(userName);
                o.setPassword(password.getBytes(StandardCharsets.UTF_8));
            }
            c.connect(o).waitForCompletion(10_000);
            sim.subscribe();
            core.addListener(sim::publish);
            sim.ticker.scheduleAtFixedRate(core::tick, 0, 5, TimeUnit.MILLISECONDS);
            return sim;
        } catch (MqttException e) {
            throw new IllegalStateException("MQTT PLC simulator cannot connect to " + brokerUrl + ": " + e.getMessage(), e);
        }
    }

    private void subscribe() throws MqttException {
        client.subscribe(new String[] {prefix + "+/reject", prefix + "line/stop"}, new int[] {1, 1}).waitForCompletion(10_000);
    }

    private MqttCallback callback() {
        return new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse r) {
                LOG.info("MQTT PLC simulator lost the broker: {}", r.getReasonString());
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
                LOG.warn("MQTT PLC simulator: {}", e.getMessage());
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                handle(topic, new String(m.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
                // QoS 1 reports: nothing to do
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                if (reconnect) {
                    // the session is kept, but a broker that lost it (no persistence, expiry) has no subscriptions:
                    // subscribing again is harmless; a blocking wait would stall Paho's callback thread
                    try {
                        client.subscribe(new String[] {prefix + "+/reject", prefix + "line/stop"}, new int[] {1, 1});
                    } catch (MqttException e) {
                        LOG.warn("MQTT PLC simulator cannot subscribe again: {}", e.getMessage());
                    }
                }
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
                // no enhanced authentication
            }
        };
    }

    private void handle(String topic, String payload) {
        if (topic.endsWith("/line/stop")) {
            lineStops.incrementAndGet();
            LOG.warn("MQTT PLC simulator: line stop requested: {}", payload);
            return;
        }
        try {
            RejectCommand c = codec.command(payload);
            actuatorOf.put(c.id(), c.actuatorId());
            core.receive(c);
        } catch (RuntimeException e) {
            badMessages.incrementAndGet();
            LOG.warn("MQTT PLC simulator: unreadable command on {}: {}", topic, e.getMessage());
        }
    }

    private void publish(ActuatorEvent e) {
        String actuator = actuatorOf.get(e.commandId());
        if (actuator == null) {
            return;
        }
        String leaf = e.kind() == ActuatorEvent.Kind.FIRED || e.kind() == ActuatorEvent.Kind.PASSED ? "fired" : "ack";
        try {
            MqttMessage m = new MqttMessage(events.json(e).getBytes(StandardCharsets.UTF_8));
            m.setQos(1);
            client.publish(prefix + actuator + "/" + leaf, m);
        } catch (MqttException ex) {
            LOG.warn("MQTT PLC simulator cannot report {} of {}: {}", e.kind(), e.commandId(), ex.getMessage());
        }
    }

    public PlcSimulator core() {
        return core;
    }

    public long lineStops() {
        return lineStops.get();
    }

    public long badMessages() {
        return badMessages.get();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2_000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("closing the MQTT PLC simulator: {}", e.getMessage());
        }
    }
}
