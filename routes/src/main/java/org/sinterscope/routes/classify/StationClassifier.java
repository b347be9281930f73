package org.sinterscope.routes.classify;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.RoutesBuilder;
import org.sinterscope.inspection.FrameInspector;
import org.sinterscope.inspection.classify.ClassifyingInspector;
import org.sinterscope.routes.StationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's classifier, set up from its settings:
 *
 * <pre>
 * sinterscope.classifier.bundle     = models/bundles/default-classifier.zip   (a path, or "none")
 * sinterscope.classifier.confidence = 0.6        below this a defect is "uncertain" (the recipe decides)
 * sinterscope.classifier.detectors  = spot,scratch   whose detections are classified
 * sinterscope.classifier.instances  = 1          graph instances (threads classifying at once)
 * sinterscope.classifier.check-ms   = 2000       how often the bundle file is looked at
 * </pre>
 *
 * A relative bundle path is resolved against the working directory ({@code ./sinterscope} runs from
 * the project root, where the default bundle lives). The bundle is loaded at start; a missing or
 * refused one leaves the station on the classical classes, says so in the log and in
 * {@link #note()}, and the file keeps being watched, so a bundle promoted later is taken up.
 */
public final class StationClassifier {

    public static final String BUNDLE = "sinterscope.classifier.bundle";
    public static final String NONE = "none";

    private static final Logger LOG = LoggerFactory.getLogger(StationClassifier.class);

    private final ClassifierHolder holder = new ClassifierHolder();
    private final BundleWatcher watcher;
    private final ClassifyingInspector inspector;
    private final String note;

    private StationClassifier(StationSettings s, FrameInspector classical) {
        String bundle = s.get(BUNDLE);
        Set<String> detectors = Arrays.stream(s.get("sinterscope.classifier.detectors").split(","))
                .map(String::trim).filter(t -> !t.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.inspector = new ClassifyingInspector(classical, holder, detectors);
        if (NONE.equals(bundle.toLowerCase(Locale.ROOT))) {
            watcher = null;
            note = "classifier off (" + BUNDLE + " = none): running on the classical classes";
        } else {
            double confidence = s.getDouble("sinterscope.classifier.confidence");
            int instances = (int) s.getDouble("sinterscope.classifier.instances");
            watcher = new BundleWatcher(Path.of(bundle).toAbsolutePath().normalize(), holder, confidence, instances);
            String problem = watcher.loadNow();
            note = problem == null ? "" : problem;
        }
        if (note.isEmpty()) {
            LOG.info("classifying {} detections with {}", detectors, holder.currentId());
        } else {
            LOG.warn("{}", note);
        }
    }

    /** Sets up the classifier of {@code settings} around the classical inspector. */
    public static StationClassifier create(StationSettings settings, FrameInspector classical) {
        Objects.requireNonNull(classical, "classical");
        return new StationClassifier(settings, classical);
    }

    /** The station's inspector: classical detections, then the classifier in use. */
    public ClassifyingInspector inspector() {
        return inspector;
    }

    public ClassifierHolder holder() {
        return holder;
    }

    /** The route that watches the bundle file (none when the classifier is off). */
    public List<RoutesBuilder> routes() {
        return watcher == null ? List.of() : List.of(new ClassifierRoutes(watcher));
    }

    /** Empty when a bundle was loaded at start; otherwise why the station runs on classical classes. */
    public String note() {
        return note;
    }

    public int promotions() {
        return watcher == null ? 0 : watcher.promotions();
    }

    public int refusals() {
        return watcher == null ? 0 : watcher.refusals();
    }
}
