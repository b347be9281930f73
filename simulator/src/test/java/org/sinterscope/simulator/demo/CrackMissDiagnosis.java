package org.sinterscope.simulator.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.PixelRect;
import org.sinterscope.camera.WebGrid;
import org.sinterscope.camera.WebRect;
import org.sinterscope.inspection.crack.CrackDefect;
import org.sinterscope.inspection.crack.CrackDetector;
import org.sinterscope.inspection.crack.CrackResult;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedLineConfig;
import org.sinterscope.simulator.line.SinteredFrame;
import org.sinterscope.simulator.line.SinteredLayerConfig;
import org.sinterscope.simulator.line.SinteredLayerSimulator;
import org.sinterscope.simulator.score.StrictScore;

/**
 * Development harness (not a test): the demo sintered camera's frames ({@code demo --stage both}, one
 * frame every 500 mm) through the stage's crack detector; for every true crack (connected part of
 * the truth mask) no detection matches by the strict rule, prints what it is: size in px, widest
 * point, contrast in the image against a 4 px ring around it, the share of its pixels that the
 * detector's mask reaches within 3 px, and whether it touches the frame border.
 *
 * <pre>java -cp "simulator/target/test-classes:simulator/target/classes:launcher/target/lib/*" \
 *     org.sinterscope.simulator.demo.CrackMissDiagnosis 100 4 30 3     # first seed, seeds, m, defects/m</pre>
 */
public final class CrackMissDiagnosis {

    private CrackMissDiagnosis() {
    }

