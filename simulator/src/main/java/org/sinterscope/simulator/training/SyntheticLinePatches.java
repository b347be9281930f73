package org.sinterscope.simulator.training;

import org.sinterscope.models.PatchSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.PixelPitch;
import org.sinterscope.camera.PixelRect;
import org.sinterscope.simulator.line.InjectedDefect;
import org.sinterscope.simulator.line.Lookalike;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedFrame;
import org.sinterscope.simulator.line.SimulatedLine;
import org.sinterscope.simulator.line.SimulatedLineConfig;
import org.sinterscope.inspection.classify.PatchPreparer;

/**
 * A labelled patch data set cut from the simulated electrode line: candidates of the six coating
 * defect classes around the ground-truth bounds of injected defects, plus {@value #LOOKALIKE}:
 * harmless patches, 20 % ({@link #CLEAN_FRACTION}) clean coating texture and mottling or normal
 * coating edges, the rest the simulator's own look-alikes ({@link Lookalike}: dust specks, light
 * glints, fibres) cut around their ground-truth bounds like the defects or by the detector, so the
 * class is what the classical detectors flag on the line.
 *
 * <p>Of the spot-like defect classes (pinhole, agglomerate, uncoated, scratch) and of the line's
 * look-alikes, {@link #DETECTOR_FRACTION} of the samples are the classical detector's own candidate
 * boxes on them ({@link DetectorCandidates}: what the station really asks the classifier about,
 * fragments and under-sized boxes included, at most {@value #PER_OBJECT} per object and frame), the
 * rest ground-truth boxes as below.
 *
 * <p>Each defect class comes from its own seeded line (1024 × 512 px frames at 50 µm, 40 mm
 * coating on a 48 mm foil) that injects only that class, so no window holds two classes. The
 * candidate box is the defect's ground-truth box clipped to the frame and jittered (size × U(0.8,
 * 1.25), centre ± 15 %) as a detector's box would be. Spots must lie wholly in the frame; a streak
 * gives one candidate every fourth frame it crosses.
 */
public final class SyntheticLinePatches {

    public static final String LOOKALIKE = "lookalike";
    /** Share of the look-alike class that is clean coating or clean edges; the rest are the simulator's look-alikes. */
    static final double CLEAN_FRACTION = 0.2;
    /** Look-alike rate of the line the look-alike samples come from, per m (about one per 25.6 mm frame). */
    static final double LOOKALIKES_PER_M = 40;
    /** Share of the spot-like classes' and the look-alikes' samples cut from the classical detector's candidates. */
    static final double DETECTOR_FRACTION = 0.5;
    /** At most this many detector candidates per object and frame (a fragmented fibre gives several). */
    static final int PER_OBJECT = 2;
    private static final Set<DefectClass> DETECTED = Set.of(DefectClass.PINHOLE, DefectClass.AGGLOMERATE,
            DefectClass.UNCOATED, DefectClass.SCRATCH);
    /** Class names, sorted (as a folder-per-class data set lists them). */
    public static final List<String> CLASSES = List.of("agglomerate", "edge", LOOKALIKE, "pinhole", "scratch", "streak", "uncoated");
    private static final List<DefectClass> DEFECTS = List.of(DefectClass.AGGLOMERATE, DefectClass.EDGE, DefectClass.PINHOLE,
            DefectClass.SCRATCH, DefectClass.STREAK, DefectClass.UNCOATED);

    /** Receives each sample: the frame, the candidate box and its class index in {@link #CLASSES}. */
    @FunctionalInterface
    public interface Sink {
        void accept(Mat frame, PixelRect candidate, int label, String source);
    }

    private SyntheticLinePatches() {
    }

    /** The small line all samples are cut from. */
    static SimulatedLineConfig lineConfig(long seed) {
        return SimulatedLineConfig.defaults().withFrame(1024, 512, PixelPitch.square(50), 48, 40).withSeed(seed).withLengthM(400)
                .withLookalikeRatePerM(0);
    }

    /** Prepared patches, {@code perClass} of each class, with {@code preparer}. */
    public static PatchSet generate(int perClass, long seed, PatchPreparer preparer) {
        int v = preparer.settings().valuesPerPatch();
        List<float[]> patches = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        run(perClass, seed, (frame, rect, label, source) -> {
            patches.add(preparer.prepare(frame, rect));
            labels.add(label);
            sources.add(source);
        });
        float[] values = new float[patches.size() * v];
        for (int i = 0; i < patches.size(); i++) {
            System.arraycopy(patches.get(i), 0, values, i * v, v);
        }
        return new PatchSet(CLASSES, preparer.settings().sizePx(), values, labels.stream().mapToInt(Integer::intValue).toArray(), sources);
    }

