package org.sinterscope.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.PixelPitch;
import org.sinterscope.camera.PixelRect;
import org.sinterscope.camera.WebRect;
import org.sinterscope.inspection.CoatingUniformity;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.SegmentVerdict;
import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.store.RollInfo;
import org.sinterscope.review.store.StoreSettings;

class ReviewCommandTest {

    @TempDir
    Path dir;

    @Test
    void export_writes_reviewed_crops_in_class_folders_and_prints_one_json_document() throws Exception {
        Path storeDir = dir.resolve("store");
        try (DefectStore store = DefectStore.open(StoreSettings.embedded(storeDir))) {
            OpenCvNative.load();
            store.openRoll(new RollInfo("roll-1", "st", "p", "lot", 190, 0, 190, Instant.now()));
            PixelRect px = new PixelRect(40, 40, 10, 10);
            Defect d = new Defect(DefectClass.PINHOLE, 0.9, new WebRect(4, 4, 5, 5), px, Map.of("diameterMm", 1.0), "spot");
            FrameInspection fi = new FrameInspection("cam", 0, Instant.now(), 0, 12.8, 0.016, CoatingUniformity.none(),
                    List.of(d), 1, "");
            try (Frame f = new Frame("cam", 0, Instant.now(), 0, 0, PixelPitch.square(100),
                    new Mat(128, 128, CvType.CV_8UC1, new Scalar(100)))) {
                store.cropSink().inspected(f, fi);
            }
            store.saveSegment(fi, new SegmentVerdict("cam", 0, 0, 12.8, List.of(), List.of(), List.of(d)));
            assertThat(store.flush(Duration.ofSeconds(30))).isTrue();
            long id = store.queries().defects(org.sinterscope.review.store.DefectFilter.ofRoll("roll-1")).get(0).id();
            store.queries().relabel(id, DefectClass.AGGLOMERATE, "qe", Instant.now());
        }
        Path cfg = Files.writeString(dir.resolve("station.properties"), "sinterscope.store.dir = " + storeDir + "\n");
        Path out = dir.resolve("labelled");

        CliRun r = CliRun.of("review", "export", "--config", cfg.toString(), "--out", out.toString(), "--json");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("images").asInt()).isEqualTo(1);
        try (var files = Files.list(out.resolve("agglomerate"))) {
            assertThat(files.toList()).singleElement().asString().endsWith(".png");
        }
    }

    @Test
    void export_without_a_folder_is_bad_usage() {
        CliRun r = CliRun.of("review", "export");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--out");
    }
}
