package org.sinterscope.launcher;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import org.nd4j.linalg.factory.Nd4j;
import org.opencv.core.Core;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.PixelRect;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.classify.ClassifyingInspector;
import org.sinterscope.inspection.classify.LoadedClassifier;
import org.sinterscope.inspection.coating.CoatingInspector;
import org.sinterscope.inspection.coating.CoatingInspectorConfig;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.classify.StationClassifier;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedLine;
import org.sinterscope.simulator.line.SimulatedLineConfig;

/**
 * Times the coating inspection pipeline stage by stage on fixed seeded frames of the simulated line,
 * next to one memory pass over the same frames; the {@code bench} command prints it.
 *
 * <p>Frames: {@code frames} clean ones (no defect, no look-alike) and {@code frames} defect-dense
 * ones (40 defects and 5 look-alikes per metre) of the default line, seed {@code seed}. Per frame and
 * stage, the fastest of {@code rounds} runs in the calling thread's CPU time (which other work on
 * the machine does not inflate the way it inflates wall time), then the median over the frames, in ms. Stages: profile, edges, streaks, spots (the classical coating
 * inspection, {@link CoatingInspector#inspectTimed}), classifier (the station's classifier on the
 * frame's candidates, as configured by {@code station.properties}), and the pipeline (both, as the
 * station runs them). The memory pass is {@code Core.sumElems} over the frame. Mpx/s of a stage =
 * frame Mpx / stage ms · 1000. The throughput figures run the pipeline over all frames, one frame
 * per thread, on 1 thread and on every core, for {@code rounds} passes: Mpx / wall seconds.
 * These are wall time, so other load on the machine lowers them. OpenCV's and ND4J's own threads are
 * set to 1: frames run in parallel, not inside one frame, and all of a frame's work is on its thread.
 */
final class PipelineBench {

    static final List<String> STAGES = List.of("memoryPass", "profile", "edges", "streaks", "spots", "classifier", "pipeline");

    /**
     * @param stage             stage name
     * @param cleanMs           median over clean frames of the fastest run, ms
     * @param denseMs           the same on defect-dense frames
     * @param cleanMpxPerSecond frame Mpx / cleanMs
     * @param denseMpxPerSecond frame Mpx / denseMs
     */
    record StageTime(String stage, double cleanMs, double denseMs, double cleanMpxPerSecond, double denseMpxPerSecond) {
    }

    /**
     * @param frameWidthPx          frame size
     * @param frameHeightPx         frame size
     * @param framesPerKind         clean frames, and as many dense ones
     * @param rounds                runs per frame and stage
     * @param seed                  simulated line seed
     * @param classifier            the classifier in the pipeline (bundle id), or the reason there is none
     * @param stages                per stage, memory pass first
     * @param pipelineMpxPerSecond1 pipeline throughput on one thread, all frames
     * @param pipelineMpxPerSecondAll pipeline throughput on {@code cores} threads
     * @param cores                 available processors
     * @param ratioClean            pipeline ms / memory pass ms on clean frames
     * @param ratioDense            the same on defect-dense frames
     */
    record Result(int frameWidthPx, int frameHeightPx, int framesPerKind, int rounds, long seed, String classifier,
                  List<StageTime> stages, double pipelineMpxPerSecond1, double pipelineMpxPerSecondAll, int cores,
                  double ratioClean, double ratioDense) {
    }

    private PipelineBench() {
    }

