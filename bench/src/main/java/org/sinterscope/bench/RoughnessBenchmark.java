package org.sinterscope.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sinterscope.camera.profile.Profile;
import org.sinterscope.inspection.roughness.RoughnessAnalyzer;
import org.sinterscope.inspection.roughness.RoughnessResult;
import org.sinterscope.inspection.roughness.RoughnessSettings;

/**
 * Profiles evaluated per second with the full filtered pipeline (least-squares line, λs = 2.5 µm and
 * λc = 0.8 mm Gaussian filters, all ISO 21920-2 parameters, material ratios 10/50/90 %), on seeded
 * foil-like profiles sampled every 0.5 µm: 8,000 points (4 mm) and 100,000 points (50 mm).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar RoughnessBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RoughnessBenchmark {

    /** Points per profile. */
    @Param({"8000", "100000"})
    public int points;

    private Profile profile;
    private RoughnessSettings settings;

    @Setup
    public void setUp() {
        double dxMm = 0.0005; // 0.5 µm spacing, the ISO 3274 maximum for λs = 2.5 µm
        SplittableRandom rnd = new SplittableRandom(42); // one seed for the whole profile
        double[] z = new double[points];
        double smooth = 0;
        for (int i = 0; i < points; i++) {
            smooth = 0.95 * smooth + 0.05 * rnd.nextGaussian();     // correlated roughness, µm
            z[i] = 1.2 * smooth + 0.3 * Math.sin(2 * Math.PI * i * dxMm / 2.0) + 0.001 * i * dxMm; // + waviness + tilt
        }
        profile = Profile.uniform("bench-" + points, 0, dxMm, z);
        settings = RoughnessSettings.defaults().withMaterialRatioPercents(java.util.List.of(10.0, 50.0, 90.0));
    }

    @Benchmark
    public RoughnessResult analyzeFiltered() {
        return RoughnessAnalyzer.analyze(profile, settings);
    }
}
