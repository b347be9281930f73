package org.sinterscope.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.models.crack.CrackDataset;
import org.sinterscope.models.crack.CrackImages;

/**
 * An imbalanced six-class surface-defect check built from real photos: crops of the DeepCrack
 * development images ({@code shared/data/deepcrack-train}: images and crack masks), the way a line
 * sees defects — most images are defect-free, the smallest class has a few dozen, sizes vary.
 *
 * <p>Classes (folder names) and counts at {@code scale = 1}, the make-up of a public magnetic-tile
 * surface set: {@code free} 952 (70.8 %), {@code blowhole} 115, {@code uneven} 103, {@code break} 85,
 * {@code crack} 57, {@code fray} 32 — 1,344 images.
 * <ul>
 *   <li>{@code free}: a crop with no crack pixel (mask &lt; 128 everywhere in it) — real surface texture;</li>
 *   <li>{@code crack}: a crop whose crack pixels cover at least {@value #MIN_CRACK_SHARE} of it and span
 *   at least half its shorter side — a real crack;</li>
 *   <li>{@code blowhole}, {@code break}, {@code fray}, {@code uneven}: a crack-free crop with a drawn
 *   defect: 1–3 round dark pores with a soft bright rim; a dark chip broken out of one border; a row of
 *   small dark notches along one border; a smooth blotchy shading of ±18–35 grey levels.</li>
 * </ul>
 * Crop sides are drawn independently from 96–320 px (aspect up to 3.3 : 1); every image gets a
 * contrast ×U(0.8, 1.2) and brightness ±15 grey levels; every fifth image is written as 3-channel
 * colour. One seed drives everything; the photos are read in name order.
 */
public final class SurfaceDefectSet {

    public static final List<String> CLASSES = List.of("blowhole", "break", "crack", "fray", "free", "uneven");
    /** Images per class at scale 1, in {@link #CLASSES} order. */
    static final int[] COUNTS = {115, 85, 57, 32, 952, 103};
    static final double MIN_CRACK_SHARE = 0.01;
    static final int MIN_SIDE = 96;
    static final int MAX_SIDE = 320;
    /** Aspect ratios (longer : shorter side) up to e^0.7 ≈ 2. */
    static final double MAX_LOG_ASPECT = 0.7;
    /** Name and version of the generator, for data hashes. */
    public static final String VERSION = "surface-defect-set v2";

    private SurfaceDefectSet() {
    }

    /** Image count of each class at {@code scale} (at least 3 each, so a stratified split works). */
    public static int[] counts(double scale) {
        if (!(scale > 0 && scale <= 10)) {
            throw new IllegalArgumentException("scale must be in (0, 10], got " + scale);
        }
        int[] n = new int[COUNTS.length];
        for (int c = 0; c < n.length; c++) {
            n[c] = Math.max(3, (int) Math.round(COUNTS[c] * scale));
        }
        return n;
    }

