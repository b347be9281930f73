package org.sinterscope.routes.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.sinterscope.inspection.FrameInspection;

class StationMetricsTest {

    @Test
    void a_frame_stamped_ahead_of_this_clock_is_counted_as_skew_not_recorded_as_a_latency() {
        StationMetrics m = new StationMetrics();
        m.inspected(FrameInspection.failed("cam-a", 1, Instant.now().minusMillis(40), 0, 51.2, 4.2, "test"));
        m.inspected(FrameInspection.failed("cam-a", 2, Instant.now().plusSeconds(5), 51.2, 102.4, 4.2, "test"));

        assertThat(m.registry().get("sinterscope.frame.latency").tag("camera", "cam-a").timer().count()).isEqualTo(1);
        assertThat(m.registry().get("sinterscope.clock.skew").tag("camera", "cam-a")
                .tag("timer", "sinterscope.frame.latency").counter().count()).isEqualTo(1.0);
        assertThat(m.registry().get("sinterscope.frames.inspected").tag("camera", "cam-a").counter().count()).isEqualTo(2.0);
        assertThat(m.metricsText()).contains("sinterscope_clock_skew_total{camera=\"cam-a\",timer=\"sinterscope.frame.latency\"} 1.0");
    }
}
