package org.sinterscope.review.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.PixelPitch;
import org.sinterscope.camera.PixelRect;
import org.sinterscope.camera.WebGrid;
import org.sinterscope.inspection.CoatingUniformity;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.SegmentVerdict;
import org.sinterscope.inspection.crack.CrackMeasurements;
import org.sinterscope.routes.compliance.SinterHistory;
import org.sinterscope.routes.decide.RecipeLoader;
import org.sinterscope.routes.decide.VerdictDecider;

/**
 * Synthetic but real-path test data: frames with dark spots drawn in, inspections of them,
 * verdicts by the default recipe, crops cut by the store's own crop sink. Seeded.
 */
public final class StoreFixtures {

    /** Frame geometry: 512 × 256 px at 400 µm/px → 204.8 mm across, 102.4 mm along. */
    public static final PixelPitch PITCH = PixelPitch.square(400);
    public static final int W = 512;
    public static final int H = 256;

    private StoreFixtures() {
    }

    public static RollInfo roll(String id, String lot, Instant at) {
        return new RollInfo(id, "station-test", "si-anode-160", lot, 190, -7.4, 197.4, at);
    }

    /**
     * Files {@code segments} frames of the store's open roll: every frame gets 0–2 defects of
     * seeded classes, sizes and places, a coating CV around 0.5 % and crack metrics.
     * Returns the number of defects filed.
     */
    public static int fill(DefectStore store, int segments, long seed) {
        OpenCvNative.load();
        Random rnd = new Random(seed);
        VerdictDecider decider = new VerdictDecider(RecipeLoader.defaults());
        double frameMm = H * PITCH.yMmPerPx();
        int n = 0;
        for (int seq = 0; seq < segments; seq++) {
            double y0 = seq * frameMm;
            WebGrid grid = new WebGrid(-7.4, y0, PITCH);
            Mat img = new Mat(H, W, CvType.CV_8UC1, new Scalar(120));
            List<Defect> defects = new ArrayList<>();
            int k = rnd.nextInt(3);
            for (int i = 0; i < k; i++) {
                DefectClass c = DefectClass.values()[rnd.nextInt(5)];
                int cx = 60 + rnd.nextInt(W - 120);
                int cy = 20 + rnd.nextInt(H - 40);
                int r = 3 + rnd.nextInt(6);
                Imgproc.circle(img, new Point(cx, cy), r, new Scalar(c == DefectClass.PINHOLE ? 230 : 30), -1);
                PixelRect px = new PixelRect(cx - r, cy - r, 2 * r + 1, 2 * r + 1);
                double dMm = px.width() * PITCH.xMmPerPx();
                defects.add(new Defect(c, 0.4 + 0.6 * rnd.nextDouble(), grid.toWeb(px), px,
                        Map.of("diameterMm", dMm, "lengthMm", dMm, "widthMm", dMm, "areaMm2", Math.PI * dMm * dMm / 4),
                        c == DefectClass.STREAK ? "streak" : "spot"));
            }
            double cv = 0.5 + 0.05 * rnd.nextGaussian() + (seq == segments - 2 ? 0.6 : 0);
            CoatingUniformity co = new CoatingUniformity(5, 185, 120, cv, 1, 5, new float[0], List.of());
            Instant at = Instant.parse("2026-03-01T08:00:00Z").plusSeconds(seq);
            FrameInspection fi = new FrameInspection("cam-1", seq, at, y0, y0 + frameMm, W * H / 1e6, co, defects,
                    2_000_000, "");
            try (Frame f = new Frame("cam-1", seq, at, y0, -7.4, PITCH, img)) {
                store.cropSink().inspected(f, fi);
            }
            SegmentVerdict v = decider.decide(fi);
            store.saveSegment(fi, v);
            double density = 0.02 + 0.004 * rnd.nextGaussian() + (seq == segments - 1 ? 0.05 : 0);
            store.saveCrackMetrics("cam-1", seq, y0, y0 + frameMm, at, new CrackMeasurements(density * 190 * frameMm,
                    190 * frameMm, Math.max(0, density), 20, 40, 3, 2, 1, List.of(1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)));
            n += defects.size();
        }
        return n;
    }

    /** Foil readings of three lots, eight each, Ra ≈ 0.35 µm; the last reading of the last lot is far off. */
    public static void foil(DefectStore store, long seed) {
        Random rnd = new Random(seed);
        Instant t = Instant.parse("2026-02-20T06:00:00Z");
        for (String lot : List.of("foil-A17", "foil-A18", "foil-A19")) {
            for (int i = 0; i < 8; i++) {
                t = t.plusSeconds(600);
                double ra = 0.35 + 0.01 * rnd.nextGaussian() + (lot.equals("foil-A19") && i == 7 ? -0.15 : 0);
                store.saveFoilReading(new FoilReading(lot, null, t, "test-profilometer", ra, ra * 1.25, ra * 6, 0.1, 3, 80,
                        ra >= 0.2));
            }
        }
    }

    /** Stretch of the furnace excursion {@link #furnace} files: a zone over T_cryst − margin. */
    public static final int HOT_STRETCH = 8;
    /** Stretch of the O₂ spike {@link #furnace} files. */
    public static final int O2_STRETCH = 15;

    /**
     * Furnace history of the store's open roll, {@code stretches} of 100 mm: about 580 °C and 3 ppm O₂,
     * with one stretch at 640 °C in zone z3 ({@code furnace-temperature}) and one at 25 ppm O₂
     * ({@code furnace-o2}), as the furnace stage would have judged them; and two XRD results of the
     * roll, amorphous at 0.5 m and crystalline at 1.6 m.
     */
    public static void furnace(DefectStore store, String rollId, int stretches, long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < stretches; i++) {
            double t = 580 + 3 * rnd.nextGaussian();
            double o2 = 3 + 0.5 * rnd.nextGaussian();
            List<String> causes = new ArrayList<>();
            if (i == HOT_STRETCH) {
                t = 640;
                causes.add("furnace-temperature");
            }
            if (i == O2_STRETCH) {
                o2 = 25;
                causes.add("furnace-o2");
            }
            store.saveSinterStretch(new SinterHistory.Record(i * 100.0, (i + 1) * 100.0, t, "z3", 6 + rnd.nextDouble(),
                    o2, -55 + rnd.nextGaussian(), 40, causes));
        }
        Instant at = Instant.parse("2026-03-01T12:00:00Z");
        store.saveXrdResult(new XrdRecord(rollId, 500, "S-amorphous", "lab/s1.xy", at, 0.011, 0.004, 0.05, "AMORPHOUS", "[]"));
        store.saveXrdResult(new XrdRecord(rollId, 1600, "S-si111", "lab/s2.xy", at.plusSeconds(600), 0.137, 0.005, 0.05,
                "CRYSTALLINE", "[{\"twoThetaDeg\":28.44,\"reflection\":\"Si(111)\"}]"));
    }
}
