package org.sinterscope.simulator.plc;

import org.sinterscope.routes.actuator.EventCodec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.milo.server.MiloServerComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.sinterscope.routes.journal.JournalCodec;
import org.sinterscope.routes.reject.ActuatorEvent;
import org.sinterscope.simulator.plc.PlcSimulator;
import org.sinterscope.routes.reject.RejectCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PLC with an OPC UA server, simulated: an Eclipse Milo server (through camel-milo, in its own
 * Camel context) with, per actuator, the String nodes {@code ns=2;s=<prefix>.<station>.<actuator>.reject}
 * (the station writes one command, JSON), {@code .ack} and {@code .fired} (the latest
 * {@value #KEEP} events, a JSON array, newest last), and {@code <prefix>.<station>.line.stop}. A
 * {@link PlcSimulator} follows the encoder and fires. User login only ({@code user:password},
 * security policy None).
 */
public final class OpcUaPlcSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaPlcSimulator.class);
    static final int KEEP = 64;

    private final PlcSimulator core;
    private final CamelContext camel;
    private final ProducerTemplate template;
    private final String prefix;
    private final int port;
    private final ScheduledExecutorService ticker;
    private final JournalCodec codec = new JournalCodec();
    private final EventCodec events = new EventCodec();
    private final Map<String, String> actuatorOf = new ConcurrentHashMap<>();
    private final Map<String, Deque<ActuatorEvent>> logs = new HashMap<>();
    private final AtomicLong lineStops = new AtomicLong();

    private OpcUaPlcSimulator(PlcSimulator core, CamelContext camel, String prefix, int port) {
        this.core = core;
        this.camel = camel;
        this.template = camel.createProducerTemplate();
        this.prefix = prefix;
        this.port = port;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "opcua-plc-tick");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the server on 127.0.0.1:{@code port} for the given station's actuators. */
    public static OpcUaPlcSimulator start(int port, String nodePrefix, String stationId, List<String> actuatorIds, PlcSimulator core,
                                          String user, String password) {
        DefaultCamelContext ctx = new DefaultCamelContext();
        ctx.getCamelContextExtension().setName("opcua-plc-sim");
        MiloServerComponent server = new MiloServerComponent();
        server.setPort(port);
        server.setBindAddresses("127.0.0.1");
        server.setPath("milo");
        server.setEnableAnonymousAuthentication(false);
        server.setUserAuthenticationCredentials(user + ":" + password);
        server.setUsernameSecurityPolicyUri(org.eclipse.milo.opcua.stack.core.security.SecurityPolicy.None);
        ctx.addComponent("milo-server", server);
        String p = nodePrefix + "." + stationId + ".";
        OpcUaPlcSimulator sim = new OpcUaPlcSimulator(core, ctx, p, port);
        try {
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (String a : actuatorIds) {
                        from("milo-server:" + p + a + ".reject").routeId("plc-" + a).process(e -> sim.handle(text(e.getMessage().getBody())));
                    }
                    from("milo-server:" + p + "line.stop").routeId("plc-line-stop").process(e -> {
                        sim.lineStops.incrementAndGet();
                        LOG.warn("OPC UA PLC simulator: line stop requested: {}", text(e.getMessage().getBody()));
                    });
                }
            });
            ctx.start();
            for (String a : actuatorIds) {
                sim.logs.put(a + ".ack", new ArrayDeque<>());
                sim.logs.put(a + ".fired", new ArrayDeque<>());
                sim.template.sendBody("milo-server:" + p + a + ".ack", "[]");
                sim.template.sendBody("milo-server:" + p + a + ".fired", "[]");
            }
        } catch (Exception e) {
            ctx.stop();
            throw new IllegalStateException("OPC UA PLC simulator cannot start on port " + port + ": " + e.getMessage(), e);
        }
        core.addListener(sim::publish);
        sim.ticker.scheduleAtFixedRate(core::tick, 0, 5, TimeUnit.MILLISECONDS);
        return sim;
    }

    /** The server's endpoint, without credentials. */
    public String endpoint() {
        return "opc.tcp://127.0.0.1:" + port + "/milo";
    }

    static String text(Object body) {
        Object v = body instanceof DataValue dv ? (dv.getValue() == null ? null : dv.getValue().getValue()) : body;
        return v == null ? "" : v.toString();
    }

    private void handle(String json) {
        RejectCommand c = codec.command(json);
        actuatorOf.put(c.id(), c.actuatorId());
        core.receive(c);
    }

    private void publish(ActuatorEvent e) {
        String actuator = actuatorOf.get(e.commandId());
        if (actuator == null) {
            return;
        }
        String key = actuator + (e.kind() == ActuatorEvent.Kind.FIRED || e.kind() == ActuatorEvent.Kind.PASSED ? ".fired" : ".ack");
        String json;
        synchronized (logs) {
            Deque<ActuatorEvent> log = logs.computeIfAbsent(key, k -> new ArrayDeque<>());
            log.addLast(e);
            while (log.size() > KEEP) {
                log.removeFirst();
            }
            json = events.jsonArray(List.copyOf(log));
        }
        template.sendBody("milo-server:" + prefix + key, json);
    }

    public PlcSimulator core() {
        return core;
    }

    public long lineStops() {
        return lineStops.get();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            template.close();
        } catch (Exception e) {
            LOG.debug("closing the OPC UA PLC simulator's template: {}", e.getMessage());
        }
        camel.stop();
    }
}
