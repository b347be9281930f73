package org.sinterscope.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.sinterscope.simulator.line.SinteredFrame;
import org.sinterscope.simulator.line.SinteredLayerConfig;
import org.sinterscope.simulator.line.SinteredLayerSimulator;
import org.sinterscope.inspection.crack.CrackDetector;
import org.sinterscope.inspection.crack.CrackDetectorConfig;
import org.sinterscope.inspection.crack.CrackResult;
import org.sinterscope.inspection.crack.CrackSegmentation;
import org.sinterscope.inspection.crack.CrackSegmenter;
import org.sinterscope.inspection.crack.LearnedCrackDetector;
import org.sinterscope.inspection.crack.SegmenterBundle;

/**
 * Wall time and process CPU time of the learned crack detector ({@link LearnedCrackDetector}, whole
 * pipeline: probability map, mask, skeleton, measurements) and, for comparison, the classical
 * {@code standard} and {@code line} detectors, on a 544 × 384 crop and on a full 4096 × 1024 frame
 * of the sintered-layer simulator (default seed). Median of N runs after 2 warm-up runs; process
 * CPU counts all threads (ND4J and OpenCV use both cores). Run:
 * {@code java -cp bench/target/benchmarks.jar org.sinterscope.bench.CrackSegmenterTiming BUNDLE [N]}.
 */
public final class CrackSegmenterTiming {

    private CrackSegmenterTiming() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: CrackSegmenterTiming BUNDLE [N]");
        }
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        SegmenterBundle bundle;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            bundle = SegmenterBundle.load(in, args[0]);
        }
        CrackSegmentation learned = new LearnedCrackDetector(new CrackSegmenter(bundle));
        CrackSegmentation standard = new CrackDetector(CrackDetectorConfig.standard());
        CrackSegmentation line = new CrackDetector(CrackDetectorConfig.line());
        SinteredLayerConfig cfg = SinteredLayerConfig.defaults().withFrameSize(4096, 1024).withFrames(1);
        try (SinteredFrame f = new SinteredLayerSimulator(cfg).nextWithTruth()) {
            Mat full = f.frame().image();
            Mat crop = full.submat(new Rect(0, 0, 544, 384));
            try {
                for (String[] c : new String[][] {{"learned", "crop"}, {"standard", "crop"}, {"learned", "full"},
                        {"line", "full"}, {"standard", "full"}}) {
                    CrackSegmentation d = switch (c[0]) {
                        case "learned" -> learned;
                        case "standard" -> standard;
                        default -> line;
                    };
                    Mat img = c[1].equals("crop") ? crop : full;
                    time(c[0], img, d, f, n);
                }
            } finally {
                crop.release();
            }
        }
    }

    private static void time(String name, Mat img, CrackSegmentation d, SinteredFrame f, int n) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] wall = new double[n];
        double[] cpu = new double[n];
        for (int i = -2; i < n; i++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            try (CrackResult r = d.detect(img, f.frame().grid(), null)) {
                if (i >= 0) {
                    wall[i] = (System.nanoTime() - t0) / 1e6;
                    cpu[i] = (os.getProcessCpuTime() - c0) / 1e6;
                }
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        double mpx = img.total() / 1e6;
        System.out.printf("%-8s %4dx%-4d wall median %7.0f ms (min %.0f, max %.0f) = %6.2f Mpx/s; process CPU median %7.0f ms"
                        + " = %6.2f Mpx/s per core-second; n=%d, load %.1f%n", name, img.cols(), img.rows(), wall[n / 2], wall[0],
                wall[n - 1], mpx / (wall[n / 2] / 1000), cpu[n / 2], mpx / (cpu[n / 2] / 1000), n,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
