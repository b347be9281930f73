package org.sinterscope.routes.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.FrameSource;
import org.sinterscope.camera.PixelPitch;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.simulator.plc.MosquittoBroker;

/**
 * The encoder read from the PLC ({@code sinterscope.encoder.type = mqtt | opcua}), in a station assembled
 * from settings, against a real Mosquitto broker and a real OPC UA server (Milo, as the OPC UA link
 * tests start it): the station's encoder follows the published position in mm, never goes back, and a
 * message that is not a position leaves it where it was without stopping the route; an encoder that stops
 * moving while the camera delivers frames is alarmed and makes {@code /health} not ready until it moves again.
 */
class PlcEncoderTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private AssembledStation station;
    private CamelContext plc;
    private MosquittoBroker broker;

    @AfterEach
    void stop() throws Exception {
        if (station != null) {
            station.close();
        }
        if (plc != null) {
            plc.stop();
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** A station with one camera that has no frames (the encoder is what is under test). */
    private AssembledStation start(Map<String, String> extra) {
        return start(extra, none());
    }

    private AssembledStation start(Map<String, String> extra, FrameSource source) {
        Map<String, String> m = new HashMap<>();
        m.put("sinterscope.cameras", "cam");
        m.put("sinterscope.camera.cam.type", "none");
        m.put("sinterscope.classifier.bundle", "none");
        m.put("sinterscope.journal.dir", dir.resolve("journal").toString());
        m.putAll(extra);
        station = StationAssembly.assemble(StationSettings.load(null, m), new StationParts().source("none", (c, s, e) -> source));
        station.start();
        return station;
    }

    private static FrameSource none() {
        return new FrameSource() {
            @Override
            public boolean hasNext() {
                return false;
            }

            @Override
            public Frame next() {
                throw new NoSuchElementException("no frames");
            }

            @Override
            public String describe() {
                return "no frames";
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    /** Frames the test hands over one by one; {@link #stop()} ends it. */
    private static final class HandedFrames implements FrameSource {
        private final BlockingQueue<Optional<Frame>> queue = new LinkedBlockingQueue<>();
        private Frame ahead;
        private boolean done;

        void hand(Frame f) {
            queue.add(Optional.of(f));
        }

        @Override
        public synchronized boolean hasNext() {
            if (ahead == null && !done) {
                try {
                    Optional<Frame> f = queue.take();
                    done = f.isEmpty();
                    ahead = f.orElse(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    done = true;
                }
            }
            return ahead != null;
        }

        @Override
        public synchronized Frame next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more frames");
            }
            Frame f = ahead;
            ahead = null;
            return f;
        }

        @Override
        public void stop() {
            queue.add(Optional.empty());
        }

        @Override
        public String describe() {
            return "frames handed over by the test";
        }

        @Override
        public void close() {
            stop();
        }
    }

    private void follows(ProducerTemplate publish, String uri) {
        ReportedEncoder encoder = (ReportedEncoder) station.encoder();
        // the station's subscription is up once a first position comes through
        await().atMost(WAIT).until(() -> {
            publish.sendBody(uri, "1250.5");
            return encoder.positionMm() == 1250.5;
        });
        publish.sendBody(uri, "not a position");
        await().atMost(WAIT).until(() -> station.beans().ledger().alarms().stream()
                .anyMatch(a -> a.contains("encoder-in") && a.contains("'not a position'")));
        assertThat(encoder.positionMm()).as("a message that is not a position moves nothing").isEqualTo(1250.5);
        publish.sendBody(uri, " 3000.25 ");
        await().atMost(WAIT).until(() -> encoder.positionMm() == 3000.25);
        long reports = encoder.reports();
        publish.sendBody(uri, "2000");
        await().atMost(WAIT).until(() -> encoder.reports() > reports);
        assertThat(encoder.positionMm()).as("an older (smaller) position is ignored").isEqualTo(3000.25);
        publish.sendBody(uri, "3500");
        await().atMost(WAIT).until(() -> encoder.positionMm() == 3500.0);
        assertThat(station.station().context().getRouteController().getRouteStatus("encoder-in").isStarted())
                .as("the encoder route runs on after a bad message").isTrue();
        assertThat(station.metrics().health().checks().get("routes")).isEqualTo("ok");
    }

    @Test
    void mqtt_encoder_follows_the_topic_on_a_real_broker() throws Exception {
        assumeTrue(MosquittoBroker.available(), MosquittoBroker.BINARY + " is absent: install the Debian package mosquitto "
                + "(.ci/install-test-deps does)");
        broker = MosquittoBroker.start(dir.resolve("broker"));
        start(Map.of("sinterscope.encoder.type", "mqtt", "sinterscope.mqtt.broker-url", broker.url(),
                "sinterscope.encoder.mqtt-topic", "line-7/encoder-mm"));
        plc = new DefaultCamelContext();
        plc.start();
        follows(plc.createProducerTemplate(), "paho-mqtt5:line-7/encoder-mm?brokerUrl=" + broker.url() + "&qos=1");
    }

    @Test
    void mqtt_encoder_that_stops_moving_while_frames_arrive_is_alarmed_and_makes_the_station_not_ready() throws Exception {
        assumeTrue(MosquittoBroker.available(), MosquittoBroker.BINARY + " is absent: install the Debian package mosquitto "
                + "(.ci/install-test-deps does)");
        broker = MosquittoBroker.start(dir.resolve("broker"));
        HandedFrames camera = new HandedFrames();
        start(Map.of("sinterscope.encoder.type", "mqtt", "sinterscope.mqtt.broker-url", broker.url(),
                "sinterscope.encoder.mqtt-topic", "line-7/encoder-mm", "sinterscope.encoder.stuck-ms", "300"), camera);
        plc = new DefaultCamelContext();
        plc.start();
        ProducerTemplate publish = plc.createProducerTemplate();
        String uri = "paho-mqtt5:line-7/encoder-mm?brokerUrl=" + broker.url() + "&qos=1";
        ReportedEncoder encoder = (ReportedEncoder) station.encoder();
        await().atMost(WAIT).until(() -> {
            publish.sendBody(uri, "100");
            return encoder.positionMm() == 100.0;
        });
        assertThat(station.metrics().health().checks().get("encoder")).isEqualTo("ok");
        // the web moves on (the camera delivers frames), the PLC publishes nothing more
        org.sinterscope.camera.OpenCvNative.load();
        for (int i = 0; i < 2; i++) {
            camera.hand(new Frame("cam", i, java.time.Instant.now(), 100 + i * 51.2, 0, PixelPitch.square(50),
                    new Mat(1024, 256, CvType.CV_8UC1, new Scalar(128))));
        }
        await().atMost(WAIT).until(() -> !station.metrics().health().ready());
        assertThat(station.metrics().health().checks().get("encoder")).contains("encoder stuck", "100.0 mm", "2 frames");
        await().atMost(WAIT).until(() -> station.beans().ledger().alarms().stream().anyMatch(a -> a.contains("encoder stuck")));
        publish.sendBody(uri, "202.4");
        await().atMost(WAIT).until(() -> "ok".equals(station.metrics().health().checks().get("encoder")));
        await().atMost(WAIT).until(() -> station.beans().ledger().alarms().stream()
                .anyMatch(a -> a.contains("encoder moving again at 202.4 mm")));
        camera.stop();
    }

    @Test
    void opcua_encoder_follows_the_node_of_a_real_server() throws Exception {
        int port = MosquittoBroker.freePort();
        plc = org.sinterscope.simulator.plc.MiloTestServer.start(port);
        ProducerTemplate publish = plc.createProducerTemplate();
        publish.sendBody("milo-server:line-7.encoder-mm", "0");
        start(Map.of("sinterscope.encoder.type", "opcua", "sinterscope.encoder.opcua-node", "line-7.encoder-mm",
                "sinterscope.opcua.endpoint", "opc.tcp://127.0.0.1:" + port + "/milo", "sinterscope.opcua.username", "station",
                "sinterscope.opcua.password", "secret"));
        follows(publish, "milo-server:line-7.encoder-mm");
    }
}
