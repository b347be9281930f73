package org.sinterscope.review.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinterscope.inspection.SegmentVerdict;
import org.sinterscope.routes.StationStore;
import org.sinterscope.routes.StoreFeedRoutes;
import org.sinterscope.routes.reject.ActuatorEvent;
import org.sinterscope.routes.reject.RejectCommand;

/** The store's feed route: what it takes, and that the store's alarms reach the station's alarm endpoint. */
class StoreFeedTest {

    @TempDir
    Path dir;

    @Test
    void the_feed_files_verdicts_commands_and_outcomes_and_alarms_go_to_the_alarm_endpoint() throws Exception {
        BlockingQueue<String> alarms = new LinkedBlockingQueue<>();
        try (DefectStore store = DefectStore.open(StoreSettings.embedded(dir));
             CamelContext camel = new DefaultCamelContext()) {
            camel.getPropertiesComponent().addInitialProperty("sinterscope.store.uri", "direct:store");
            camel.getPropertiesComponent().addInitialProperty("sinterscope.alarm.uri", "seda:alarms");
            camel.getRegistry().bind(StationStore.BEAN, store);
            camel.addRoutes(new StoreFeedRoutes());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("seda:alarms").process(e -> alarms.add(e.getMessage().getBody(String.class)));
                }
            });
            camel.start();
            store.openRoll(StoreFixtures.roll("roll-feed", "lot", Instant.now()));
            ProducerTemplate t = camel.createProducerTemplate();
            SegmentVerdict v = new SegmentVerdict("cam", 3, 0, 50, List.of(new SegmentVerdict.RejectSpan(10, 20,
                    List.of("pinhole"))), List.of("pinhole"), List.of());
            t.sendBody("direct:store", v);
            RejectCommand c = new RejectCommand("st/cam/3/0/m1", "st", "m1", 10, 20, List.of("pinhole"), List.of("cam/3/0"), 2010,
                    Instant.now(), Instant.now(), 100);
            t.sendBody("direct:store", c);
            t.sendBody("direct:store", new ActuatorEvent(ActuatorEvent.Kind.FIRED, c.id(), 2011, Instant.now(), ""));
            t.sendBody("direct:store", v); // the same frame again: refused by the database, alarmed
            assertThat(store.flush(Duration.ofSeconds(30))).isTrue();

            String alarm = alarms.poll(20, TimeUnit.SECONDS);
            assertThat(alarm).isNotNull().contains("refused");
            Views.Report r = new Analytics(store.queries()).report("roll-feed").orElseThrow();
            assertThat(r.roll().segments()).isEqualTo(1);
            assertThat(r.commandOutcomes()).containsEntry("FIRED", 1L);
            assertThat(r.rejectedMeters()).isEqualTo(0.01);
        }
    }
}