    static Result run(int frames, int rounds, long seed) throws Exception {
        if (frames < 1 || frames > 64 || rounds < 1 || rounds > 1000) {
            throw new IllegalArgumentException("need 1..64 frames per kind and 1..1000 rounds, got " + frames + " and " + rounds);
        }
        OpenCvNative.load();
        Core.setNumThreads(1);
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        CoatingInspector coating = new CoatingInspector(CoatingInspectorConfig.defaults());
        StationClassifier sc = StationClassifier.create(StationSettings.load(null, Map.of()), coating);
        ClassifyingInspector pipeline = sc.inspector();
        List<Frame> clean = render(seed, 0, 0, frames);
        List<Frame> dense = render(seed, 40, 5, frames);
        try {
            double[][] c = time(clean, rounds, coating, sc);
            double[][] d = time(dense, rounds, coating, sc);
            Frame f0 = clean.get(0);
            double mpx = f0.megapixels();
            List<StageTime> stages = new ArrayList<>();
            for (int s = 0; s < STAGES.size(); s++) {
                double cm = median(c[s]);
                double dm = median(d[s]);
                stages.add(new StageTime(STAGES.get(s), cm, dm, mpx / cm * 1000, mpx / dm * 1000));
            }
            List<Frame> all = new ArrayList<>(clean);
            all.addAll(dense);
            int cores = Runtime.getRuntime().availableProcessors();
            double one = throughput(all, pipeline, 1, rounds);
            double many = throughput(all, pipeline, cores, rounds);
            String cls = sc.note().isEmpty() ? String.valueOf(sc.holder().currentId()) : sc.note();
            int last = STAGES.size() - 1;
            return new Result(f0.widthPx(), f0.heightPx(), frames, rounds, seed, cls, stages, one, many, cores,
                    stages.get(last).cleanMs() / stages.get(0).cleanMs(), stages.get(last).denseMs() / stages.get(0).denseMs());
        } finally {
            clean.forEach(Frame::close);
            dense.forEach(Frame::close);
        }
    }

    /**
     * {@code [stage][frame]}: the fastest of {@code rounds} runs in the calling thread's CPU time, ms
     * (OpenCV and, with one ND4J thread, the network run on the calling thread).
     */
    private static double[][] time(List<Frame> frames, int rounds, CoatingInspector coating, StationClassifier sc) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        LongSupplier thread = threads::getCurrentThreadCpuTime;
        ClassifyingInspector pipeline = sc.inspector();
        double[][] best = new double[STAGES.size()][frames.size()];
        for (double[] b : best) {
            Arrays.fill(b, Double.POSITIVE_INFINITY);
        }
        for (int r = -1; r < rounds; r++) { // round -1 warms up
            for (int i = 0; i < frames.size(); i++) {
                Frame f = frames.get(i);
                long t0 = thread.getAsLong();
                double sum = Core.sumElems(f.image()).val[0];
                long t1 = thread.getAsLong();
                CoatingInspector.Timed timed = coating.inspectTimed(f, thread);
                CoatingInspector.StageNanos st = timed.stages();
                List<PixelRect> boxes = timed.inspection().defects().stream()
                        .filter(d -> pipeline.classifiedDetectors().contains(d.detector())).map(Defect::boundsPx).toList();
                LoadedClassifier lc = sc.holder().get();
                long t2 = thread.getAsLong();
                if (lc != null && !boxes.isEmpty()) {
                    lc.classifier().classify(f.image(), boxes);
                }
                long t3 = thread.getAsLong();
                pipeline.inspectBoth(f);
                long t4 = thread.getAsLong();
                if (r < 0 || sum < 0) {
                    continue;
                }
                double[] ms = {(t1 - t0) / 1e6, st.profileNanos() / 1e6, st.edgesNanos() / 1e6, st.streaksNanos() / 1e6,
                        st.spotsNanos() / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6};
                for (int s = 0; s < ms.length; s++) {
                    best[s][i] = Math.min(best[s][i], ms[s]);
                }
            }
        }
        return best;
    }

    /** Mpx per wall second of the pipeline over {@code passes} passes of all frames on {@code threads} threads. */
    private static double throughput(List<Frame> frames, ClassifyingInspector pipeline, int threads, int passes) throws Exception {
        int jobs = frames.size() * passes;
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int j; (j = next.getAndIncrement()) < jobs; ) {
                        pipeline.inspect(frames.get(j % frames.size()));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double mpx = frames.stream().mapToDouble(Frame::megapixels).sum() * passes;
            return mpx / seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Frame> render(long seed, double defectsPerM, double lookalikesPerM, int n) {
        SimulatedLineConfig cfg = SimulatedLineConfig.defaults().withSeed(seed).withDefectRatePerM(defectsPerM)
                .withLookalikeRatePerM(lookalikesPerM);
        cfg = cfg.withLengthM(Math.max(1, (n + 1) * cfg.frameLengthMm() / 1000));
        List<Frame> out = new ArrayList<>();
        try (SimulatedLine line = new SimulatedLine(cfg, SimulatedEncoder.freeRunning())) {
            for (int i = 0; i < n; i++) {
                out.add(line.render(i, false).frame());
            }
        }
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
