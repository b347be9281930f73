package org.sinterscope.routes.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinterscope.camera.PixelPitch;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedLine;
import org.sinterscope.simulator.line.SimulatedLineConfig;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.coating.CoatingInspector;
import org.sinterscope.inspection.coating.CoatingInspectorConfig;
import org.sinterscope.routes.StationSettings;

class NoBundleTest {

    private static final SimulatedLineConfig LINE = SimulatedLineConfig.defaults()
            .withFrame(1024, 512, PixelPitch.square(50), 48, 40).withLengthM(0.1).withDefectRatePerM(40);

    private static StationClassifier station(String bundle) {
        return StationClassifier.create(StationSettings.load(null, Map.of(StationClassifier.BUNDLE, bundle)),
                new CoatingInspector(CoatingInspectorConfig.defaults()));
    }

    private static void assertClassical(StationClassifier sc) {
        CoatingInspector classical = new CoatingInspector(CoatingInspectorConfig.defaults());
        try (SimulatedLine line = new SimulatedLine(LINE, SimulatedEncoder.freeRunning())) {
            int defects = 0;
            while (line.hasNext()) {
                try (var f = line.next()) {
                    FrameInspection fi = sc.inspector().inspect(f);
                    assertThat(fi.defects()).isEqualTo(classical.inspect(f).defects());
                    defects += fi.defects().size();
                }
            }
            assertThat(defects).as("the line gave detections to compare").isPositive();
        }
        assertThat(sc.inspector().counts().framesUnclassified()).isEqualTo(sc.inspector().counts().frames());
        assertThat(sc.holder().currentId()).isEqualTo("none");
        assertThat(sc.inspector().counts().candidates()).isZero();
    }

    @Test
    void a_missing_bundle_runs_on_the_classical_classes_and_says_so(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-bundle.zip");
        StationClassifier sc = station(missing.toString());
        assertThat(sc.note()).contains("no classifier bundle at " + missing).contains("classical classes");
        assertClassical(sc);
    }

    @Test
    void classifier_none_runs_on_the_classical_classes_and_says_so() {
        StationClassifier sc = station("none");
        assertThat(sc.note()).contains("classifier off").contains("classical classes");
        assertThat(sc.routes()).isEmpty();
        assertClassical(sc);
    }
}
