package org.sinterscope.simulator.pod;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.WebRect;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.coating.CoatingInspector;
import org.sinterscope.inspection.coating.CoatingInspectorConfig;
import org.sinterscope.simulator.line.DefectPlan;
import org.sinterscope.simulator.line.InjectedDefect;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedFrame;
import org.sinterscope.simulator.line.SimulatedLine;
import org.sinterscope.simulator.line.SimulatedLineConfig;
import org.sinterscope.simulator.score.StrictScore;

/**
 * A probability-of-detection sweep on the simulated line (synthetic): defects of one class at
 * {@code sizes} log-spaced sizes from {@code minMm} to {@code maxMm}, {@code perSize} of each, one per
 * {@value #PITCH_MM} mm of web at random x on the coating, no look-alikes; every frame inspected by
 * the classical {@link CoatingInspector}. A defect is a hit when a detection of its class matches it
 * ({@link StrictScore#matches}) in any frame. The trials are fitted by {@link PodFit}.
 * Size = diameter (pinhole, agglomerate, uncoated) or width (scratch, streak).
 */
public final class PodSweep {

    static final double PITCH_MM = 40;

    /** The hits at one size. */
    public record SizePoint(double sizeMm, int trials, int hits) {
    }

    /** A sweep's outcome. */
    public record Result(String defectClass, long seed, double contrast, List<SizePoint> points, int trials, PodFit fit) {
    }

    /**
     * Default sweep range and contrast of a class: {min mm, max mm, contrast grey}.
     *
     * @throws IllegalArgumentException for a class the sweep does not render (edge, crack)
     */
    public static double[] defaults(DefectClass c) {
        return switch (c) {
            case PINHOLE -> new double[] {0.02, 0.4, 110};
            case AGGLOMERATE -> new double[] {0.05, 1.5, -40};
            case UNCOATED -> new double[] {0.1, 4, 110};
            case SCRATCH -> new double[] {0.01, 0.2, 45};
            case STREAK -> new double[] {0.1, 3, 15};
            default -> throw new IllegalArgumentException("pod sweeps pinhole, agglomerate, uncoated, scratch or streak, not "
                    + c.label());
        };
    }

    private PodSweep() {
    }

    public static Result run(DefectClass c, double minMm, double maxMm, int sizes, int perSize, double contrast, long seed) {
        if (!(minMm > 0) || !(maxMm > minMm) || sizes < 2 || perSize < 1 || (long) sizes * perSize > 20_000) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "pod sweep needs 0 < min < max, >= 2 sizes, >= 1 per size, <= 20000 defects; got [%s, %s] mm, %d sizes, %d each",
                    minMm, maxMm, sizes, perSize));
        }
        double[] range = defaults(c);
        SimulatedLineConfig base = SimulatedLineConfig.defaults().withSeed(seed).withDefectRatePerM(0).withLookalikeRatePerM(0);
        double left = base.coatingLeftMm() + base.edgeDriftMm() + 6;
        double right = base.coatingRightMm() - base.edgeDriftMm() - 6;
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x90D5_33EEL);
        List<InjectedDefect> defects = new ArrayList<>();
        double y = 30;
        long id = 1;
        for (int k = 0; k < perSize; k++) {
            for (int s = 0; s < sizes; s++) {
                double size = minMm * Math.pow(maxMm / minMm, (double) s / (sizes - 1));
                double x = left + (right - left) * rnd.nextDouble();
                double len = switch (c) {
                    case SCRATCH -> 20;
                    case STREAK -> 30;
                    default -> size;
                };
                defects.add(new InjectedDefect(id++, c, new WebRect(x - size / 2, y, x + size / 2, y + len), size, contrast));
                y += PITCH_MM + len;
            }
        }
        SimulatedLineConfig cfg = base.withLengthM((y + 30) / 1000.0);
        Set<Long> hits = new HashSet<>();
        CoatingInspector inspector = new CoatingInspector(CoatingInspectorConfig.defaults());
        try (SimulatedLine line = new SimulatedLine(cfg, SimulatedEncoder.freeRunning(), new DefectPlan(defects))) {
            for (int i = 0; i < line.frameCount(); i++) {
                FrameInspection fi;
                List<InjectedDefect> truth;
                try (SimulatedFrame sf = line.render(i, false)) {
                    truth = sf.defects();
                    fi = inspector.inspect(sf.frame());
                }
                for (InjectedDefect g : truth) {
                    for (Defect d : fi.defects()) {
                        if (d.defectClass() == c && StrictScore.matches(d.boundsMm(), g.bounds())) {
                            hits.add(g.id());
                        }
                    }
                }
            }
        }
        List<PodFit.Trial> trials = new ArrayList<>();
        List<SizePoint> points = new ArrayList<>();
        for (int s = 0; s < sizes; s++) {
            int n = 0;
            int h = 0;
            for (int k = 0; k < perSize; k++) {
                InjectedDefect g = defects.get(k * sizes + s);
                boolean hit = hits.contains(g.id());
                trials.add(new PodFit.Trial(g.sizeMm(), hit));
                n++;
                h += hit ? 1 : 0;
            }
            points.add(new SizePoint(defects.get(s).sizeMm(), n, h));
        }
        return new Result(c.label(), seed, contrast, points, trials.size(), PodFit.fit(trials));
    }
}
