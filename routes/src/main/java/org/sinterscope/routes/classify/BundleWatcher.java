package org.sinterscope.routes.classify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import org.sinterscope.inspection.classify.DefectClassifier;
import org.sinterscope.inspection.classify.LoadedClassifier;
import org.sinterscope.inspection.classify.ModelBundle;
import org.sinterscope.inspection.classify.ModelBundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the configured model bundle file and promotes a new bundle into the
 * {@link ClassifierHolder} while the line runs.
 *
 * <p>{@link #check()} is called periodically (a Camel timer, see {@link ClassifierRoutes}). A
 * change of the file's size or modification time is taken up once the file has stayed the same for
 * one more check (a copy in progress is not read half-way); then the file is read, and when its
 * SHA-256 differs from the bundle in use, it is loaded and checked ({@link ModelBundle#load}) on the
 * caller's thread, and only a bundle that passes replaces the one in use. A bundle that fails is
 * refused with an alarm message (returned), the station keeps the model it has, and the same file
 * content is not tried again. A bundle file that disappears leaves the model in use in place (with
 * an alarm). Thread-safe.
 */
public final class BundleWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(BundleWatcher.class);

    private record FileState(long size, long modifiedMillis) {
    }

    private final Path path;
    private final ClassifierHolder holder;
    private final double confidence;
    private final int instances;
    private FileState seen;
    private FileState pending;
    private String currentSha = "";
    private String refusedSha = "";
    private int promotions;
    private int refusals;

    /**
     * @param path       the bundle file (need not exist yet)
     * @param holder     where the classifier in use lives
     * @param confidence the classifiers' confidence threshold
     * @param instances  graph instances per classifier
     */
    public BundleWatcher(Path path, ClassifierHolder holder, double confidence, int instances) {
        this.path = Objects.requireNonNull(path, "path");
        this.holder = Objects.requireNonNull(holder, "holder");
        this.confidence = confidence;
        this.instances = instances;
    }

    public Path path() {
        return path;
    }

    /**
     * Loads the bundle now, without waiting for the file to settle (station start).
     *
     * @return null when a bundle is in use afterwards, else why not (for the log and the summary)
     */
    public synchronized String loadNow() {
        FileState now = stat();
        seen = now;
        if (now == null) {
            return "no classifier bundle at " + path + ": running on the classical classes";
        }
        String problem = load();
        return problem == null ? null : problem + ": running on the classical classes";
    }

    /**
     * One look at the file.
     *
     * @return an alarm message when a new bundle was refused or the file vanished, else null
     */
    public synchronized String check() {
        FileState now = stat();
        if (now == null) {
            if (seen != null) {
                seen = null;
                pending = null;
                return holder.get() == null ? null
                        : "classifier bundle " + path + " disappeared; keeping " + holder.currentId();
            }
            return null;
        }
        if (now.equals(seen)) {
            pending = null;
            return null;
        }
        if (!now.equals(pending)) {
            pending = now; // changed: take it up when it has stayed like this for one more check
            return null;
        }
        pending = null;
        seen = now;
        String problem = load();
        return problem == null ? null : problem + "; keeping " + (holder.get() == null ? "the classical classes" : holder.currentId());
    }

    /** Reads and loads the file; null on success or when it holds the bundle in use, else the refusal. */
    private String load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            refusals++;
            return "cannot read classifier bundle " + path + ": " + e.getMessage();
        }
        String sha = sha256(bytes);
        if (sha.equals(currentSha) || sha.equals(refusedSha)) {
            return null;
        }
        try {
            ModelBundle bundle = ModelBundle.load(new ByteArrayInputStream(bytes), path.toString());
            String id = path.getFileName() + "@" + sha.substring(0, 12);
            LoadedClassifier prev = holder.swap(new LoadedClassifier(id, new DefectClassifier(bundle, confidence, instances)));
            currentSha = sha;
            promotions++;
            LOG.info("classifier {} in use ({} classes: {}; test macro-F1 {}){}", id, bundle.metadata().classes().size(),
                    bundle.metadata().classes(), bundle.metadata().evaluation().getOrDefault("test", java.util.Map.of()).get("macroF1"),
                    prev == null ? "" : ", replacing " + prev.id());
            return null;
        } catch (ModelBundleException | RuntimeException e) {
            refusedSha = sha;
            refusals++;
            LOG.error("refused classifier bundle {}: {}", path, e.getMessage());
            return "refused classifier bundle " + path + ": " + e.getMessage();
        }
    }

    private FileState stat() {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return new FileState(a.size(), a.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.warn("cannot look at classifier bundle {}: {}", path, e.getMessage());
            return null;
        }
    }

    /** Bundles put in use (the first load counts). */
    public synchronized int promotions() {
        return promotions;
    }

    /** Bundle files refused. */
    public synchronized int refusals() {
        return refusals;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