    /**
     * Writes {@code dir/<class>/<class>_NNNN.png} from the DeepCrack folder {@code deepCrack}
     * ({@code images/}, {@code masks/}).
     *
     * @return the image count per class, in {@link #CLASSES} order
     */
    public static int[] write(Path deepCrack, Path dir, double scale, long seed) throws IOException {
        OpenCvNative.load();
        int[] counts = counts(scale);
        CrackDataset photos = CrackDataset.scan(deepCrack.resolve("images"), deepCrack.resolve("masks"));
        List<Mat> images = new ArrayList<>();
        List<Mat> masks = new ArrayList<>();
        try {
            for (CrackDataset.Item it : photos.items()) {
                images.add(CrackImages.readGrey(it.image()));
                Mat m = CrackImages.readMask(it.mask());
                Imgproc.threshold(m, m, 127, 255, Imgproc.THRESH_BINARY);
                masks.add(m);
            }
            for (int c = 0; c < CLASSES.size(); c++) {
                String name = CLASSES.get(c);
                Path classDir = Files.createDirectories(dir.resolve(name));
                for (int i = 0; i < counts[c]; i++) {
                    SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + c * 100_000L + i);
                    try (Mats m = new Mats()) {
                        Mat img = m.add(sample(name, images, masks, rnd, m));
                        Mat out = img;
                        if (i % 5 == 4) {
                            out = m.mat();
                            Imgproc.cvtColor(img, out, Imgproc.COLOR_GRAY2BGR);
                        }
                        Path file = classDir.resolve(String.format("%s_%04d.png", name, i));
                        if (!Imgcodecs.imwrite(file.toString(), out)) {
                            throw new IOException("cannot write " + file);
                        }
                    }
                }
            }
        } finally {
            images.forEach(Mat::release);
            masks.forEach(Mat::release);
        }
        return counts;
    }

    /** One 8-bit grey image of class {@code name}; the caller releases it. */
    static Mat sample(String name, List<Mat> images, List<Mat> masks, SplittableRandom rnd, Mats m) {
        int w = rnd.nextInt(MIN_SIDE, MAX_SIDE + 1);
        int h = (int) Math.round(Math.max(MIN_SIDE, Math.min(MAX_SIDE, w * Math.exp(rnd.nextDouble(-MAX_LOG_ASPECT, MAX_LOG_ASPECT)))));
        Mat crop = name.equals("crack") ? crackCrop(images, masks, w, h, rnd, m) : cleanCrop(images, masks, w, h, rnd, m);
        Mat f = m.mat();
        crop.convertTo(f, CvType.CV_32F);
        switch (name) {
            case "blowhole" -> blowholes(f, rnd, m);
            case "break" -> brokenChip(f, rnd);
            case "fray" -> fray(f, rnd);
            case "uneven" -> uneven(f, rnd, m);
            default -> {
            }
        }
        if (rnd.nextBoolean()) {
            Core.flip(f, f, 1);
        }
        double alpha = rnd.nextDouble(0.8, 1.2);
        double beta = rnd.nextDouble(-15, 15);
        Mat out = new Mat();
        f.convertTo(out, CvType.CV_8U, alpha, beta + (1 - alpha) * Core.mean(f).val[0]);
        return out;
    }

    /** A crop without crack pixels; if none is found at this size, a smaller one (sides × 0.85). */
    private static Mat cleanCrop(List<Mat> images, List<Mat> masks, int w, int h, SplittableRandom rnd, Mats m) {
        for (int shrink = 0; shrink < 12; shrink++) {
            for (int attempt = 0; attempt < 60; attempt++) {
                int k = rnd.nextInt(images.size());
                Rect r = place(images.get(k), w, h, rnd);
                Mat mr = m.add(masks.get(k).submat(r));
                if (Core.countNonZero(mr) == 0) {
                    return m.add(images.get(k).submat(r));
                }
            }
            w = Math.max(32, (int) (w * 0.85));
            h = Math.max(32, (int) (h * 0.85));
        }
        throw new IllegalStateException("no crack-free crop found in " + images.size() + " photos");
    }

    /** A crop in which crack pixels cover ≥ {@value #MIN_CRACK_SHARE} and span at least half the shorter side. */
    private static Mat crackCrop(List<Mat> images, List<Mat> masks, int w, int h, SplittableRandom rnd, Mats m) {
        for (int attempt = 0; attempt < 5000; attempt++) {
            int k = rnd.nextInt(images.size());
            Rect r = place(images.get(k), w, h, rnd);
            Mat mr = m.add(masks.get(k).submat(r));
            if (Core.countNonZero(mr) >= MIN_CRACK_SHARE * r.area()) {
                Rect b = Imgproc.boundingRect(mr);
                if (Math.max(b.width, b.height) >= 0.5 * Math.min(r.width, r.height)) {
                    return m.add(images.get(k).submat(r));
                }
            }
        }
        throw new IllegalStateException("no crack crop of " + w + "x" + h + " found in " + images.size() + " photos");
    }

    private static Rect place(Mat img, int w, int h, SplittableRandom rnd) {
        int cw = Math.min(w, img.cols());
        int ch = Math.min(h, img.rows());
        return new Rect(rnd.nextInt(img.cols() - cw + 1), rnd.nextInt(img.rows() - ch + 1), cw, ch);
    }

    private static void blowholes(Mat f, SplittableRandom rnd, Mats m) {
        int n = 1 + rnd.nextInt(3);
        double longer = Math.max(f.cols(), f.rows());
        double shorter = Math.min(f.cols(), f.rows());
        Mat layer = m.add(Mat.zeros(f.size(), CvType.CV_32F));
        for (int k = 0; k < n; k++) {
            // radius 3–7 % of the longer side: ≥ 1 px at a 64 px input
            double r = Math.min(0.3 * shorter, longer * rnd.nextDouble(0.03, 0.07));
            Point c = new Point(rnd.nextDouble(r, f.cols() - r), rnd.nextDouble(r, f.rows() - r));
            Imgproc.circle(layer, c, (int) Math.round(r * 1.3), new Scalar(rnd.nextDouble(15, 30)), -1, Imgproc.LINE_AA);
            Imgproc.circle(layer, c, (int) Math.round(r), new Scalar(-rnd.nextDouble(60, 100)), -1, Imgproc.LINE_AA);
        }
        Imgproc.GaussianBlur(layer, layer, new Size(0, 0), 1.2);
        Core.add(f, layer, f);
    }

    private static void brokenChip(Mat f, SplittableRandom rnd) {
        int W = f.cols();
        int H = f.rows();
        int side = rnd.nextInt(4);
        double depth = Math.min(W, H) * rnd.nextDouble(0.15, 0.4);
        double along = (side % 2 == 0 ? W : H);
        double a0 = rnd.nextDouble(0, along * 0.6);
        double len = along * rnd.nextDouble(0.2, 0.4);
        List<Point> pts = new ArrayList<>();
        pts.add(edgePoint(side, a0, 0, W, H));
        int steps = 3 + rnd.nextInt(3);
        for (int s = 1; s < steps; s++) {
            double t = a0 + len * s / steps;
            pts.add(edgePoint(side, t, depth * rnd.nextDouble(0.5, 1.0), W, H));
        }
        pts.add(edgePoint(side, a0 + len, 0, W, H));
        double level = rnd.nextDouble(10, 40);
        Imgproc.fillPoly(f, List.of(new MatOfPoint(pts.toArray(new Point[0]))), new Scalar(level), Imgproc.LINE_AA);
    }

    private static void fray(Mat f, SplittableRandom rnd) {
        int W = f.cols();
        int H = f.rows();
        int side = rnd.nextInt(4);
        double along = (side % 2 == 0 ? W : H);
        double longer = Math.max(W, H);
        int notches = 6 + rnd.nextInt(10);
        double t = rnd.nextDouble(0, along * 0.2);
        double level = rnd.nextDouble(15, 45);
        for (int k = 0; k < notches && t < along; k++) {
            // notches 2–4 % of the longer side wide, 4–9 % deep: visible at a 64 px input
            double width = longer * rnd.nextDouble(0.02, 0.04);
            double depth = Math.min(0.3 * Math.min(W, H), longer * rnd.nextDouble(0.04, 0.09));
            Point[] tri = {edgePoint(side, t, 0, W, H), edgePoint(side, t + width / 2, depth, W, H),
                    edgePoint(side, t + width, 0, W, H)};
            Imgproc.fillPoly(f, List.of(new MatOfPoint(tri)), new Scalar(level), Imgproc.LINE_AA);
            t += width + longer * rnd.nextDouble(0.005, 0.03);
        }
    }

    /** A point {@code along} the border {@code side} (0 top, 1 right, 2 bottom, 3 left), {@code depth} px inside. */
    private static Point edgePoint(int side, double along, double depth, int w, int h) {
        return switch (side) {
            case 0 -> new Point(along, depth);
            case 1 -> new Point(w - 1 - depth, along);
            case 2 -> new Point(along, h - 1 - depth);
            default -> new Point(depth, along);
        };
    }

    /** Uneven surface: ripples of period 12–25 % of the longer side, ±12–22 grey levels, over a blotchy ±10–20 field. */
    private static void uneven(Mat f, SplittableRandom rnd, Mats m) {
        int gw = 3 + rnd.nextInt(3);
        int gh = 3 + rnd.nextInt(3);
        float[] v = new float[gw * gh];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        Mat grid = m.add(new Mat(gh, gw, CvType.CV_32F));
        grid.put(0, 0, v);
        Mat field = m.mat();
        Imgproc.resize(grid, field, f.size(), 0, 0, Imgproc.INTER_CUBIC);
        Core.MinMaxLocResult mm = Core.minMaxLoc(field);
        double amp = rnd.nextDouble(10, 20);
        double span = Math.max(1e-6, mm.maxVal - mm.minVal);
        // field scaled to [−amp, +amp]
        field.convertTo(field, CvType.CV_32F, 2 * amp / span, -amp - 2 * amp * mm.minVal / span);
        Core.add(f, field, f);
        double period = Math.max(f.cols(), f.rows()) * rnd.nextDouble(0.12, 0.25);
        double angle = rnd.nextDouble(Math.PI);
        double ripple = rnd.nextDouble(12, 22);
        double phase = rnd.nextDouble(2 * Math.PI);
        double cx = Math.cos(angle) * 2 * Math.PI / period;
        double cy = Math.sin(angle) * 2 * Math.PI / period;
        float[] row = new float[f.cols()];
        Mat waves = m.add(new Mat(f.rows(), f.cols(), CvType.CV_32F));
        for (int y = 0; y < f.rows(); y++) {
            for (int x = 0; x < row.length; x++) {
                row[x] = (float) (ripple * Math.sin(cx * x + cy * y + phase));
            }
            waves.put(y, 0, row);
        }
        Core.add(f, waves, f);
    }
}
