package org.sinterscope.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.sinterscope.camera.FrameSource;
import org.sinterscope.camera.LineEncoder;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.folder.ImageFolderSource;
import org.sinterscope.camera.folder.Quarantine;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedLine;
import org.sinterscope.simulator.line.SimulatedLineConfig;

/** The station on a folder of image files with bad ones among them: they are quarantined and it goes on. */
class FolderStationTest extends StationTestSupport {

    @TempDir
    static Path dir;

    private ImageFolderSource source;
    private Quarantine quarantine;
    private final SimulatedEncoder encoder = SimulatedEncoder.freeRunning();

    @Override
    protected FrameSource source() {
        if (source == null) {
            prepareFolder();
            quarantine = new Quarantine(dir.resolve("quarantine"));
            source = new ImageFolderSource(dir.resolve("in"), quarantine, "folder-cam",
                    SimulatedLineConfig.defaults().pitch(), SimulatedLineConfig.defaults().xOriginMm());
        }
        return source;
    }

    @Override
    protected LineEncoder encoder() {
        return encoder;
    }

    private static void prepareFolder() {
        OpenCvNative.load();
        try {
            Path in = Files.createDirectories(dir.resolve("in"));
            try (SimulatedLine line = new SimulatedLine(SimulatedLineConfig.defaults().withLengthM(0.2).withDefectRatePerM(0).withLookalikeRatePerM(0),
                    SimulatedEncoder.freeRunning())) {
                for (int i = 0; i < 3; i++) {
                    try (Frame f = line.next()) {
                        Imgcodecs.imwrite(in.resolve("frame-" + i + "-ok.png").toString(), f.image());
                    }
                }
            }
            Files.write(in.resolve("frame-1a-corrupt.png"), new byte[] {1, 2, 3, 4, 5});
            Files.write(in.resolve("frame-1b-empty.png"), new byte[0]);
            Mat flt = new Mat(64, 64, CvType.CV_32FC1, new Scalar(0.5));
            Imgcodecs.imwrite(in.resolve("frame-2a-float.tif").toString(), flt);
            flt.release();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void close() {
        source.close();
    }

    @Test
    void bad_files_are_quarantined_with_their_reason_and_the_good_ones_inspected() throws Exception {
        runFrames(3);

        assertThat(ledger.verdicts()).isEqualTo(3);
        assertThat(ledger.framesFailed()).isZero();
        assertThat(ledger.rejectingVerdicts()).as("clean coated web").isZero();
        // the third verdict (frame-2-ok) can come before the camera thread has read on to frame-2a-float.tif
        // (files are taken in name order): wait for the source to have gone through the folder
        await().atMost(Duration.ofSeconds(30)).until(() -> quarantine.entries().size() >= 3);
        assertThat(quarantine.entries()).extracting(e -> e.moved().getFileName().toString())
                .containsExactlyInAnyOrder("frame-1a-corrupt.png", "frame-1b-empty.png", "frame-2a-float.tif");
        assertThat(dir.resolve("quarantine/frame-2a-float.tif.reason.txt")).content().contains("unsupported pixel type");
        assertThat(dir.resolve("quarantine/frame-1b-empty.png.reason.txt")).content().contains("empty file");
    }
}
