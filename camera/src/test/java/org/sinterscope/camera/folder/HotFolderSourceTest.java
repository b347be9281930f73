package org.sinterscope.camera.folder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.PixelPitch;

class HotFolderSourceTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void opencv() {
        OpenCvNative.load();
    }

    private Path write(String name, int grey) {
        Mat m = new Mat(40, 64, CvType.CV_8UC1, new Scalar(grey));
        Path p = dir.resolve(name);
        assertThat(Imgcodecs.imwrite(p.toString(), m)).isTrue();
        m.release();
        return p;
    }

    private HotFolderSource source(HotFolderSource.Order order, boolean watch, double startYMm) {
        return new HotFolderSource(new HotFolderSource.Settings(dir, dir.resolve("done"), new Quarantine(dir.resolve("quarantine")),
                "cam", PixelPitch.square(100), 0, startYMm, order, Duration.ofMillis(20), Duration.ZERO, watch));
    }

    @Test
    void files_become_consecutive_frames_in_name_order_and_move_to_done_unreadable_ones_to_quarantine() throws IOException {
        write("b.png", 20);
        write("a.png", 10);
        Files.writeString(dir.resolve("c.png"), "not a png");
        write(".d.png", 30); // still being written: left alone
        try (HotFolderSource s = source(HotFolderSource.Order.NAME, false, 1000)) {
            try (Frame f = s.next()) {
                assertThat(f.image().get(0, 0)[0]).isEqualTo(10);
                assertThat(f.yStartMm()).isEqualTo(1000);
                assertThat(f.yEndMm()).isEqualTo(1004); // 40 lines of 0.1 mm
            }
            try (Frame f = s.next()) {
                assertThat(f.image().get(0, 0)[0]).isEqualTo(20);
                assertThat(f.yStartMm()).isEqualTo(1004);
                assertThat(f.sequence()).isEqualTo(1);
            }
            assertThat(s.hasNext()).isFalse();
        }
        assertThat(dir.resolve("done").resolve("a.png")).exists();
        assertThat(dir.resolve("done").resolve("b.png")).exists();
        assertThat(dir.resolve("quarantine").resolve("c.png.reason.txt")).exists();
        assertThat(dir.resolve(".d.png")).exists();
    }

    @Test
    void mtime_order_takes_the_oldest_file_first() throws IOException {
        Files.setLastModifiedTime(write("a.png", 10), FileTime.from(Instant.now().minusSeconds(5)));
        Files.setLastModifiedTime(write("b.png", 20), FileTime.from(Instant.now().minusSeconds(50)));
        try (HotFolderSource s = source(HotFolderSource.Order.MTIME, false, 0); Frame f = s.next()) {
            assertThat(f.image().get(0, 0)[0]).isEqualTo(20);
        }
    }

    @Test
    void a_watching_source_waits_for_files_and_stop_ends_the_wait() throws Exception {
        try (HotFolderSource s = source(HotFolderSource.Order.NAME, true, 0)) {
            CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(s::hasNext);
            write("a.png", 10);
            assertThat(waiting.get(30, TimeUnit.SECONDS)).isTrue();
            s.next().close();
            CompletableFuture<Boolean> next = CompletableFuture.supplyAsync(s::hasNext);
            s.stop();
            assertThat(next.get(30, TimeUnit.SECONDS)).isFalse();
        }
        // a restart numbers on after what is in done/
        write("b.png", 20);
        try (HotFolderSource s = source(HotFolderSource.Order.NAME, false, 0); Frame f = s.next()) {
            assertThat(f.sequence()).isEqualTo(1);
        }
    }
}