    /** Writes the crop windows ({@link PatchPreparer#crop}) as {@code dir/<class>/NNNNN.png}. */
    public static void write(Path dir, int perClass, long seed, PatchPreparer preparer) throws IOException {
        for (String c : CLASSES) {
            Files.createDirectories(dir.resolve(c));
        }
        int[] n = new int[CLASSES.size()];
        try {
            run(perClass, seed, (frame, rect, label, source) -> {
                Path file = dir.resolve(CLASSES.get(label)).resolve(String.format(Locale.ROOT, "%05d.png", n[label]++));
                try (Mats m = new Mats()) {
                    if (!Imgcodecs.imwrite(file.toString(), m.add(preparer.crop(frame, rect)))) {
                        throw new UncheckedIOException(new IOException("cannot write " + file));
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Produces {@code perClass} samples of every class into {@code sink}. */
    public static void run(int perClass, long seed, Sink sink) {
        if (perClass < 1) {
            throw new IllegalArgumentException("need at least 1 sample per class, got " + perClass);
        }
        for (DefectClass c : DEFECTS) {
            defects(c, CLASSES.indexOf(c.label()), perClass, seed, sink);
        }
        lookalikes(CLASSES.indexOf(LOOKALIKE), perClass, seed, sink);
    }

    private static double ratePerM(DefectClass c) {
        return switch (c) {
            case STREAK -> 4;
            case SCRATCH -> 20;
            default -> 30;
        };
    }

    private static void defects(DefectClass c, int label, int perClass, long seed, Sink sink) {
        SimulatedLineConfig cfg = lineConfig(seed * 31 + c.ordinal() + 1).withDefectClasses(Set.of(c)).withDefectRatePerM(ratePerM(c));
        SplittableRandom rnd = new SplittableRandom(seed ^ (0xC1A55L + c.ordinal()));
        int fromDetector = DETECTED.contains(c) ? (int) Math.round(perClass * DETECTOR_FRACTION) : 0;
        int fromTruth = perClass - fromDetector;
        int truthN = 0;
        int detN = 0;
        DetectorCandidates candidates = new DetectorCandidates();
        try (SimulatedLine line = new SimulatedLine(cfg, SimulatedEncoder.freeRunning())) {
            while (line.hasNext() && truthN + detN < perClass) {
                try (SimulatedFrame sf = line.nextWithTruth()) {
                    Mat img = sf.frame().image();
                    for (InjectedDefect d : sf.defects()) {
                        PixelRect full = sf.frame().grid().toPixels(d.bounds());
                        PixelRect r = clip(full, img.cols(), img.rows());
                        String where = " #" + d.id() + " in frame " + sf.frame().sequence();
                        if (truthN < fromTruth && r != null && usable(c, full, r, sf.frame().sequence(), d.id())) {
                            sink.accept(img, jitter(r, rnd), label, c.label() + where);
                            truthN++;
                        }
                        if (detN < fromDetector) {
                            for (PixelRect cand : first(candidates.matching(sf.frame(), d.bounds()), fromDetector - detN)) {
                                sink.accept(img, cand, label, c.label() + " candidate" + where);
                                detN++;
                            }
                        }
                    }
                }
            }
        }
        int count = truthN + detN;
        if (count < perClass) {
            throw new IllegalStateException("the simulated line gave only " + count + " " + c.label() + " samples of " + perClass);
        }
    }

    /** At most {@value #PER_OBJECT} and at most {@code left} of {@code boxes}, in order. */
    private static List<PixelRect> first(List<PixelRect> boxes, int left) {
        return boxes.subList(0, Math.min(boxes.size(), Math.min(PER_OBJECT, left)));
    }

    private static boolean usable(DefectClass c, PixelRect full, PixelRect r, long frame, long id) {
        return switch (c) {
            case PINHOLE, AGGLOMERATE, UNCOATED -> r.equals(full);
            case STREAK -> r.height() >= 64 && (frame + id) % 4 == 0;
            default -> r.height() >= 24;
        };
    }

    private static PixelRect clip(PixelRect r, int w, int h) {
        int x0 = Math.max(0, r.x());
        int y0 = Math.max(0, r.y());
        int x1 = Math.min(w, r.x1());
        int y1 = Math.min(h, r.y1());
        return x1 > x0 && y1 > y0 ? new PixelRect(x0, y0, x1 - x0, y1 - y0) : null;
    }

    /** A detector's box is never the truth: size × U(0.8, 1.25), centre moved by up to 15 % of the size. */
    static PixelRect jitter(PixelRect r, SplittableRandom rnd) {
        double w = Math.max(1, r.width() * rnd.nextDouble(0.8, 1.25));
        double h = Math.max(1, r.height() * rnd.nextDouble(0.8, 1.25));
        double cx = r.x() + r.width() / 2.0 + rnd.nextDouble(-0.15, 0.15) * r.width();
        double cy = r.y() + r.height() / 2.0 + rnd.nextDouble(-0.15, 0.15) * r.height();
        return new PixelRect((int) Math.round(cx - w / 2), (int) Math.round(cy - h / 2), (int) Math.round(w), (int) Math.round(h));
    }

    private static void lookalikes(int label, int perClass, long seed, Sink sink) {
        int clean = (int) Math.round(perClass * CLEAN_FRACTION);
        cleanPatches(label, clean, seed, sink);
        int fromDetector = (int) Math.round(perClass * DETECTOR_FRACTION);
        lineLookalikes(label, perClass - clean - fromDetector, fromDetector, seed, sink);
    }

    /** Clean coating texture and mottling, and normal coating edges (2 : 1), from a line with nothing on it. */
    private static void cleanPatches(int label, int n, long seed, Sink sink) {
        SimulatedLineConfig cfg = lineConfig(seed * 31 + 101).withDefectRatePerM(0).withLookalikeRatePerM(0);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x100C_A11CEL);
        int count = 0;
        try (SimulatedLine line = new SimulatedLine(cfg, SimulatedEncoder.freeRunning())) {
            while (line.hasNext() && count < n) {
                try (SimulatedFrame sf = line.nextWithTruth()) {
                    Mat img = sf.frame().image();
                    var grid = sf.frame().grid();
                    int left = (int) Math.ceil(grid.col(cfg.coatingLeftMm() + 3));
                    int right = (int) Math.floor(grid.col(cfg.coatingRightMm() - 3));
                    int band = img.rows() / 4;
                    for (int b = 0; b < 4 && count < n; b++, count++) {
                        int y0 = b * band;
                        PixelRect r;
                        String what;
                        if (rnd.nextDouble() < 1.0 / 3) {
                            boolean leftEdge = rnd.nextBoolean();
                            double edgeCol = grid.col(leftEdge ? cfg.coatingLeftMm() : cfg.coatingRightMm());
                            int w = rnd.nextInt(30, 70);
                            int h = rnd.nextInt(40, band - 8);
                            r = new PixelRect((int) Math.round(edgeCol - w / 2.0), y0 + 4, w, h);
                            what = "clean edge";
                        } else {
                            int size = rnd.nextInt(3, 40);
                            int cx = rnd.nextInt(left + 80, right - 80);
                            int cy = y0 + band / 2 + rnd.nextInt(-band / 4, band / 4 + 1);
                            r = new PixelRect(cx - size / 2, cy - size / 2, size, size);
                            what = "clean coating";
                        }
                        sink.accept(img, r, label, what + " in frame " + sf.frame().sequence());
                    }
                }
            }
        }
    }

    /**
     * The simulator's own look-alikes ({@link Lookalike}: dust, glints, fibres, as the line renders
     * them), cut like defects: ground-truth box, jittered; only those wholly in a frame.
     */
    private static void lineLookalikes(int label, int n, int fromDetector, long seed, Sink sink) {
        SimulatedLineConfig cfg = lineConfig(seed * 31 + 103).withDefectRatePerM(0).withLookalikeRatePerM(LOOKALIKES_PER_M);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x100C_A11CE_2L);
        int truthN = 0;
        int detN = 0;
        DetectorCandidates candidates = new DetectorCandidates();
        try (SimulatedLine line = new SimulatedLine(cfg, SimulatedEncoder.freeRunning())) {
            while (line.hasNext() && (truthN < n || detN < fromDetector)) {
                try (SimulatedFrame sf = line.nextWithTruth()) {
                    Mat img = sf.frame().image();
                    var grid = sf.frame().grid();
                    for (Lookalike l : line.plan().lookalikesWithin(sf.frame().yStartMm(), sf.frame().yEndMm())) {
                        String what = l.kind().name().toLowerCase(Locale.ROOT) + " #" + l.id() + " in frame " + sf.frame().sequence();
                        PixelRect full = grid.toPixels(l.bounds());
                        PixelRect r = clip(full, img.cols(), img.rows());
                        if (truthN < n && r != null && r.equals(full)) {
                            sink.accept(img, jitter(r, rnd), label, what);
                            truthN++;
                        }
                        if (detN < fromDetector) {
                            for (PixelRect cand : first(candidates.meeting(sf.frame(), l.bounds(), 0.5), fromDetector - detN)) {
                                sink.accept(img, cand, label, "candidate on " + what);
                                detN++;
                            }
                        }
                    }
                }
            }
        }
        int count = truthN + detN;
        n += fromDetector;
        if (count < n) {
            throw new IllegalStateException("the simulated line gave only " + count + " look-alike samples of " + n);
        }
    }
}
