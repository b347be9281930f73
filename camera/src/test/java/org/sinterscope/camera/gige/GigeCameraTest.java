package org.sinterscope.camera.gige;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.OpenCvNative;

/** Against Aravis' fake GigE Vision camera on 127.0.0.1, started per test. */
class GigeCameraTest {

    private FakeGigeCamera fake;

    @BeforeAll
    static void opencv() {
        OpenCvNative.load();
    }

    @AfterEach
    void stopFake() throws InterruptedException {
        if (fake != null) {
            fake.close();
        }
    }

    private GigeSettings settings(String device, Map<String, String> extra) {
        Map<String, String> keys = new java.util.LinkedHashMap<>(extra);
        keys.put("device", device);
        return GigeSettings.fromKeys("cam1", keys, 25.0, 0.0);
    }

    @Test
    void listFindsTheFakeCameraWithSerialAndAddress() throws Exception {
        FakeGigeCamera.assumeInstalled();
        fake = new FakeGigeCamera().start();
        assertThat(GigeDevices.list()).anySatisfy(d -> {
            assertThat(d.serial()).isEqualTo(fake.serial());
            assertThat(d.id()).isEqualTo(fake.deviceId());
            assertThat(d.address()).isEqualTo("127.0.0.1");
        });
        assertThat(GigeDevices.resolve(fake.serial())).isEqualTo(fake.deviceId());
    }

    @Test
    void grabsFramesOfTheConfiguredSizeWithIncreasingIdsAndYFromTheLineCounter() throws Exception {
        FakeGigeCamera.assumeInstalled();
        fake = new FakeGigeCamera().start();
        GigeSettings s = settings(fake.serial(), Map.of("width", "640", "height", "128", "feature.AcquisitionFrameRate", "50"));
        List<Long> ids = new ArrayList<>();
        try (GigeCamera cam = new GigeCamera(s, null, null)) {
            for (int i = 0; i < 20; i++) {
                try (Frame f = cam.next()) {
                    assertThat(f.widthPx()).isEqualTo(640);
                    assertThat(f.heightPx()).isEqualTo(128);
                    assertThat(f.image().type()).isEqualTo(CvType.CV_8UC1);
                    assertThat(f.cameraId()).isEqualTo("cam1");
                    assertThat(f.yStartMm()).isEqualTo(f.sequence() * 128 * 0.025, org.assertj.core.data.Offset.offset(1e-9));
                    assertThat(cam.lastMeta().hostTimestampNs()).isPositive();
                    assertThat(f.deviceTimestampNs()).isEqualTo(cam.lastMeta().deviceTimestampNs()).isNotNegative();
                    ids.add(cam.lastMeta().frameId());
                }
            }
            assertThat(cam.stats().delivered()).isEqualTo(20);
            assertThat(cam.stats().completed()).isGreaterThanOrEqualTo(20);
        }
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i)).isGreaterThan(ids.get(i - 1));
        }
    }

    @Test
    void mono16GivesSixteenBitFrames() throws Exception {
        FakeGigeCamera.assumeInstalled();
        fake = new FakeGigeCamera().start();
        try (GigeCamera cam = new GigeCamera(settings(fake.deviceId(), Map.of("pixel-format", "Mono16", "width", "256", "height", "64")), null, null);
             Frame f = cam.next()) {
            assertThat(f.image().type()).isEqualTo(CvType.CV_16UC1);
            assertThat(f.widthPx()).isEqualTo(256);
            assertThat(f.heightPx()).isEqualTo(64);
        }
    }

    @Test
    void anUnknownFeatureIsRefusedWithItsName() throws Exception {
        FakeGigeCamera.assumeInstalled();
        fake = new FakeGigeCamera().start();
        assertThatThrownBy(() -> new GigeCamera(settings(fake.serial(), Map.of("feature.NoSuchFeature", "1")), null, null))
                .isInstanceOf(GigeException.class).hasMessageContaining("NoSuchFeature");
    }

    @Test
    void cameraKilledMidRunRaisesTheAlarmReportsTheMissedStretchAndResumesWhenItComesBack() throws Exception {
        FakeGigeCamera.assumeInstalled();
        fake = new FakeGigeCamera().start();
        List<String> events = new CopyOnWriteArrayList<>();
        List<double[]> lost = new CopyOnWriteArrayList<>();
        GigeCamera.LossListener listener = new GigeCamera.LossListener() {
            @Override
            public void lost(String cameraId, long from, long to, double y0, double y1, String reason) {
                lost.add(new double[] {from, to, y0, y1});
            }

            @Override
            public void connection(String cameraId, boolean connected, String detail) {
                events.add(connected ? "up" : "down");
            }
        };
        GigeSettings s = settings(fake.serial(), Map.of("width", "256", "height", "64", "frame-rate-hz", "20", "timeout-ms", "500",
                "reconnect-min-ms", "100", "reconnect-max-ms", "400"));
        AtomicLong frames = new AtomicLong();
        AtomicLong lastSequence = new AtomicLong(-1);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        try (GigeCamera cam = new GigeCamera(s, null, listener)) {
            Thread consumer = new Thread(() -> {
                try {
                    while (cam.hasNext()) {
                        try (Frame f = cam.next()) {
                            if (f.sequence() <= lastSequence.get()) {
                                failures.add(new AssertionError("sequence " + f.sequence() + " after " + lastSequence.get()));
                            }
                            lastSequence.set(f.sequence());
                            frames.incrementAndGet();
                        }
                    }
                } catch (java.util.NoSuchElementException closed) {
                    // closed by the test
                } catch (Throwable t) {
                    failures.add(t);
                }
            }, "gige-consumer");
            consumer.start();
            Awaitility.await("first frames").atMost(Duration.ofSeconds(30)).until(() -> frames.get() >= 5);
            fake.kill();
            Awaitility.await("alarm").atMost(Duration.ofSeconds(60)).until(() -> events.contains("down"));
            long before = frames.get();
            fake.start();
            Awaitility.await("reconnected").atMost(Duration.ofSeconds(60)).until(() -> events.contains("up"));
            Awaitility.await("frames resume").atMost(Duration.ofSeconds(30)).until(() -> frames.get() >= before + 5);
            assertThat(cam.stats().reconnects()).isGreaterThanOrEqualTo(1);
            assertThat(cam.stats().framesLost()).isPositive();
            assertThat(lost).isNotEmpty();
            double[] first = lost.get(0);
            assertThat(first[1]).isGreaterThan(first[0]);
            assertThat(first[3]).isGreaterThan(first[2]);
            cam.close();
            consumer.join(30_000);
        }
        assertThat(failures).isEmpty();
    }
}
