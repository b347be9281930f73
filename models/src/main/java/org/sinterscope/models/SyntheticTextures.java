package org.sinterscope.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.OpenCvNative;

/**
 * A seeded stand-in for six-class steel-surface data sets (such as NEU surface defects: 200 × 200
 * grey images of crazing, inclusion, patches, pitted surface, rolled-in scale and scratches), for
 * testing that training and evaluation work end to end on whole images nobody cut from our line.
 *
 * <p>Each image is a rolled-steel background (mid grey, low-frequency shading, fine grain) with
 * one family of marks drawn with OpenCV: a network of thin dark cracks (crazing), a few elongated
 * dark blobs (inclusion), large soft blotches (patches), many small dark pits (pitted surface),
 * clusters of irregular flakes (rolled-in scale), or a few long straight lines (scratches).
 * Every fifth image is written as 3-channel colour, and every seventh at 240 × 180 px, so that the
 * loader's conversion to grey and resizing are exercised.
 */
public final class SyntheticTextures {

    /** Class folder names, in the order the families are listed above. */
    public static final List<String> CLASSES = List.of("crazing", "inclusion", "patches", "pitted_surface",
            "rolled-in_scale", "scratches");
    static final int SIZE = 200;

    private SyntheticTextures() {
    }

    /** Writes {@code perClass} images of each class to {@code dir/<class>/<class>_NNNN.png}. */
    public static void write(Path dir, int perClass, long seed) throws IOException {
        OpenCvNative.load();
        for (int c = 0; c < CLASSES.size(); c++) {
            Path classDir = Files.createDirectories(dir.resolve(CLASSES.get(c)));
            for (int i = 0; i < perClass; i++) {
                SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + c * 100_000L + i);
                int w = i % 7 == 6 ? 240 : SIZE;
                int h = i % 7 == 6 ? 180 : SIZE;
                try (Mats m = new Mats()) {
                    Mat img = m.add(render(c, w, h, rnd));
                    Mat out = img;
                    if (i % 5 == 4) {
                        out = m.mat();
                        Imgproc.cvtColor(img, out, Imgproc.COLOR_GRAY2BGR);
                    }
                    Path file = classDir.resolve(String.format("%s_%04d.png", CLASSES.get(c), i));
                    if (!Imgcodecs.imwrite(file.toString(), out)) {
                        throw new IOException("cannot write " + file);
                    }
                }
            }
        }
    }

    /** One 8-bit grey image of family {@code c}. */
    static Mat render(int c, int w, int h, SplittableRandom rnd) {
        try (Mats m = new Mats()) {
            Mat img = m.add(new Mat(h, w, CvType.CV_32F));
            // background: grey level, low-frequency shading, fine grain
            Mat low = m.add(gaussianField(h / 20 + 1, w / 20 + 1, 8, rnd));
            Imgproc.resize(low, img, new Size(w, h), 0, 0, Imgproc.INTER_CUBIC);
            Core.add(img, new Scalar(110 + rnd.nextDouble(-20, 20)), img);
            Mat grain = m.add(gaussianField(h, w, 6, rnd));
            Imgproc.GaussianBlur(grain, grain, new Size(3, 3), 0.8);
            Core.add(img, grain, img);
            switch (c) {
                case 0 -> crazing(img, rnd);
                case 1 -> inclusion(img, rnd, m);
                case 2 -> patches(img, rnd, m);
                case 3 -> pitted(img, rnd);
                case 4 -> scale(img, rnd, m);
                default -> scratches(img, rnd);
            }
            Mat out = new Mat();
            img.convertTo(out, CvType.CV_8U);
            return out;
        }
    }

    private static Mat gaussianField(int h, int w, double sigma, SplittableRandom rnd) {
        float[] v = new float[h * w];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rnd.nextGaussian() * sigma);
        }
        Mat f = new Mat(h, w, CvType.CV_32F);
        f.put(0, 0, v);
        return f;
    }

    private static Point pt(Mat img, SplittableRandom rnd) {
        return new Point(rnd.nextDouble(img.cols()), rnd.nextDouble(img.rows()));
    }

    private static void crazing(Mat img, SplittableRandom rnd) {
        int cracks = 25 + rnd.nextInt(25);
        for (int k = 0; k < cracks; k++) {
            Point p = pt(img, rnd);
            double angle = rnd.nextDouble(Math.PI);
            for (int s = 0; s < 3 + rnd.nextInt(4); s++) {
                angle += rnd.nextDouble(-0.8, 0.8);
                double len = 6 + rnd.nextDouble(12);
                Point q = new Point(p.x + len * Math.cos(angle), p.y + len * Math.sin(angle));
                Imgproc.line(img, p, q, new Scalar(-28 + rnd.nextDouble(-8, 8) + 110), 1, Imgproc.LINE_AA);
                p = q;
            }
        }
    }

    private static void inclusion(Mat img, SplittableRandom rnd, Mats m) {
        int n = 1 + rnd.nextInt(4);
        double angle = rnd.nextDouble(180);
        for (int k = 0; k < n; k++) {
            Point c = pt(img, rnd);
            Size axes = new Size(8 + rnd.nextDouble(22), 2 + rnd.nextDouble(4));
            Imgproc.ellipse(img, c, axes, angle + rnd.nextDouble(-15, 15), 0, 360, new Scalar(45 + rnd.nextDouble(20)), -1, Imgproc.LINE_AA);
        }
        blurInPlace(img, 1.0, m);
    }

    private static void patches(Mat img, SplittableRandom rnd, Mats m) {
        Mat layer = m.add(Mat.zeros(img.size(), CvType.CV_32F));
        int n = 2 + rnd.nextInt(4);
        for (int k = 0; k < n; k++) {
            Size axes = new Size(15 + rnd.nextDouble(35), 12 + rnd.nextDouble(30));
            Imgproc.ellipse(layer, pt(img, rnd), axes, rnd.nextDouble(180), 0, 360, new Scalar(rnd.nextDouble(35, 60)), -1);
        }
        Imgproc.GaussianBlur(layer, layer, new Size(0, 0), 6);
        Core.subtract(img, layer, img);
    }

    private static void pitted(Mat img, SplittableRandom rnd) {
        int n = 40 + rnd.nextInt(60);
        for (int k = 0; k < n; k++) {
            Imgproc.circle(img, pt(img, rnd), 1 + rnd.nextInt(3), new Scalar(50 + rnd.nextDouble(30)), -1, Imgproc.LINE_AA);
        }
    }

    private static void scale(Mat img, SplittableRandom rnd, Mats m) {
        int clusters = 2 + rnd.nextInt(3);
        for (int k = 0; k < clusters; k++) {
            Point c = pt(img, rnd);
            for (int f = 0; f < 6 + rnd.nextInt(10); f++) {
                Point[] poly = new Point[5];
                Point fc = new Point(c.x + rnd.nextGaussian() * 18, c.y + rnd.nextGaussian() * 10);
                for (int j = 0; j < poly.length; j++) {
                    double a = j * 2 * Math.PI / poly.length + rnd.nextDouble(-0.4, 0.4);
                    double r = 3 + rnd.nextDouble(6);
                    poly[j] = new Point(fc.x + r * Math.cos(a) * 1.6, fc.y + r * Math.sin(a));
                }
                double shade = rnd.nextBoolean() ? 150 + rnd.nextDouble(30) : 70 + rnd.nextDouble(20);
                Imgproc.fillPoly(img, List.of(m.add(new MatOfPoint(poly))), new Scalar(shade), Imgproc.LINE_AA);
            }
        }
    }

    private static void scratches(Mat img, SplittableRandom rnd) {
        int n = 1 + rnd.nextInt(4);
        double angle = rnd.nextDouble(Math.PI);
        double diag = Math.hypot(img.cols(), img.rows());
        for (int k = 0; k < n; k++) {
            Point c = pt(img, rnd);
            double a = angle + rnd.nextDouble(-0.05, 0.05);
            double len = diag * rnd.nextDouble(0.4, 1.0) / 2;
            Point p = new Point(c.x - len * Math.cos(a), c.y - len * Math.sin(a));
            Point q = new Point(c.x + len * Math.cos(a), c.y + len * Math.sin(a));
            double level = rnd.nextBoolean() ? 175 + rnd.nextDouble(30) : 50 + rnd.nextDouble(20);
            Imgproc.line(img, p, q, new Scalar(level), 1 + rnd.nextInt(2), Imgproc.LINE_AA);
        }
    }

    private static void blurInPlace(Mat img, double sigma, Mats m) {
        Mat b = m.mat();
        Imgproc.GaussianBlur(img, b, new Size(0, 0), sigma);
        b.copyTo(img);
    }
}
