package org.sinterscope.routes.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.routes.StationRoutes;

class CameraLossReporterTest {

    @Test
    void aLostStretchIsDecidedAsOneUninspectedInspectionAndAnAlarm() throws Exception {
        List<FrameInspection> decided = new CopyOnWriteArrayList<>();
        List<Object> completeAt = new CopyOnWriteArrayList<>();
        List<String> alarms = new CopyOnWriteArrayList<>();
        try (CamelContext ctx = new DefaultCamelContext()) {
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:decide").process(e -> {
                        decided.add(e.getMessage().getBody(FrameInspection.class));
                        completeAt.add(e.getMessage().getHeader(StationRoutes.FRAME_COMPLETE_AT));
                    });
                    from("direct:alarm").process(e -> alarms.add(e.getMessage().getBody(String.class)));
                }
            });
            ctx.start();
            CameraLossReporter r = new CameraLossReporter(ctx.createProducerTemplate(), "direct:decide", "direct:alarm");
            r.lost("cam1", 10, 13, 32.0, 41.6, "frame ids 10..12 missing");
            r.connection("cam1", false, "no frame for 500 ms");
            r.connection("cam1", true, "reconnected");
            assertThat(decided).hasSize(1);
            FrameInspection fi = decided.get(0);
            assertThat(fi.failed()).isTrue();
            assertThat(fi.cameraId()).isEqualTo("cam1");
            assertThat(fi.sequence()).isEqualTo(10);
            assertThat(fi.yStartMm()).isEqualTo(32.0);
            assertThat(fi.yEndMm()).isEqualTo(41.6);
            assertThat(fi.error()).startsWith("not inspected").contains("10..12");
            assertThat(completeAt.get(0)).isNotNull();
            assertThat(alarms).hasSize(2);
            assertThat(alarms.get(0)).contains("32.0..41.6 mm uninspected");
            assertThat(alarms.get(1)).contains("cam1 lost");
            assertThat(r.lostFrames()).isEqualTo(3);
            assertThat(r.disconnects()).isEqualTo(1);
        }
    }
}
