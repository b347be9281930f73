package org.sinterscope.routes.assembly;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.RoutesBuilder;

import org.sinterscope.camera.Frame;
import org.sinterscope.camera.FrameSource;
import org.sinterscope.inspection.FrameInspector;
import org.sinterscope.inspection.NativeThreads;
import org.sinterscope.inspection.coating.CoatingInspector;
import org.sinterscope.inspection.coating.CoatingInspectorConfig;
import org.sinterscope.inspection.crack.CrackDetector;
import org.sinterscope.inspection.crack.CrackDetectorConfig;
import org.sinterscope.inspection.crack.CrackFrameInspector;
import org.sinterscope.routes.InspectionStage;
import org.sinterscope.routes.RunLedger;
import org.sinterscope.routes.StationBeans;
import org.sinterscope.routes.StationRoutes;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.StationStage;
import org.sinterscope.routes.classify.StationClassifier;
import org.sinterscope.routes.decide.Recipe;
import org.sinterscope.routes.decide.RecipeLoader;
import org.sinterscope.routes.decide.VerdictDecider;
import org.sinterscope.routes.foil.FoilReadingSink;
import org.sinterscope.routes.foil.FoilStage;
import org.sinterscope.routes.metrics.StationMetrics;
import org.sinterscope.routes.reject.ActuatorSpec;
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
        List<String> cameraIds = cameraIds(settings);
        if (cameraIds.isEmpty()) {
            throw new IllegalArgumentException("station setting 'sinterscope.cameras' must name at least one camera");
        }
        String encoderType = settings.get("sinterscope.encoder.type");
        EncoderFactory ef = parts.encoders.get(encoderType);
        if (ef == null) {
            throw new IllegalArgumentException("station setting 'sinterscope.encoder.type' is '" + encoderType + "'; known types: "
                    + parts.encoders.keySet().stream().sorted().toList());
        }
        List<CameraSpec> cameras = new ArrayList<>();
        for (String id : cameraIds) {
            CameraSpec c = CameraSpec.fromSettings(settings, id);
            if (!parts.sources.containsKey(c.type())) {
                throw new IllegalArgumentException("station setting '" + CameraSpec.key(c.id(), "type") + "' is '" + c.type()
                        + "'; known types: " + parts.sources.keySet().stream().sorted().toList());
            }
            cameras.add(c);
        }
        List<ActuatorSpec> stationActuators = ActuatorSpec.fromSettings(settings);
        StationEncoder encoder = ef.open(settings);
        if (parts.startAtMm > 0 && encoder.encoder() instanceof ReportedEncoder r) {
            r.advanceTo(parts.startAtMm);
        }
        CameraSpec camera = cameras.get(0);
        Recipe recipe = parts.recipe != null ? parts.recipe : recipe(settings);
        List<StationStage> stages = new ArrayList<>(encoder.stages());
        NativeThreads.limit((int) settings.getDouble("sinterscope.inspection.native-threads"));
        StationClassifier classifier = null;
        if (cameras.stream().anyMatch(c -> c.stage() == CameraSpec.Stage.COATING)) {
            classifier = StationClassifier.create(settings, new CoatingInspector(CoatingInspectorConfig.defaults()));
            classifier.routes().forEach(r -> stages.add(StationStage.routesOnly(r)));
        }
        StationMetrics metrics = new StationMetrics();
        metrics.check("encoder", encoder.problem());
        if (settings.getBoolean("sinterscope.foil.enabled")) {
            List<FoilReadingSink> sinks = new ArrayList<>(parts.foilSinks);
            sinks.add(metrics);
            stages.add(FoilStage.create(settings, recipe, sinks));
        }
        stages.addAll(parts.stages);
        parts.encoderStages.forEach(f -> stages.add(f.apply(encoder.encoder())));
        RunLedger ledger = new RunLedger(parts.keepDetail);
        ledger.listen(metrics);
        ledger.expectSources(cameras.size());
        List<FrameSource> opened = new ArrayList<>();
        List<FrameSource> sources = new ArrayList<>();
        StationBeans beans;
        List<FrameInspector> sintered = new ArrayList<>();
        FrameSplitPool split = FrameSplitPool.start(settings.getInt(FrameSplitPool.THREADS, 1));
        try {
            for (int i = 0; i < cameras.size(); i++) {
                CameraSpec c = cameras.get(i);
                FrameSource o = parts.sources.get(c.type()).open(c, settings, encoder.encoder());
                opened.add(o);
                // every camera's lines feed the encoder: a camera's y is the encoder reading at its line, so a
                // camera-lines encoder is the furthest line any camera delivered (one camera stopping does not stop it)
                sources.add(observed(o, encoder, c.offsetMm()));
            }
            List<StationBeans> each = new ArrayList<>();
            for (int i = 0; i < cameras.size(); i++) {
                CameraSpec c = cameras.get(i);
                each.add(cameraBeans(settings, parts, c, sources.get(i), classifier, recipe, encoder, stationActuators, ledger, split));
                if (c.stage() == CameraSpec.Stage.SINTERED) {
                    sintered.add(each.get(i).inspection().inspector());
                }
                if (i > 0) {
                    stages.add(cameraStage(settings, c, each.get(i)));
                }
            }
            beans = each.get(0);
        } catch (RuntimeException e) {
            split.close();
            sources.forEach(FrameSource::close);
            opened.subList(sources.size(), opened.size()).forEach(FrameSource::close);
            throw e;
        }
        AssembledStation assembled = new AssembledStation(settings, camera, encoder.encoder(), beans, classifier, recipe, stages, parts,
                metrics);
        assembled.own(split);
        assembled.sinteredInspectors(sintered);
        Map<String, String> framesUris = new LinkedHashMap<>();
        for (int i = 0; i < cameras.size(); i++) {
            framesUris.put(cameras.get(i).id(), i == 0 ? "{{sinterscope.frames.uri}}" : framesUri(settings, cameras.get(i)));
            if (opened.get(i) instanceof GigeCameras.ReportingSource g) {
                assembled.gige(cameras.get(i).id(), i == 0 ? "direct:decide" : "direct:decide-" + cameras.get(i).id(), g);
            }
        }
        assembled.moreSources(sources.subList(1, sources.size()), cameras, framesUris);
        return assembled;
    }

    /**
     * Camera {@code c}'s beans: its inspector by stage (coating: the classifier's; sintered: the crack
     * detector, splitting its frames over {@code split}), its recipe ({@code sinterscope.camera.<id>.recipe}, else the station's), its reject
     * tracker sending to its actuators ({@code sinterscope.camera.<id>.actuators}, else all of them).
     */
    private static StationBeans cameraBeans(StationSettings settings, StationParts parts, CameraSpec c, FrameSource source,
                                            StationClassifier classifier, Recipe stationRecipe, StationEncoder encoder,
                                            List<ActuatorSpec> stationActuators, RunLedger ledger, FrameSplitPool split) {
        FrameInspector inspector = c.stage() == CameraSpec.Stage.COATING ? parts.coatingInspector.apply(classifier)
                : new CrackFrameInspector(new CrackDetector(CrackDetectorConfig.line(), split.work()));
        String recipeFile = CameraSpec.setting(settings, c.id(), "recipe").trim();
        Recipe recipe = recipeFile.isEmpty() ? stationRecipe : RecipeLoader.load(Path.of(recipeFile));
        return new StationBeans(source, new InspectionStage(inspector, parts.crops), new VerdictDecider(recipe),
                new RejectTracker(settings.stationId(), cameraActuators(settings, c.id(), stationActuators), encoder.encoder(),
                        stationActuators), ledger);
    }

    /** {@code sinterscope.camera.<id>.actuators}: the actuators downstream of camera {@code id} (blank: all). */
    static List<ActuatorSpec> cameraActuators(StationSettings settings, String id, List<ActuatorSpec> all) {
        String key = CameraSpec.key(id, "actuators");
        List<String> ids = Arrays.stream(CameraSpec.setting(settings, id, "actuators").split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .toList();
        if (ids.isEmpty()) {
            return all;
        }
        List<ActuatorSpec> out = new ArrayList<>();
        for (String a : ids) {
            out.add(all.stream().filter(s -> s.id().equals(a)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "station setting '" + key + "' names actuator '" + a + "', which is not in sinterscope.actuators "
                            + all.stream().map(ActuatorSpec::id).toList())));
        }
        return out;
    }

    /** A further camera as a stage: its routes ({@link StationRoutes#forCamera}) and its beans by their suffixed names. */
    private static StationStage cameraStage(StationSettings settings, CameraSpec c, StationBeans b) {
        String framesUri = framesUri(settings, c);
        Map<String, Object> named = new LinkedHashMap<>();
        named.put(StationRoutes.beanName(StationBeans.SOURCE, c.id()), b.source());
        named.put(StationRoutes.beanName(StationBeans.INSPECTION, c.id()), b.inspection());
        named.put(StationRoutes.beanName(StationBeans.DECIDER, c.id()), b.decider());
        named.put(StationRoutes.beanName(StationBeans.TRACKER, c.id()), b.tracker());
        StationRoutes routes = StationRoutes.forCamera(c.id(), framesUri);
        return new StationStage() {
            @Override
            public RoutesBuilder routes() {
                return routes;
            }

            @Override
            public Map<String, Object> beans() {
                return named;
            }
        };
    }

    /** The frame queue of a camera after the first: its {@code frames-uri}, else {@code seda:frames-<id>?size=6&...}. */
    static String framesUri(StationSettings settings, CameraSpec c) {
        String uri = CameraSpec.setting(settings, c.id(), "frames-uri").trim();
        return uri.isEmpty() ? "seda:frames-" + c.id() + "?size=6&blockWhenFull=true&concurrentConsumers=2" : uri;
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

    /**
     * The source, telling the encoder of each frame it delivers (camera y); a frame's y is then turned
     * into roll y: {@code yRoll = yCamera + offsetMm} (the camera's {@code offset-mm}).
     */
    private static FrameSource observed(FrameSource s, StationEncoder encoder, double offsetMm) {
        return new FrameSource() {
            @Override
            public boolean hasNext() {
                return s.hasNext();
            }

            @Override
            public Frame next() {
                Frame f = s.next();
                if (encoder != null) {
                    encoder.onFrame().accept(f);
                }
                return offsetMm == 0 ? f : new Frame(f.cameraId(), f.sequence(), f.timestamp(), f.yStartMm() + offsetMm,
                        f.xOriginMm(), f.pitch(), f.image(), f.deviceTimestampNs());
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
