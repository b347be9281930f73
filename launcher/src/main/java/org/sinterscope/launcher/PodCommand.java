package org.sinterscope.launcher;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.CvType;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.simulator.pod.PodFit;
import org.sinterscope.simulator.pod.PodSweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sinterscope pod}: the probability-of-detection curve of one defect class on the simulated line (docs/pod.md). */
@Command(name = "pod", mixinStandardHelpOptions = true,
        description = {"Sweeps the size of one defect class on the simulated line (synthetic), inspects every frame with the",
                "classical detectors and fits POD(size) by hit/miss maximum likelihood (MIL-HDBK-1823A): a90 and a90/95."})
final class PodCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--class", required = true, paramLabel = "CLASS",
            description = "pinhole, agglomerate, uncoated, scratch (size = width) or streak (size = width).")
    String defectClass;

    @Option(names = "--min-mm", paramLabel = "MM", description = "Smallest size, mm (default: per class, docs/pod.md).")
    Double minMm;

    @Option(names = "--max-mm", paramLabel = "MM", description = "Largest size, mm (default: per class).")
    Double maxMm;

    @Option(names = "--sizes", defaultValue = "12", description = "Log-spaced sizes (default ${DEFAULT-VALUE}).")
    int sizes;

    @Option(names = "--per-size", defaultValue = "10", description = "Defects of each size (default ${DEFAULT-VALUE}).")
    int perSize;

    @Option(names = "--contrast", paramLabel = "GREY", description = "Grey-level contrast of the defects (default: per class).")
    Double contrast;

    @Option(names = "--seed", defaultValue = "7", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "PNG", description = "Write the POD curve as a PNG.")
    Path out;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        DefectClass c;
        double[] d;
        try {
            c = DefectClass.fromLabel(defectClass.trim().toLowerCase(Locale.ROOT));
            d = PodSweep.defaults(c);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--class: " + e.getMessage());
        }
        PodSweep.Result r;
        try {
            r = PodSweep.run(c, minMm != null ? minMm : d[0], maxMm != null ? maxMm : d[1], sizes, perSize,
                    contrast != null ? contrast : d[2], seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (out != null) {
            plot(r, out);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            Json.print(w, r);
        } else {
            w.printf(Locale.ROOT, "POD of %s on the simulated line (synthetic; seed %d, contrast %.0f grey, %d defects)%n", r.defectClass(),
                    r.seed(), r.contrast(), r.trials());
            w.println("    size-mm  hits/trials");
            r.points().forEach(p -> w.printf(Locale.ROOT, "    %7.3f  %d/%d%n", p.sizeMm(), p.hits(), p.trials()));
            PodFit f = r.fit();
            if (f.converged() && !Double.isNaN(f.a90Mm())) {
                w.printf(Locale.ROOT, "  a90 %.3f mm, a90/95 %.3f mm (hit/miss MLE on ln size; Wald bound)%n", f.a90Mm(), f.a9095Mm());
            } else if (!Double.isNaN(f.a90Mm())) {
                w.printf(Locale.ROOT, "  a90 %.3f mm, a90/95 %s (no likelihood fit: %s)%n", f.a90Mm(),
                        Double.isNaN(f.a9095Mm()) ? "undefined" : String.format(Locale.ROOT, "%.3f mm", f.a9095Mm()), f.note());
            } else {
                w.println("  a90 undefined: " + f.note());
            }
            w.flush();
        }
        return 0;
    }

    /** The hit rate per size (dots), the fitted curve, and a90 / a90/95 (vertical lines), on a log size axis. */
    private static void plot(PodSweep.Result r, Path file) {
        OpenCvNative.load();
        int w = 800;
        int h = 500;
        int ml = 70;
        int mb = 60;
        double lo = Math.log(r.points().get(0).sizeMm());
        double hi = Math.log(r.points().get(r.points().size() - 1).sizeMm());
        Mat img = new Mat(h, w, CvType.CV_8UC3, new Scalar(255, 255, 255));
        try {
            java.util.function.DoubleUnaryOperator px = s -> ml + (Math.log(s) - lo) / (hi - lo) * (w - ml - 30);
            java.util.function.DoubleUnaryOperator py = p -> h - mb - p * (h - mb - 40);
            Scalar black = new Scalar(0, 0, 0);
            Imgproc.line(img, new Point(ml, h - mb), new Point(w - 20, h - mb), black, 1);
            Imgproc.line(img, new Point(ml, h - mb), new Point(ml, 30), black, 1);
            for (double p = 0; p <= 1.0001; p += 0.5) {
                Imgproc.putText(img, String.format(Locale.ROOT, "%.1f", p), new Point(25, py.applyAsDouble(p) + 5), 0, 0.5, black, 1);
            }
            Imgproc.line(img, new Point(ml, py.applyAsDouble(0.9)), new Point(w - 20, py.applyAsDouble(0.9)), new Scalar(200, 200, 200), 1);
            PodFit f = r.fit();
            if (f.converged() && !Double.isNaN(f.b1())) {
                Point prev = null;
                for (int i = 0; i <= 200; i++) {
                    double s = Math.exp(lo + (hi - lo) * i / 200.0);
                    Point pt = new Point(px.applyAsDouble(s), py.applyAsDouble(f.pod(s)));
                    if (prev != null) {
                        Imgproc.line(img, prev, pt, new Scalar(180, 80, 0), 2);
                    }
                    prev = pt;
                }
                for (double[] v : new double[][] {{f.a90Mm(), 0}, {f.a9095Mm(), 1}}) {
                    if (Double.isFinite(v[0]) && Math.log(v[0]) >= lo && Math.log(v[0]) <= hi) {
                        Scalar col = v[1] == 0 ? new Scalar(0, 150, 0) : new Scalar(0, 0, 200);
                        Imgproc.line(img, new Point(px.applyAsDouble(v[0]), h - mb), new Point(px.applyAsDouble(v[0]), 40), col, 1);
                    }
                }
                Imgproc.putText(img, String.format(Locale.ROOT, "a90 %.3f mm (green)  a90/95 %.3f mm (red)", f.a90Mm(), f.a9095Mm()),
                        new Point(ml + 10, 25), 0, 0.55, black, 1);
            }
            for (PodSweep.SizePoint p : r.points()) {
                Imgproc.circle(img, new Point(px.applyAsDouble(p.sizeMm()), py.applyAsDouble((double) p.hits() / p.trials())), 4, black, -1);
                Imgproc.putText(img, String.format(Locale.ROOT, "%.3g", p.sizeMm()), new Point(px.applyAsDouble(p.sizeMm()) - 14, h - mb + 20),
                        0, 0.4, black, 1);
            }
            Imgproc.putText(img, "POD of " + r.defectClass() + " vs size, mm (log) - synthetic, simulated line, seed " + r.seed(),
                    new Point(ml, h - 12), 0, 0.5, black, 1);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!Imgcodecs.imwrite(file.toString(), img)) {
                throw new IllegalStateException("cannot write " + file);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            img.release();
        }
    }
}
