package org.sinterscope.inspection.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.PixelPitch;
import org.sinterscope.camera.PixelRect;
import org.sinterscope.camera.WebGrid;
import org.sinterscope.inspection.CoatingUniformity;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.FrameInspector;

class ClassifyingInspectorTest {

    /** A bundle that answers every patch with softmax(logits): [lookalike, pinhole, scratch]. */
    private static LoadedClassifier constant(String id, float... logits) throws ModelBundleException {
        PatchSettings ps = new PatchSettings(16, 0.5, 8, 64, PatchSettings.ResizeMode.SQUARE);
        SameDiff sd = SameDiff.create();
        sd.setEnableCache(false);
        SDVariable x = sd.placeHolder(ModelBundle.INPUT, DataType.FLOAT, -1, 1, 16, 16);
        SDVariable m = x.mean(true, 1, 2, 3).reshape(-1, 1);
        SDVariable out = sd.nn().linear(m, sd.constant("w", Nd4j.zeros(DataType.FLOAT, 1, 3)),
                sd.constant("b", Nd4j.createFromArray(logits)));
        sd.nn().softmax(ModelBundle.OUTPUT, out, 1);
        BundleMetadata md = new BundleMetadata(BundleMetadata.FORMAT, BundleMetadata.FORMAT_VERSION,
                List.of(ClassifyingInspector.LOOKALIKE, "pinhole", "scratch"), 16, 1, ps, "constant", 3, 1,
                "2026-01-01T00:00:00Z", 0, "0".repeat(64), Map.of(), Map.of(), null);
        return new LoadedClassifier(id, new DefectClassifier(ModelBundle.of(md, new Normalizer(0.5, 0.25), sd), 0.6, 1));
    }

    private static Defect defect(DefectClass c, String detector, int x) {
        PixelRect px = new PixelRect(x, 20, 6, 6);
        WebGrid g = new WebGrid(0, 0, PixelPitch.square(50));
        return new Defect(c, 0.7, g.toWeb(px), px, Map.of("diameterMm", 0.3), detector);
    }

    /** Finds an agglomerate spot, a scratch and a streak in every frame. */
    private static final FrameInspector CLASSICAL = f -> new FrameInspection(f.cameraId(), f.sequence(), f.timestamp(),
            f.yStartMm(), f.yEndMm(), f.megapixels(), CoatingUniformity.none(),
            List.of(defect(DefectClass.AGGLOMERATE, "spot", 10), defect(DefectClass.SCRATCH, "scratch", 40),
                    defect(DefectClass.STREAK, "streak", 70)), 1000, "");

    private static FrameInspection inspect(ClassifyingInspector ci) {
        OpenCvNative.load();
        Mat img = new Mat(64, 128, CvType.CV_8UC1, new Scalar(90));
        try (Frame f = new Frame("cam", 3, Instant.EPOCH, 0, 0, PixelPitch.square(50), img)) {
            return ci.inspect(f);
        }
    }

    @Test
    void lookalikes_are_dropped_and_counted_and_geometry_detections_stay_classical() throws Exception {
        LoadedClassifier looks = constant("looks@1", 5, 0, 0);
        ClassifyingInspector ci = new ClassifyingInspector(CLASSICAL, () -> looks);
        FrameInspection fi = inspect(ci);
        assertThat(fi.defects()).extracting(Defect::defectClass).containsExactly(DefectClass.STREAK);
        assertThat(fi.defects().get(0).detector()).isEqualTo("streak");
        assertThat(ci.counts().candidates()).isEqualTo(2);
        assertThat(ci.counts().lookalikesSuppressed()).isEqualTo(2);
        assertThat(ci.counts().uncertain()).isZero();
    }

    @Test
    void a_sure_class_replaces_the_classical_one_and_signs_with_the_bundle() throws Exception {
        LoadedClassifier pinholes = constant("pinholes@2", 0, 5, 0);
        FrameInspection fi = inspect(new ClassifyingInspector(CLASSICAL, () -> pinholes));
        assertThat(fi.defects()).extracting(Defect::defectClass)
                .containsExactly(DefectClass.PINHOLE, DefectClass.PINHOLE, DefectClass.STREAK);
        assertThat(fi.defects().get(0).detector()).isEqualTo("pinholes@2");
        assertThat(fi.defects().get(0).confidence()).isGreaterThan(0.98);
        assertThat(fi.defects().get(0).measurement("diameterMm")).isEqualTo(0.3);
    }

    @Test
    void an_unsure_answer_keeps_the_classical_class_as_uncertain() throws Exception {
        LoadedClassifier undecided = constant("undecided@3", 1, 1, 0);   // 0.42 each for lookalike and pinhole
        ClassifyingInspector ci = new ClassifyingInspector(CLASSICAL, () -> undecided);
        FrameInspection fi = inspect(ci);
        assertThat(fi.defects()).extracting(Defect::defectClass)
                .containsExactly(DefectClass.AGGLOMERATE, DefectClass.SCRATCH, DefectClass.STREAK);
        assertThat(fi.defects()).extracting(Defect::detector).containsExactly("uncertain", "uncertain", "streak");
        assertThat(ci.counts().uncertain()).isEqualTo(2);
    }

    @Test
    void without_a_classifier_frames_keep_their_classical_classes_and_a_swap_applies_from_the_next_frame() throws Exception {
        AtomicReference<LoadedClassifier> ref = new AtomicReference<>();
        ClassifyingInspector ci = new ClassifyingInspector(CLASSICAL, ref::get);
        assertThat(inspect(ci).defects()).extracting(Defect::detector).containsExactly("spot", "scratch", "streak");
        assertThat(ci.counts().framesUnclassified()).isEqualTo(1);
        ref.set(constant("pinholes@4", 0, 5, 0));
        assertThat(inspect(ci).defects()).extracting(Defect::detector).containsExactly("pinholes@4", "pinholes@4", "streak");
        assertThat(ci.counts().frames()).isEqualTo(2);
    }

    @Test
    void warm_up_runs_the_classical_stage_counts_nothing_keeps_the_frame_open_and_changes_no_later_result() throws Exception {
        LoadedClassifier pinholes = constant("pinholes@5", 0, 5, 0);
        java.util.concurrent.atomic.AtomicInteger classicalCalls = new java.util.concurrent.atomic.AtomicInteger();
        FrameInspector counting = f -> {
            classicalCalls.incrementAndGet();
            return CLASSICAL.inspect(f);
        };
        ClassifyingInspector warmed = new ClassifyingInspector(counting, () -> pinholes);
        OpenCvNative.load();
        Mat img = new Mat(64, 128, CvType.CV_8UC1, new Scalar(90));
        try (Frame f = new Frame("cam", 3, Instant.EPOCH, 0, 0, PixelPitch.square(50), img)) {
            warmed.warmUp(f);
            warmed.warmUp(f);
            assertThat(f.image().empty()).isFalse();
        }
        assertThat(classicalCalls.get()).isEqualTo(2);
        assertThat(warmed.counts()).isEqualTo(new ClassifyingInspector.Counts(0, 0, 0, 0, 0));
        FrameInspection after = inspect(warmed);
        FrameInspection cold = inspect(new ClassifyingInspector(CLASSICAL, () -> pinholes));
        assertThat(after.defects()).isEqualTo(cold.defects());
        assertThat(warmed.counts().frames()).isEqualTo(1);
    }
}
