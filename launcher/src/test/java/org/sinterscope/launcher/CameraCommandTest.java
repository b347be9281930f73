package org.sinterscope.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.gige.FakeGigeCamera;

/** {@code camera list} and {@code camera grab} against Aravis' fake GigE camera on 127.0.0.1. */
class CameraCommandTest {

    private FakeGigeCamera fake;

    @AfterEach
    void stopFake() throws InterruptedException {
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void listFindsTheFakeCamera() throws Exception {
        FakeGigeCamera.assumeInstalled();
        fake = new FakeGigeCamera().start();
        CliRun run = CliRun.of("camera", "list", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode devices = Json.mapper().readTree(run.out()).get("devices");
        List<String> serials = new ArrayList<>();
        devices.forEach(d -> serials.add(d.get("serial").asText()));
        assertThat(serials).contains(fake.serial());
    }

    @Test
    void grabWritesTwentyFramesOfTheSetSizeWithIncreasingFrameIds(@TempDir Path dir) throws Exception {
        FakeGigeCamera.assumeInstalled();
        fake = new FakeGigeCamera().start();
        CliRun run = CliRun.of("camera", "grab", "--device", fake.serial(), "--frames", "20", "--out", dir.toString(),
                "--set", "width=320", "--set", "height=100", "--json");
        assertThat(run.exit()).as(run.err() + run.out()).isZero();
        JsonNode frames = Json.mapper().readTree(dir.resolve("frames.json").toFile()).get("frames");
        assertThat(frames.size()).isEqualTo(20);
        OpenCvNative.load();
        long lastId = -1;
        double lastY = -1;
        for (JsonNode f : frames) {
            long id = f.get("frameId").asLong();
            assertThat(id).isGreaterThan(lastId);
            assertThat(f.get("yStartMm").asDouble()).isGreaterThan(lastY);
            lastId = id;
            lastY = f.get("yStartMm").asDouble();
            Path png = dir.resolve(f.get("file").asText());
            assertThat(Files.exists(png)).as(png.toString()).isTrue();
            Mat m = Imgcodecs.imread(png.toString(), Imgcodecs.IMREAD_UNCHANGED);
            try {
                assertThat(m.cols()).isEqualTo(320);
                assertThat(m.rows()).isEqualTo(100);
                assertThat(m.type()).isEqualTo(CvType.CV_8UC1);
            } finally {
                m.release();
            }
        }
    }

    @Test
    void anAbsentDeviceIsOneJsonErrorAndExitOne() throws Exception {
        FakeGigeCamera.assumeInstalled();
        CliRun run = CliRun.of("camera", "info", "--device", "Sinterscope-No-Such-Camera", "--json");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(Json.mapper().readTree(run.out()).get("error").asText()).contains("Sinterscope-No-Such-Camera");
    }
}
