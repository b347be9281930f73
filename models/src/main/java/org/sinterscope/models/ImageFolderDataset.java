package org.sinterscope.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.PixelRect;
import org.sinterscope.camera.folder.ImageFiles;
import org.sinterscope.inspection.classify.ImageFit;
import org.sinterscope.inspection.classify.PatchPreparer;
import org.sinterscope.inspection.classify.PatchSettings;

/**
 * A labelled image data set in the common folder-per-class layout:
 * <pre>
 * DIR/&lt;class&gt;/*.png|jpg|jpeg|bmp|tif|tiff                  (no split: a seeded stratified split is drawn)
 * DIR/train|val|test/&lt;class&gt;/...                          (split given; "validation" is accepted for val)
 * </pre>
 * Images may have any size and be grey or colour (read as grey). Each image is one sample: the
 * whole image is the crop window, prepared by {@link PatchPreparer} with
 * {@link ImageFit#wholeImage(int)} (stretched, or padded to a square keeping its shape) — the same
 * code the line uses. Classes are the folder names
 * in alphabetical order.
 *
 * @param root    the data set folder
 * @param classes class names, sorted
 * @param files   per split name ("train", "val", "test", or "all" when no split is given): the samples
 */
public record ImageFolderDataset(Path root, List<String> classes, java.util.Map<String, List<Sample>> files) {

