package org.sinterscope.routes.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.FrameSource;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.PixelPitch;

class FrameSourceComponentTest {

    @BeforeAll
    static void opencv() {
        OpenCvNative.load();
    }

    /** {@code count} small frames, then (when {@code endless}) blocks in hasNext until stopped. */
    static final class Counting implements FrameSource {
        private final int count;
        private final boolean endless;
        private final CountDownLatch stopped = new CountDownLatch(1);
        private int next;

        Counting(int count, boolean endless) {
            this.count = count;
            this.endless = endless;
        }

        @Override
        public boolean hasNext() {
            if (next < count) {
                return true;
            }
            if (endless) {
                try {
                    stopped.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return false;
        }

        @Override
        public Frame next() {
            if (next >= count) {
                throw new NoSuchElementException();
            }
            return new Frame("cam", next++, Instant.now(), 0, 0, PixelPitch.square(50), new Mat(8, 16, CvType.CV_8UC1, new Scalar(1)));
        }

        @Override
        public void stop() {
            stopped.countDown();
        }

        @Override
        public String describe() {
            return "counting source";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void every_frame_of_the_source_enters_the_route_in_order() throws Exception {
        List<Long> seen = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(5);
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("cam1", new Counting(5, false));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("frames:cam1").routeId("camera-cam1").process(e -> {
                        try (Frame f = e.getMessage().getBody(Frame.class)) {
                            seen.add(f.sequence());
                        }
                        all.countDown();
                    });
                }
            });
            camel.start();
            assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void stopping_the_route_stops_a_source_that_waits_for_its_next_frame() throws Exception {
        Counting source = new Counting(2, true);
        CountDownLatch two = new CountDownLatch(2);
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("cam1", source);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("frames:cam1").routeId("camera-cam1").process(e -> {
                        e.getMessage().getBody(Frame.class).close();
                        two.countDown();
                    });
                }
            });
            camel.start();
            assertThat(two.await(30, TimeUnit.SECONDS)).isTrue();
            camel.getRouteController().stopRoute("camera-cam1", 20, TimeUnit.SECONDS);
            assertThat(source.stopped.getCount()).isZero();
        }
    }

    @Test
    void an_unknown_source_name_is_a_clear_error() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            assertThatThrownBy(() -> camel.getEndpoint("frames:nope")).hasMessageContaining("no FrameSource bound as 'nope'");
        }
    }
}
