package org.sinterscope.routes.store;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.SegmentVerdict;
import org.sinterscope.routes.reject.ActuatorEvent;
import org.sinterscope.routes.reject.RejectCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the defect store from the line.
 *
 * <pre>
 * store-feed : {{sinterscope.store.uri}} → the store's bounded buffer (never blocks unless it is full)
 *              body SegmentVerdict (with the frame's inspection in property {@value #INSPECTION}),
 *              RejectCommand, ActuatorEvent, FoilReading
 * </pre>
 *
 * The store is the bean {@value #STORE}; without it (store switched off) the feed drops what it
 * gets. A record the store cannot take is an alarm, never a failure of the line.
 */
public final class StoreRoutes extends RouteBuilder {

    /** Registry name of the {@link DefectStore}. */
    public static final String STORE = "defectStore";
    /** Exchange property with the frame's {@link FrameInspection}, set by the decide route. */
    public static final String INSPECTION = "SinterscopeInspection";

    private static final Logger LOG = LoggerFactory.getLogger(StoreRoutes.class);

    private ProducerTemplate alarms;

    @Override
    public void configure() {
        DefectStore store = getContext().getRegistry().lookupByNameAndType(STORE, DefectStore.class);
        if (store != null) {
            String alarmUri = getContext().resolvePropertyPlaceholders("{{sinterscope.alarm.uri}}");
            store.onAlarm(msg -> alarm(alarmUri, msg));
        }
        from("{{sinterscope.store.uri}}")
                .routeId("store-feed")
                .process(e -> feed(store, e));
    }

    private static void feed(DefectStore store, Exchange e) {
        if (store == null) {
            return;
        }
        Object body = e.getMessage().getBody();
        try {
            if (body instanceof SegmentVerdict v) {
                store.saveSegment(e.getProperty(INSPECTION, FrameInspection.class), v);
            } else if (body instanceof RejectCommand c) {
                store.saveCommand(c);
            } else if (body instanceof ActuatorEvent a) {
                store.saveActuatorEvent(a);
            } else if (body instanceof FoilReading f) {
                store.saveFoilReading(f);
            } else {
                LOG.warn("store feed got a {} it does not store", body == null ? "null body" : body.getClass().getName());
            }
        } catch (RuntimeException ex) {
            LOG.error("defect store did not take a {}: {}", body.getClass().getSimpleName(), ex.getMessage());
        }
    }

    private synchronized void alarm(String uri, String msg) {
        try {
            if (alarms == null) {
                alarms = getContext().createProducerTemplate();
            }
            alarms.sendBody(uri, msg);
        } catch (RuntimeException e) {
            LOG.warn("store alarm (the station's alarm endpoint is not reachable: {}): {}", e.getMessage(), msg);
        }
    }
}