    /** One image file and its class index. */
    public record Sample(Path file, int label) {
    }

    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "tif", "tiff");
    private static final List<String> SPLITS = List.of("train", "val", "test");

    /**
     * Scans {@code root}.
     *
     * @throws IllegalArgumentException naming the folder when it is missing, empty, or a class has no images
     */
    public static ImageFolderDataset scan(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("data set folder " + root + " does not exist or is not a folder");
        }
        boolean split = Files.isDirectory(root.resolve("train"));
        java.util.Map<String, List<Sample>> files = new java.util.LinkedHashMap<>();
        List<String> classes;
        if (split) {
            classes = classFolders(root.resolve("train"));
            for (String s : SPLITS) {
                Path d = root.resolve(s);
                if (s.equals("val") && !Files.isDirectory(d)) {
                    d = root.resolve("validation");
                }
                if (Files.isDirectory(d)) {
                    List<String> here = classFolders(d);
                    for (String c : here) {
                        if (!classes.contains(c)) {
                            throw new IllegalArgumentException("class '" + c + "' in " + d + " is not among the training classes " + classes);
                        }
                    }
                    files.put(s, samples(d, classes, s.equals("train")));
                } else if (s.equals("val")) {
                    throw new IllegalArgumentException("data set " + root + " has a train/ folder but no val/ (or validation/) folder");
                }
            }
        } else {
            classes = classFolders(root);
            files.put("all", samples(root, classes, true));
        }
        if (classes.size() < 2) {
            throw new IllegalArgumentException("data set " + root + " needs at least 2 class folders, found " + classes);
        }
        return new ImageFolderDataset(root, List.copyOf(classes), java.util.Map.copyOf(files));
    }

    private static List<String> classFolders(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
            if (names.isEmpty()) {
                throw new IllegalArgumentException("no class folders in " + dir + " (expected " + dir + "/<class>/*.png)");
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<Sample> samples(Path dir, List<String> classes, boolean requireEvery) {
        List<Sample> out = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            Path cd = dir.resolve(classes.get(c));
            if (!Files.isDirectory(cd)) {
                if (requireEvery) {
                    throw new IllegalArgumentException("class folder " + cd + " is missing");
                }
                continue;
            }
            try (Stream<Path> s = Files.list(cd)) {
                int label = c;
                List<Sample> here = s.filter(Files::isRegularFile).filter(ImageFolderDataset::isImage).sorted()
                        .map(p -> new Sample(p, label)).toList();
                if (here.isEmpty() && requireEvery) {
                    throw new IllegalArgumentException("class folder " + cd + " has no images (png, jpg, bmp, tif)");
                }
                out.addAll(here);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + cd + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    public boolean hasSplit() {
        return files.containsKey("train");
    }

    /** Every sample, in a fixed order (split, class, file name). */
    public List<Sample> allSamples() {
        List<Sample> all = new ArrayList<>();
        for (String s : new TreeSet<>(files.keySet())) {
            all.addAll(files.get(s));
        }
        return all;
    }

    /** SHA-256 (hex) over the sorted lines {@code relative/path<TAB>size} of every image: identifies the data. */
    public String dataHash() {
        TreeSet<String> lines = new TreeSet<>();
        for (Sample s : allSamples()) {
            try {
                lines.add(root.relativize(s.file()).toString().replace('\\', '/') + "\t" + Files.size(s.file()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read size of " + s.file() + ": " + e.getMessage(), e);
            }
        }
        return DataHash.ofLines(lines);
    }

    /**
     * Loads the patches: the split as given, or a seeded stratified split of
     * {@code valFraction}/{@code testFraction} (at least one validation and one test sample per
     * class of 3+ images).
     */
    public DataSplit load(int sizePx, double valFraction, double testFraction, long seed) {
        return load(sizePx, ImageFit.STRETCH, valFraction, testFraction, seed);
    }

    /** {@link #load(int, double, double, long)} with each image fitted to the patch by {@code fit}. */
    public DataSplit load(int sizePx, ImageFit fit, double valFraction, double testFraction, long seed) {
        PatchPreparer prep = new PatchPreparer(fit.wholeImage(sizePx));
        if (hasSplit()) {
            PatchSet test = files.containsKey("test") ? read(files.get("test"), prep) : read(List.of(), prep);
            return new DataSplit(read(files.get("train"), prep), read(files.get("val"), prep), test);
        }
        PatchSet all = read(files.get("all"), prep);
        return stratified(all, valFraction, testFraction, seed);
    }

    /** The patches to evaluate a model on: the test split when the data has one, else every image. */
    public PatchSet loadForEvaluation(int sizePx) {
        return strict(loadForEvaluationChecked(sizePx));
    }

    /** {@link #loadForEvaluation}, but a file that cannot be read is left out and reported with its reason. */
    public Loaded loadForEvaluationChecked(int sizePx) {
        return loadForEvaluationChecked(PatchSettings.wholeImage(sizePx));
    }

    /**
     * The evaluation patches prepared with {@code wholeImage} (for a bundle:
     * {@link org.sinterscope.inspection.classify.BundleMetadata#wholeImagePatch()}, the fit it was trained with);
     * an unreadable file is left out and reported.
     */
    public Loaded loadForEvaluationChecked(PatchSettings wholeImage) {
        PatchPreparer prep = new PatchPreparer(wholeImage);
        return readChecked(files.containsKey("test") ? files.get("test") : allSamples(), prep);
    }

    /** A seeded stratified split of {@code all}. */
    public static DataSplit stratified(PatchSet all, double valFraction, double testFraction, long seed) {
        if (!(valFraction > 0 && testFraction >= 0 && valFraction + testFraction < 1)) {
            throw new IllegalArgumentException("need val fraction > 0, test fraction >= 0 and their sum < 1, got "
                    + valFraction + " and " + testFraction);
        }
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5B11_7L);
        List<Integer> tr = new ArrayList<>();
        List<Integer> va = new ArrayList<>();
        List<Integer> te = new ArrayList<>();
        for (int c = 0; c < all.classes().size(); c++) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (all.labels()[i] == c) {
                    idx.add(i);
                }
            }
            if (idx.size() < 3) {
                throw new IllegalArgumentException("class '" + all.classes().get(c) + "' has " + idx.size()
                        + " images; a split needs at least 3 per class");
            }
            int[] perm = ClassifierTrainer.permutation(idx.size(), rnd);
            int nVal = Math.max(1, (int) Math.round(idx.size() * valFraction));
            int nTest = testFraction == 0 ? 0 : Math.max(1, (int) Math.round(idx.size() * testFraction));
            for (int k = 0; k < perm.length; k++) {
                int i = idx.get(perm[k]);
                (k < nVal ? va : k < nVal + nTest ? te : tr).add(i);
            }
        }
        return new DataSplit(all.subset(sorted(tr)), all.subset(sorted(va)), all.subset(sorted(te)));
    }

    private static int[] sorted(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** A file that could not be read as an image, with the reason; it is left out of the patches. */
    public record Unreadable(Path file, String reason) {
    }

    /** Patches and the files left out of them. */
    public record Loaded(PatchSet patches, List<Unreadable> unreadable) {
        public Loaded {
            unreadable = List.copyOf(unreadable);
        }
    }

    /** Every sample, or an error naming the first file that cannot be read (training takes no partial data). */
    private PatchSet read(List<Sample> samples, PatchPreparer prep) {
        return strict(readChecked(samples, prep));
    }

    private static PatchSet strict(Loaded l) {
        if (!l.unreadable().isEmpty()) {
            Unreadable u = l.unreadable().get(0);
            throw new IllegalArgumentException("cannot read image " + u.file() + ": " + u.reason()
                    + (l.unreadable().size() > 1 ? " (and " + (l.unreadable().size() - 1) + " more)" : ""));
        }
        return l.patches();
    }

    /** Reads every sample through the line's image checks; an unreadable file is left out and reported, the rest go on. */
    private Loaded readChecked(List<Sample> samples, PatchPreparer prep) {
        OpenCvNative.load();
        int v = prep.settings().valuesPerPatch();
        float[] values = new float[samples.size() * v];
        int[] labels = new int[samples.size()];
        List<String> sources = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        int n = 0;
        for (Sample s : samples) {
            Mat img;
            try {
                img = ImageFiles.read(s.file(), ImageFiles.DEFAULT_MAX_PIXELS, Imgcodecs.IMREAD_GRAYSCALE);
            } catch (ImageFiles.UnusableImageException e) {
                unreadable.add(new Unreadable(s.file(), e.getMessage()));
                continue;
            }
            try {
                prep.prepareInto(img, new PixelRect(0, 0, img.cols(), img.rows()), values, n * v);
            } finally {
                img.release();
            }
            labels[n] = s.label();
            sources.add(root.relativize(s.file()).toString());
            n++;
        }
        PatchSet set = new PatchSet(classes, prep.settings().sizePx(), Arrays.copyOf(values, n * v), Arrays.copyOf(labels, n), sources);
        return new Loaded(set, unreadable);
    }
}
