package org.sinterscope.models;

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
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.PixelPitch;
import org.sinterscope.camera.PixelRect;
import org.sinterscope.camera.sim.InjectedDefect;
import org.sinterscope.camera.sim.SimulatedEncoder;
import org.sinterscope.camera.sim.SimulatedFrame;
import org.sinterscope.camera.sim.SimulatedLine;
import org.sinterscope.camera.sim.SimulatedLineConfig;
import org.sinterscope.inspection.classify.PatchPreparer;

/**
 * A labelled patch data set cut from the simulated electrode line: candidates of the six coating
 * defect classes around the ground-truth bounds of injected defects, plus {@value #LOOKALIKE}:
 * harmless patches of clean coating texture and mottling, normal coating edges, and faint dust
 * specks and fibres rendered here onto clean coating.
 *
 * <p>Each defect class comes from its own seeded line (1024 × 512 px frames at 50 µm, 40 mm
 * coating on a 48 mm foil) that injects only that class, so no window holds two classes. The
 * candidate box is the defect's ground-truth box clipped to the frame and jittered (size × U(0.8,
 * 1.25), centre ± 15 %) as a detector's box would be. Spots must lie wholly in the frame; a streak
 * gives one candidate every fourth frame it crosses.
 */
public final class SyntheticLinePatches {

    public static final String LOOKALIKE = "lookalike";
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
        return SimulatedLineConfig.defaults().withFrame(1024, 512, PixelPitch.square(50), 48, 40).withSeed(seed).withLengthM(400);
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
        int count = 0;
        try (SimulatedLine line = new SimulatedLine(cfg, SimulatedEncoder.freeRunning())) {
            while (line.hasNext() && count < perClass) {
                try (SimulatedFrame sf = line.nextWithTruth()) {
                    Mat img = sf.frame().image();
                    for (InjectedDefect d : sf.defects()) {
                        PixelRect full = sf.frame().grid().toPixels(d.bounds());
                        PixelRect r = clip(full, img.cols(), img.rows());
                        if (r == null || !usable(c, full, r, sf.frame().sequence(), d.id())) {
                            continue;
                        }
                        sink.accept(img, jitter(r, rnd), label, c.label() + " #" + d.id() + " in frame " + sf.frame().sequence());
                        if (++count >= perClass) {
                            break;
                        }
                    }
                }
            }
        }
        if (count < perClass) {
            throw new IllegalStateException("the simulated line gave only " + count + " " + c.label() + " samples of " + perClass);
        }
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
        SimulatedLineConfig cfg = lineConfig(seed * 31 + 101).withDefectRatePerM(0);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x100C_A11CEL);
        int count = 0;
        try (SimulatedLine line = new SimulatedLine(cfg, SimulatedEncoder.freeRunning())) {
            while (line.hasNext() && count < perClass) {
                try (SimulatedFrame sf = line.nextWithTruth()) {
                    Mat img = sf.frame().image();
                    var grid = sf.frame().grid();
                    int left = (int) Math.ceil(grid.col(cfg.coatingLeftMm() + 3));
                    int right = (int) Math.floor(grid.col(cfg.coatingRightMm() - 3));
                    // four horizontal bands per frame, one sample each, so drawn marks never share a window
                    int band = img.rows() / 4;
                    for (int b = 0; b < 4 && count < perClass; b++, count++) {
                        int y0 = b * band;
                        double kind = rnd.nextDouble();
                        String what;
                        PixelRect r;
                        if (kind < 0.2) {
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
                            if (kind < 0.5) {
                                what = "clean coating";
                            } else if (kind < 0.85) {
                                r = speck(img, cx, cy, rnd);
                                what = "dust speck";
                            } else {
                                r = fibre(img, cx, cy, rnd);
                                what = "fibre";
                            }
                        }
                        sink.accept(img, r, label, what + " in frame " + sf.frame().sequence());
                    }
                }
            }
        }
    }

    /** One to three faint blurred specks (radius 1–3 px, ±6–18 grey levels) around (cx, cy); returns their box. */
    private static PixelRect speck(Mat img, int cx, int cy, SplittableRandom rnd) {
        int n = rnd.nextInt(1, 4);
        int x0 = cx;
        int y0 = cy;
        int x1 = cx;
        int y1 = cy;
        for (int i = 0; i < n; i++) {
            int x = cx + rnd.nextInt(-8, 9);
            int y = cy + rnd.nextInt(-8, 9);
            int rad = rnd.nextInt(1, 4);
            double delta = rnd.nextDouble(6, 18) * (rnd.nextBoolean() ? 1 : -1);
            Rect box = new Rect(x - rad - 2, y - rad - 2, 2 * rad + 5, 2 * rad + 5);
            Mat roi = img.submat(box);
            try (Mats m = new Mats()) {
                Mat mark = m.add(Mat.zeros(roi.size(), org.opencv.core.CvType.CV_16S));
                Imgproc.circle(mark, new Point(rad + 2, rad + 2), rad, new Scalar(delta), -1, Imgproc.LINE_AA);
                Imgproc.GaussianBlur(mark, mark, new Size(3, 3), 0.8);
                Mat sum = m.mat();
                org.opencv.core.Core.add(roi, mark, sum, new Mat(), org.opencv.core.CvType.CV_8U);
                sum.copyTo(roi);
            } finally {
                roi.release();
            }
            x0 = Math.min(x0, x - rad);
            y0 = Math.min(y0, y - rad);
            x1 = Math.max(x1, x + rad + 1);
            y1 = Math.max(y1, y + rad + 1);
        }
        return new PixelRect(x0, y0, x1 - x0, y1 - y0);
    }

    /** A faint thin curved fibre (10–40 px, ±8–15 grey levels) from (cx, cy); returns its box. */
    private static PixelRect fibre(Mat img, int cx, int cy, SplittableRandom rnd) {
        double angle = rnd.nextDouble(Math.PI * 2);
        double level = 88 + rnd.nextDouble(8, 15) * (rnd.nextBoolean() ? 1 : -1);
        Point p = new Point(cx, cy);
        double x0 = cx;
        double y0 = cy;
        double x1 = cx;
        double y1 = cy;
        int segments = rnd.nextInt(3, 5);
        for (int i = 0; i < segments; i++) {
            angle += rnd.nextDouble(-0.6, 0.6);
            double len = rnd.nextDouble(3, 10);
            Point q = new Point(p.x + len * Math.cos(angle), p.y + len * Math.sin(angle));
            Imgproc.line(img, p, q, new Scalar(level), 1, Imgproc.LINE_AA);
            p = q;
            x0 = Math.min(x0, q.x);
            y0 = Math.min(y0, q.y);
            x1 = Math.max(x1, q.x);
            y1 = Math.max(y1, q.y);
        }
        return new PixelRect((int) Math.floor(x0), (int) Math.floor(y0), (int) Math.ceil(x1 - x0) + 1, (int) Math.ceil(y1 - y0) + 1);
    }
}
