package org.sinterscope.launcher;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sinterscope bench}: each stage of the coating inspection pipeline and the whole pipeline on
 * fixed seeded frames (clean and defect-dense), next to one memory pass over the same frames, in ms
 * and Mpx/s, the pipeline's throughput on 1 and on all cores, and the ratio pipeline time / memory
 * pass (see {@link PipelineBench} for the method). Exit code 0, 1 when the benchmark failed, 2 on
 * bad usage.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times each stage of the coating inspection and the whole pipeline (classifier included) on",
                "seeded simulated frames, clean and defect-dense, next to one memory pass (OpenCV sum) over the same frames;",
                "then the sintered-layer crack stage on seeded sintered frames, crack-free and crack-rich."})
public final class BenchCommand implements Callable<Integer> {

    /** The ratio pipeline / memory pass the station aims at (issue 10). */
    public static final double RATIO_GOAL = 70;

    private static final Logger LOG = LoggerFactory.getLogger(BenchCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--frames", defaultValue = "8", description = "Clean frames, and as many defect-dense ones (default ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--rounds", defaultValue = "10",
            description = "Runs per frame and stage; the fastest counts (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the simulated line (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (frames < 1 || frames > 64 || rounds < 1 || rounds > 1000) {
            return usage(out, "--frames must be 1..64 and --rounds 1..1000, got " + frames + " and " + rounds);
        }
        PipelineBench.Result r;
        CrackStageBench.Result crack;
        try {
            r = PipelineBench.run(frames, rounds, seed);
            crack = CrackStageBench.run(frames, rounds, seed);
        } catch (Exception | LinkageError e) {
            LOG.debug("bench failed", e);
            if (json) {
                Json.print(out, Map.of("error", "bench failed: " + e.getMessage()));
            } else {
                spec.commandLine().getErr().println("sinterscope bench: failed: " + e.getMessage());
            }
            return 1;
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("frameWidthPx", r.frameWidthPx());
            doc.put("frameHeightPx", r.frameHeightPx());
            doc.put("framesPerKind", r.framesPerKind());
            doc.put("rounds", r.rounds());
            doc.put("seed", r.seed());
            doc.put("classifier", r.classifier());
            Map<String, Object> stages = new LinkedHashMap<>();
            for (PipelineBench.StageTime s : r.stages()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("cleanMs", s.cleanMs());
                m.put("denseMs", s.denseMs());
                m.put("cleanMpxPerSecond", s.cleanMpxPerSecond());
                m.put("denseMpxPerSecond", s.denseMpxPerSecond());
                stages.put(s.stage(), m);
            }
            doc.put("stages", stages);
            doc.put("pipelineMpxPerSecond1Core", r.pipelineMpxPerSecond1());
            doc.put("pipelineMpxPerSecondAllCores", r.pipelineMpxPerSecondAll());
            doc.put("cores", r.cores());
            doc.put("ratioToMemoryPassClean", r.ratioClean());
            doc.put("ratioToMemoryPassDense", r.ratioDense());
            doc.put("ratioGoal", RATIO_GOAL);
            doc.put("crackStage", crack.json());
            Json.print(out, doc);
            return 0;
        }
        out.printf(Locale.ROOT, "bench: %d x %d px frames, seed %d, %d clean + %d defect-dense, fastest of %d runs, median over frames%n",
                r.frameWidthPx(), r.frameHeightPx(), r.seed(), r.framesPerKind(), r.framesPerKind(), r.rounds());
        out.printf(Locale.ROOT, "classifier: %s%n", r.classifier());
        out.printf(Locale.ROOT, "%-12s %10s %10s %10s %10s%n", "stage", "clean ms", "Mpx/s", "dense ms", "Mpx/s");
        for (PipelineBench.StageTime s : r.stages()) {
            out.printf(Locale.ROOT, "%-12s %10.3f %10.0f %10.3f %10.0f%n", s.stage(), s.cleanMs(), s.cleanMpxPerSecond(),
                    s.denseMs(), s.denseMpxPerSecond());
        }
        out.printf(Locale.ROOT, "pipeline throughput (all frames): %.0f Mpx/s on 1 thread, %.0f Mpx/s on %d threads%n",
                r.pipelineMpxPerSecond1(), r.pipelineMpxPerSecondAll(), r.cores());
        out.printf(Locale.ROOT, "pipeline / memory pass: %.0fx clean, %.0fx defect-dense (goal <= %.0fx)%n",
                r.ratioClean(), r.ratioDense(), RATIO_GOAL);
        out.printf(Locale.ROOT, "crack stage (sintered camera, %d x %d px, 1 thread): %.1f ms = %.0f Mpx/s crack-free, "
                + "%.1f ms = %.0f Mpx/s crack-rich; crack-rich split over 2 threads: %.1f ms wall%n", crack.frameWidthPx(),
                crack.frameHeightPx(), crack.cleanMs(), crack.cleanMpxPerSecond(), crack.crackedMs(), crack.crackedMpxPerSecond(),
                crack.crackedSplitWallMs());
        out.flush();
        return 0;
    }

    private int usage(PrintWriter out, String message) {
        if (json) {
            Json.print(out, Map.of("error", message));
        } else {
            spec.commandLine().getErr().println("sinterscope bench: " + message);
        }
        return 2;
    }
}