    public static void main(String[] args) {
        long first = Long.parseLong(args[0]);
        int seeds = Integer.parseInt(args[1]);
        double meters = Double.parseDouble(args[2]);
        double rate = Double.parseDouble(args[3]);
        org.sinterscope.inspection.crack.CrackDetectorConfig dc = SinteredDemo.detectorConfig();
        // experiments: -Dz=HIGH,LOW -Ddark=MIN_DARKNESS -Dscale=WORK_SCALE
        if (System.getProperty("z") != null) {
            String[] z = System.getProperty("z").split(",");
            dc = dc.withThresholds(Double.parseDouble(z[0]), Double.parseDouble(z[1]));
        }
        if (System.getProperty("dark") != null) {
            dc = dc.withMinDarkness(Double.parseDouble(System.getProperty("dark")));
        }
        if (System.getProperty("scale") != null) {
            dc = dc.withWorkScale(Integer.parseInt(System.getProperty("scale")));
        }
        if (System.getProperty("levels") != null) {
            dc = dc.withLevels(Integer.parseInt(System.getProperty("levels")));
        }
        // -Dset=SeedEdgePenalty=1.0,MinSeedExtentPx=10 : any with…(double) of the config
        if (System.getProperty("set") != null) {
            for (String kv : System.getProperty("set").split(",")) {
                String[] p = kv.split("=");
                try {
                    dc = (org.sinterscope.inspection.crack.CrackDetectorConfig) dc.getClass().getMethod("with" + p[0], double.class)
                            .invoke(dc, Double.parseDouble(p[1]));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException(kv, e);
                }
            }
        }
        boolean quiet = Boolean.getBoolean("quiet");
        org.sinterscope.camera.OpenCvNative.load();
        Core.setNumThreads(1); // the detector's CPU on the calling thread is all of it
        System.out.println("detector " + dc);
        CrackDetector detector = new CrackDetector(dc);
        int truths = 0;
        int misses = 0;
        int detections = 0;
        int falseDetections = 0;
        long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long detectNanos = 0;
        int frameCount = 0;
        for (long seed = first; seed < first + seeds; seed++) {
            SimulatedLineConfig line = SimulatedLineConfig.defaults().withLengthM(meters).withSeed(seed).withDefectRatePerM(rate);
            SinteredLayerConfig cfg = DemoSinteredCamera.create(line, 500, SimulatedEncoder.freeRunning(), null).config();
            try (SinteredLayerSimulator sim = new SinteredLayerSimulator(cfg)) {
                for (int i = 0; i < cfg.frames(); i++) {
                    frameCount++;
                    try (SinteredFrame f = sim.render(i); Mats m = new Mats()) {
                        WebGrid grid = sim.gridOf(i);
                        Mat labels = m.mat();
                        Mat stats = m.mat();
                        int n = Imgproc.connectedComponentsWithStats(f.crackMask(), labels, stats, m.mat(), 8);
                        long c0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                        try (CrackResult r = detector.detect(f.frame().image(), grid)) {
                            detectNanos += java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0;
                            List<WebRect> boxes = new ArrayList<>();
                            for (int c = 1; c < n; c++) {
                                int[] s = new int[5];
                                stats.get(c, 0, s);
                                boxes.add(grid.toWeb(new PixelRect(s[0], s[1], s[2], s[3])));
                            }
                            for (CrackDefect d : r.defects()) {
                                detections++;
                                boolean isFalse = boxes.stream().noneMatch(b -> StrictScore.matches(d.bounds(), b));
                                if (System.getProperty("contrast") != null) {
                                    System.out.printf(Locale.ROOT, "C %s %.2f %.1f%n", isFalse ? "F" : "T", d.lengthMm(),
                                            contrast(f.frame().image(), r.mask(), grid.toPixels(d.bounds())));
                                }
                                if (isFalse) {
                                    falseDetections++;
                                    if (System.getProperty("crops") != null) {
                                        org.sinterscope.camera.PixelRect pr = grid.toPixels(d.bounds().grow(0.3));
                                        Rect rr = new Rect(Math.max(0, pr.x()), Math.max(0, pr.y()), 1, 1);
                                        rr.width = Math.min(f.frame().image().cols() - rr.x, pr.width() + 1);
                                        rr.height = Math.min(f.frame().image().rows() - rr.y, pr.height() + 1);
                                        Mat crop = m.add(f.frame().image().submat(rr));
                                        Mat big = m.mat();
                                        Imgproc.resize(crop, big, new Size(), 4, 4, Imgproc.INTER_NEAREST);
                                        org.opencv.imgcodecs.Imgcodecs.imwrite(System.getProperty("crops") + "/fd-" + seed + "-" + i + "-"
                                                + detections + ".png", big);
                                    }
                                    if (!quiet) {
                                        System.out.printf(Locale.ROOT, "seed %d frame %d: false detection %s, %.2f mm%n", seed, i, d.bounds(),
                                                d.lengthMm());
                                    }
                                }
                            }
                            Mat reach = m.mat();
                            Imgproc.dilate(r.mask(), reach, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(7, 7)));
                            for (int c = 1; c < n; c++) {
                                truths++;
                                int[] s = new int[5];
                                stats.get(c, 0, s);
                                WebRect box = grid.toWeb(new PixelRect(s[0], s[1], s[2], s[3]));
                                List<CrackDefect> found = new ArrayList<>();
                                for (CrackDefect d : r.defects()) {
                                    if (StrictScore.matches(d.bounds(), box)) {
                                        found.add(d);
                                    }
                                }
                                if (!found.isEmpty()) {
                                    continue;
                                }
                                misses++;
                                if (!quiet) print(seed, i, c, s, f.frame().image(), labels, reach, r, box, cfg);
                            }
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d true cracks, %d with no matching detection; %d detections, %d matching no true crack;"
                + " detector CPU %.0f ms per frame%n", truths, misses, detections, falseDetections, detectNanos / 1e6 / frameCount);
    }

    /** Median grey of a 4 px ring around the mask inside {@code box} minus the mean grey on the mask there. */
    static double contrast(Mat image, Mat mask, PixelRect box) {
        int x0 = Math.max(0, box.x() - 6);
        int y0 = Math.max(0, box.y() - 6);
        int x1 = Math.min(image.cols(), box.x() + box.width() + 6);
        int y1 = Math.min(image.rows(), box.y() + box.height() + 6);
        Rect rr = new Rect(x0, y0, x1 - x0, y1 - y0);
        try (Mats m = new Mats()) {
            Mat img = m.add(image.submat(rr));
            Mat msk = m.mat();
            mask.submat(rr).copyTo(msk);
            Mat ring = m.mat();
            Imgproc.dilate(msk, ring, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(9, 9)));
            Core.subtract(ring, msk, ring);
            double inside = Core.mean(img, msk).val[0];
            byte[] px = new byte[(int) img.total()];
            byte[] rg = new byte[(int) ring.total()];
            Mat cont = m.mat();
            img.copyTo(cont);
            cont.get(0, 0, px);
            ring.get(0, 0, rg);
            List<Integer> vals = new ArrayList<>();
            for (int i = 0; i < px.length; i++) {
                if (rg[i] != 0) {
                    vals.add(px[i] & 0xff);
                }
            }
            java.util.Collections.sort(vals);
            return vals.isEmpty() ? Double.NaN : vals.get(vals.size() / 2) - inside;
        }
    }

    private static void print(long seed, int frame, int label, int[] s, Mat image, Mat labels, Mat reach, CrackResult r, WebRect box,
                              SinteredLayerConfig cfg) {
        try (Mats m = new Mats()) {
            Mat comp = m.mat();
            Core.compare(labels, new Scalar(label), comp, Core.CMP_EQ);
            int px = Core.countNonZero(comp);
            Mat dist = m.mat();
            Imgproc.distanceTransform(comp, dist, Imgproc.DIST_L2, 3);
            double maxWidth = 2 * Core.minMaxLoc(dist).maxVal - 1;
            Mat ring = m.mat();
            Imgproc.dilate(comp, ring, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(9, 9)));
            Mat ringOnly = m.mat();
            Core.subtract(ring, comp, ringOnly);
            double inside = Core.mean(image, comp).val[0];
            double around = Core.mean(image, ringOnly).val[0];
            Mat hit = m.mat();
            Core.bitwise_and(comp, reach, hit);
            double reached = (double) Core.countNonZero(hit) / px;
            int nearDet = 0;
            for (CrackDefect d : r.defects()) {
                if (d.bounds().grow(1).intersects(box)) {
                    nearDet++;
                }
            }
            boolean border = s[0] <= 1 || s[1] <= 1 || s[0] + s[2] >= cfg.widthPx() - 1 || s[1] + s[3] >= cfg.heightPx() - 1;
            System.out.printf(Locale.ROOT, "seed %d frame %d: box %d,%d %dx%d px (%.2f x %.2f mm), %d px, max width %.1f px, "
                            + "contrast %.1f (in %.1f, ring %.1f), detector mask reaches %.0f %%, detections near %d%s%n", seed, frame,
                    s[0], s[1], s[2], s[3], box.widthMm(), box.lengthMm(), px, maxWidth, around - inside, inside, around,
                    100 * reached, nearDet, border ? ", at the frame border" : "");
            if (System.getProperty("crops") != null) {
                Rect rr = new Rect(s[0], s[1], s[2], s[3]);
                Mat both = m.mat();
                Core.hconcat(List.of(image.submat(rr), r.mask().submat(rr)), both);
                org.opencv.imgcodecs.Imgcodecs.imwrite(System.getProperty("crops") + "/miss-" + seed + "-" + frame + "-" + label + ".png", both);
            }
            if (nearDet > 0) {
                for (CrackDefect d : r.defects()) {
                    if (d.bounds().grow(1).intersects(box)) {
                        System.out.printf(Locale.ROOT, "    near: %s length %.2f mm%n", d.bounds(), d.lengthMm());
                    }
                }
            }
        }
    }
}
