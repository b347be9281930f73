package org.sinterscope.routes.assembly;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.sinterscope.camera.LineEncoder;
import org.sinterscope.inspection.FrameInspector;
import org.sinterscope.routes.CropSink;
import org.sinterscope.routes.StationStage;
import org.sinterscope.routes.StationStore;
import org.sinterscope.routes.classify.StationClassifier;
import org.sinterscope.routes.decide.Recipe;
import org.sinterscope.routes.foil.FoilReadingSink;

/**
 * What the caller plugs into a station besides its settings: source and encoder factories by type
 * (the production ones are there already), the store, extra stages, and for a demo a wrapper
 * around the coating inspector. One builder per station; not thread-safe.
 */
public final class StationParts {

    final Map<String, FrameSourceFactory> sources = new HashMap<>(Sources.builtIn());
    final Map<String, EncoderFactory> encoders = new HashMap<>(Encoders.builtIn());
    final List<StationStage> stages = new ArrayList<>();
    final List<Function<LineEncoder, StationStage>> encoderStages = new ArrayList<>();
    final Map<String, Object> beans = new LinkedHashMap<>();
    final List<FoilReadingSink> foilSinks = new ArrayList<>();
    Function<StationClassifier, FrameInspector> coatingInspector = StationClassifier::inspector;
    Recipe recipe;
    CropSink crops = CropSink.NONE;
    StationStore store;
    boolean keepDetail;
    double startAtMm;

    /** Camera type {@code type} opens its sources with {@code factory} (replacing a built-in one). */
    public StationParts source(String type, FrameSourceFactory factory) {
        sources.put(type, Objects.requireNonNull(factory, "factory"));
        return this;
    }

    /** Encoder type {@code type} is made by {@code factory}. */
    public StationParts encoder(String type, EncoderFactory factory) {
        encoders.put(type, Objects.requireNonNull(factory, "factory"));
        return this;
    }

    /** The recipe (else {@code sinterscope.recipe}, or the built-in one when that is blank). */
    public StationParts recipe(Recipe r) {
        this.recipe = Objects.requireNonNull(r, "recipe");
        return this;
    }

    /** The defect store, bound as {@value StationStore#BEAN}; its crop sink is the given one. */
    public StationParts store(StationStore s, CropSink cropSink) {
        this.store = Objects.requireNonNull(s, "store");
        this.crops = Objects.requireNonNull(cropSink, "cropSink");
        return this;
    }

    /** Foil verdicts also go here (when the foil stage runs: {@code sinterscope.foil.enabled}). */
    public StationParts foilSink(FoilReadingSink sink) {
        foilSinks.add(Objects.requireNonNull(sink, "sink"));
        return this;
    }

    /** One more stage next to the line routes. */
    public StationParts stage(StationStage s) {
        stages.add(Objects.requireNonNull(s, "stage"));
        return this;
    }

    /** One more stage, made once the station's encoder exists (an actuator that follows it). */
    public StationParts deferredStage(Function<LineEncoder, StationStage> s) {
        encoderStages.add(Objects.requireNonNull(s, "stage"));
        return this;
    }

    /** One more bean by name. */
    public StationParts bean(String name, Object bean) {
        beans.put(name, Objects.requireNonNull(bean, name));
        return this;
    }

    /** What inspects coating frames, given the station's classifier (default: the classifier's inspector). */
    public StationParts coatingInspector(Function<StationClassifier, FrameInspector> f) {
        this.coatingInspector = Objects.requireNonNull(f, "coatingInspector");
        return this;
    }

    /**
     * The web position the roll resumes at, mm: an encoder that counts the camera's lines starts
     * there (a PLC's encoder reports its own position).
     */
    public StationParts startAtMm(double yMm) {
        if (!(yMm >= 0) || !Double.isFinite(yMm)) {
            throw new IllegalArgumentException("start position must be >= 0 mm, got " + yMm);
        }
        this.startAtMm = yMm;
        return this;
    }

    /** The camera types it can open. */
    public java.util.Set<String> cameraTypes() {
        return java.util.Set.copyOf(sources.keySet());
    }

    /** The encoder types it can make. */
    public java.util.Set<String> encoderTypes() {
        return java.util.Set.copyOf(encoders.keySet());
    }

    /** Keep every inspection and verdict in the run ledger (a demo's summary; not for a station running for weeks). */
    public StationParts keepDetail(boolean keep) {
        this.keepDetail = keep;
        return this;
    }
}
