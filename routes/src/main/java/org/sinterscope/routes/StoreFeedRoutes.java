package org.sinterscope.routes;

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
 * The station's store endpoint.
 *
 * <pre>
 * store-feed : {{sinterscope.store.uri}} → the bound {@link StationStore} (never blocks unless its buffer is full)
 *              body SegmentVerdict (with the frame's inspection in property {@value StationRoutes#INSPECTION}),
 *              RejectCommand, ActuatorEvent
 * </pre>
 *
 * The store is the bean {@value StationStore#BEAN}; without it (store switched off) the feed drops
 * what it gets. A record the store cannot take is an alarm, never a failure of the line.
 */
public final class StoreFeedRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFeedRoutes.class);

    private ProducerTemplate alarms;

    @Override
    public void configure() {
        StationStore store = getContext().getRegistry().lookupByNameAndType(StationStore.BEAN, StationStore.class);
        if (store != null) {
            String alarmUri = getContext().resolvePropertyPlaceholders("{{sinterscope.alarm.uri}}");
            store.onAlarm(msg -> alarm(alarmUri, msg));
        }
        from("{{sinterscope.store.uri}}")
                .routeId("store-feed")
                .process(e -> feed(store, e));
    }

    private static void feed(StationStore store, Exchange e) {
        if (store == null) {
            return;
        }
        Object body = e.getMessage().getBody();
        try {
            if (body instanceof SegmentVerdict v) {
                store.saveSegment(e.getProperty(StationRoutes.INSPECTION, FrameInspection.class), v);
            } else if (body instanceof RejectCommand c) {
                store.saveCommand(c);
            } else if (body instanceof ActuatorEvent a) {
                store.saveActuatorEvent(a);
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
