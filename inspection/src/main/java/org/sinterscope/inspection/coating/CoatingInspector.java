package org.sinterscope.inspection.coating;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.WebGrid;
import org.sinterscope.inspection.CoatingUniformity;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.FrameInspector;

/**
 * Inspects a frame of the coated (dried, calendered) electrode: coating edges and width, CD
 * uniformity and streaks, edge defects, and local defects in the coating.
 *
 * <ol>
 *   <li>Robust CD profile ({@link CdProfile}) → coated band and its threshold ({@link CoatedBand}).</li>
 *   <li>Each edge followed line by line → edge position and notches/bulges ({@link EdgeInspector}).</li>
 *   <li>The band without {@code edgeExclusionMm} at each side: CV % and streaks
 *   ({@link StreakDetector}), then spots and scratches ({@link SpotDetector}).</li>
 * </ol>
 * A 16-bit frame is scaled to 8 bits (÷ 256) first. Stateless and thread-safe; every native
 * buffer made here is released before {@link #inspect} returns.
 */
public final class CoatingInspector implements FrameInspector {

    private final CoatingInspectorConfig cfg;

    public CoatingInspector(CoatingInspectorConfig cfg) {
        this.cfg = Objects.requireNonNull(cfg, "cfg");
        OpenCvNative.load();
    }

    public CoatingInspectorConfig config() {
        return cfg;
    }

    /**
     * Where one inspection's time went, ns per stage on the calling thread's clock.
     *
     * @param profileNanos  stripe means, robust CD profile and coated band
     * @param edgesNanos    both edges followed line by line
     * @param streaksNanos  streak search and the spot background
     * @param spotsNanos    spots and scratches
     */
    public record StageNanos(long profileNanos, long edgesNanos, long streaksNanos, long spotsNanos) {

        public long totalNanos() {
            return profileNanos + edgesNanos + streaksNanos + spotsNanos;
        }
    }

    /** An inspection and where its time went. */
    public record Timed(FrameInspection inspection, StageNanos stages) {
    }

    @Override
    public FrameInspection inspect(Frame frame) {
        return inspectTimed(frame).inspection();
    }

    /** {@link #inspect} with the wall time spent per stage. */
    public Timed inspectTimed(Frame frame) {
        return inspectTimed(frame, System::nanoTime);
    }

    /**
     * {@link #inspect} with the time per stage read from {@code clock} (ns; e.g. the thread's CPU
     * time, which other load on the machine does not inflate), for benchmarks and the {@code bench}
     * command. The inspection's own {@code inspectNanos} stays wall time.
     */
    public Timed inspectTimed(Frame frame, LongSupplier clock) {
        long wall0 = System.nanoTime();
        long t0 = clock.getAsLong();
        long tProfile = 0;
        long tEdges = 0;
        long tStreaks = 0;
        long tSpots = 0;
        WebGrid grid = frame.grid();
        CoatingUniformity coating = CoatingUniformity.none();
        List<Defect> defects = new ArrayList<>();
        try (Mats m = new Mats()) {
            Mat grey = frame.image();
            if (grey.type() != CvType.CV_8UC1) {
                grey = m.mat();
                frame.image().convertTo(grey, CvType.CV_8U, 1.0 / 256);
            }
            int stripes = Math.max(3, (int) Math.round(frame.lengthMm() / cfg.stripeLengthMm()));
            StripeProfiles stripeProfiles = CdProfile.stripes(grey, stripes);
            float[] profile = CdProfile.median(stripeProfiles.means());
            CoatedBand band = CoatedBand.find(profile);
            long t1 = clock.getAsLong();
            tProfile = t1 - t0;
            if (band != null) {
                EdgeInspector.EdgeResult left = EdgeInspector.inspect(grey, band, true, grid, cfg);
                EdgeInspector.EdgeResult right = EdgeInspector.inspect(grey, band, false, grid, cfg);
                defects.addAll(left.defects());
                defects.addAll(right.defects());
                long t2 = clock.getAsLong();
                tEdges = t2 - t1;
                int excl = (int) Math.ceil(grid.widthPx(cfg.edgeExclusionMm()));
                int c0 = (int) Math.ceil(left.col()) + excl;
                int c1 = (int) Math.floor(right.col()) - excl;
                if (c1 - c0 > 16) {
                    StreakDetector.Found streaks = StreakDetector.detect(stripeProfiles, profile, c0, c1, grey.rows(), grid, cfg);
                    defects.addAll(streaks.defects());
                    long t3 = clock.getAsLong();
                    tStreaks = t3 - t2;
                    defects.addAll(SpotDetector.detect(grey, c0, c1, streaks.background(), streaks.defects(), grid, cfg));
                    coating = uniformity(profile, c0, c1, grid, left.col(), right.col(), streaks);
                    tSpots = clock.getAsLong() - t3;
                }
            }
        }
        FrameInspection fi = new FrameInspection(frame.cameraId(), frame.sequence(), frame.timestamp(), frame.yStartMm(),
                frame.yEndMm(), frame.megapixels(), coating, defects, System.nanoTime() - wall0, "");
        return new Timed(fi, new StageNanos(tProfile, tEdges, tStreaks, tSpots));
    }

    private static CoatingUniformity uniformity(float[] p, int c0, int c1, WebGrid grid, double leftCol, double rightCol,
                                                StreakDetector.Found streaks) {
        // Welford: mean and variance in one pass without cancellation
        double mean = 0;
        double m2 = 0;
        int n = 0;
        for (int c = c0; c < c1; c++) {
            n++;
            double d = p[c] - mean;
            mean += d / n;
            m2 += d * (p[c] - mean);
        }
        double sd = Math.sqrt(m2 / Math.max(1, n - 1));
        double binMm = 1.0;
        int binPx = Math.max(1, (int) Math.round(grid.widthPx(binMm)));
        int bins = (c1 - c0) / binPx;
        float[] binned = new float[bins];
        for (int b = 0; b < bins; b++) {
            double s = 0;
            for (int c = c0 + b * binPx; c < c0 + (b + 1) * binPx; c++) {
                s += p[c];
            }
            binned[b] = (float) (s / binPx);
        }
        return new CoatingUniformity(grid.xMm(leftCol), grid.xMm(rightCol), mean, 100 * sd / mean,
                grid.widthMm(binPx), grid.xMm(c0), binned, streaks.streaks());
    }
}
