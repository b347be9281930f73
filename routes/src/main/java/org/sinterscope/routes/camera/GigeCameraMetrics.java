package org.sinterscope.routes.camera;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.sinterscope.camera.gige.GigeCamera;

/**
 * A GigE camera's stream counters as meters, tagged with the camera id:
 * {@code sinterscope.camera.buffers{status=completed|failed|underrun}},
 * {@code sinterscope.camera.packets{kind=resent|missing}}, {@code sinterscope.camera.frames.lost},
 * {@code sinterscope.camera.timeouts}, {@code sinterscope.camera.reconnects} and the gauge
 * {@code sinterscope.camera.connected} (1 or 0).
 */
public final class GigeCameraMetrics {

    private GigeCameraMetrics() {
    }

    public static void bind(MeterRegistry registry, GigeCamera camera) {
        String id = camera.settings().cameraId();
        Map<String, ToDoubleFunction<GigeCamera>> buffers = new LinkedHashMap<>();
        buffers.put("completed", c -> c.stats().completed());
        buffers.put("failed", c -> c.stats().failed());
        buffers.put("underrun", c -> c.stats().underrun());
        buffers.forEach((status, f) -> FunctionCounter.builder("sinterscope.camera.buffers", camera, f).tag("camera", id)
                .tag("status", status).description("stream buffers by status (Aravis stream statistics)").register(registry));
        FunctionCounter.builder("sinterscope.camera.packets", camera, c -> c.stats().resentPackets()).tag("camera", id)
                .tag("kind", "resent").description("GigE stream packets").register(registry);
        FunctionCounter.builder("sinterscope.camera.packets", camera, c -> c.stats().missingPackets()).tag("camera", id)
                .tag("kind", "missing").description("GigE stream packets").register(registry);
        FunctionCounter.builder("sinterscope.camera.frames.lost", camera, c -> c.stats().framesLost()).tag("camera", id)
                .description("frames lost (frame id gaps, outages): their web stretch is uninspected").register(registry);
        FunctionCounter.builder("sinterscope.camera.timeouts", camera, c -> c.stats().timeouts()).tag("camera", id)
                .description("frame waits that timed out").register(registry);
        FunctionCounter.builder("sinterscope.camera.reconnects", camera, c -> c.stats().reconnects()).tag("camera", id)
                .description("reconnects after the camera went away").register(registry);
        Gauge.builder("sinterscope.camera.connected", camera, c -> c.stats().connected() ? 1 : 0).tag("camera", id)
                .description("1 while the camera streams").register(registry);
    }
}
