package org.sinterscope.routes.assembly;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.sinterscope.camera.Frame;
import org.sinterscope.camera.FrameSource;
import org.sinterscope.inspection.FrameInspector;
import org.sinterscope.inspection.coating.CoatingInspector;
import org.sinterscope.inspection.coating.CoatingInspectorConfig;
import org.sinterscope.inspection.crack.CrackDetector;
import org.sinterscope.inspection.crack.CrackDetectorConfig;
import org.sinterscope.inspection.crack.CrackFrameInspector;
import org.sinterscope.routes.InspectionStage;
import org.sinterscope.routes.RunLedger;
import org.sinterscope.routes.StationBeans;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.StationStage;
import org.sinterscope.routes.classify.StationClassifier;
import org.sinterscope.routes.decide.Recipe;
import org.sinterscope.routes.decide.RecipeLoader;
import org.sinterscope.routes.decide.VerdictDecider;
import org.sinterscope.routes.foil.FoilReadingSink;
import org.sinterscope.routes.foil.FoilStage;
import org.sinterscope.routes.metrics.StationMetrics;
import org.sinterscope.routes.reject.RejectTracker;

/**
 * The one place that builds a station from its settings: the encoder ({@code sinterscope.encoder.type}),
 * the camera ({@code sinterscope.cameras}, {@code sinterscope.camera.<id>.*}) and its source, the
 * inspector of the camera's stage (coating: the classical coating inspector behind the station's
 * classifier; sintered: the crack detector's {@code line} preset), the recipe, the decider, the
 * reject tracker with the actuators and their links, the foil stage ({@code sinterscope.foil.enabled}),
 * the metrics ({@link StationMetrics}), the store and whatever stages the caller plugs in through {@link StationParts}. {@code run},
 * {@code demo} and {@code inspect} all go through it; a demo only plugs in simulated edges.
 */
public final class StationAssembly {

    private StationAssembly() {
    }

    /** Builds (does not start) the station; check the settings first with {@link SettingsCheck}. */
    public static AssembledStation assemble(StationSettings settings, StationParts parts) {
        List<String> cameras = cameraIds(settings);
        if (cameras.size() != 1) {
            throw new IllegalArgumentException("station setting 'sinterscope.cameras' must name exactly one camera per station"
                    + " process, got " + cameras);
        }
        String encoderType = settings.get("sinterscope.encoder.type");
        EncoderFactory ef = parts.encoders.get(encoderType);
        if (ef == null) {
            throw new IllegalArgumentException("station setting 'sinterscope.encoder.type' is '" + encoderType + "'; known types: "
                    + parts.encoders.keySet().stream().sorted().toList());
        }
        StationEncoder encoder = ef.open(settings);
        if (parts.startAtMm > 0 && encoder.encoder() instanceof ReportedEncoder r) {
            r.advanceTo(parts.startAtMm);
        }
        CameraSpec camera = CameraSpec.fromSettings(settings, cameras.get(0));
        FrameSourceFactory sf = parts.sources.get(camera.type());
        if (sf == null) {
            throw new IllegalArgumentException("station setting '" + CameraSpec.key(camera.id(), "type") + "' is '" + camera.type()
                    + "'; known types: " + parts.sources.keySet().stream().sorted().toList());
        }
        Recipe recipe = parts.recipe != null ? parts.recipe : recipe(settings);
        List<StationStage> stages = new ArrayList<>(encoder.stages());
        StationClassifier classifier = null;
        FrameInspector inspector;
        if (camera.stage() == CameraSpec.Stage.COATING) {
            classifier = StationClassifier.create(settings, new CoatingInspector(CoatingInspectorConfig.defaults()));
            inspector = parts.coatingInspector.apply(classifier);
            classifier.routes().forEach(r -> stages.add(StationStage.routesOnly(r)));
        } else {
            inspector = new CrackFrameInspector(new CrackDetector(CrackDetectorConfig.line()));
        }
        StationMetrics metrics = new StationMetrics();
        if (Boolean.parseBoolean(settings.get("sinterscope.foil.enabled"))) {
            List<FoilReadingSink> sinks = new ArrayList<>(parts.foilSinks);
            sinks.add(metrics);
            stages.add(FoilStage.create(settings, recipe, sinks));
        }
        stages.addAll(parts.stages);
        parts.encoderStages.forEach(f -> stages.add(f.apply(encoder.encoder())));
        FrameSource opened = sf.open(camera, settings, encoder.encoder());
        FrameSource source = observed(opened, encoder);
        RunLedger ledger = new RunLedger(parts.keepDetail);
        ledger.listen(metrics);
        InspectionStage inspection = new InspectionStage(inspector, parts.crops);
        StationBeans beans;
        try {
            beans = new StationBeans(source, inspection, new VerdictDecider(recipe), RejectTracker.fromSettings(settings,
                    encoder.encoder()), ledger);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        AssembledStation assembled = new AssembledStation(settings, camera, encoder.encoder(), beans, classifier, recipe, stages, parts,
                metrics);
        if (opened instanceof GigeCameras.ReportingSource g) {
            assembled.gige(g);
        }
        return assembled;
    }

    /** {@code sinterscope.cameras}: the camera ids, in order. */
    public static List<String> cameraIds(StationSettings settings) {
        return Arrays.stream(settings.get("sinterscope.cameras").split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    /** {@code sinterscope.recipe}: a recipe file, or the built-in recipe when blank. */
    public static Recipe recipe(StationSettings settings) {
        String r = settings.getOrDefault("sinterscope.recipe", "");
        return r.isEmpty() ? RecipeLoader.defaults() : RecipeLoader.load(Path.of(r));
    }

    /** The source, telling the encoder of each frame it delivers. */
    private static FrameSource observed(FrameSource s, StationEncoder encoder) {
        return new FrameSource() {
            @Override
            public boolean hasNext() {
                return s.hasNext();
            }

            @Override
            public Frame next() {
                Frame f = s.next();
                encoder.onFrame().accept(f);
                return f;
            }

            @Override
            public void stop() {
                s.stop();
            }

            @Override
            public String describe() {
                return s.describe();
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }
}
