package org.sinterscope.bench;

import java.util.concurrent.TimeUnit;

import org.opencv.core.Core;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sinterscope.camera.Frame;
import org.sinterscope.simulator.line.SinteredFrame;
import org.sinterscope.simulator.line.SinteredLayerConfig;
import org.sinterscope.simulator.line.SinteredLayerSimulator;
import org.sinterscope.inspection.crack.CrackDetector;
import org.sinterscope.inspection.crack.CrackDetectorConfig;
import org.sinterscope.inspection.crack.CrackResult;

/**
 * Crack detection on one 8192 × 2048 simulated sintered-layer frame (16.8 Mpx, with cracks,
 * networks, dust and scratches). Mpx/s = 16.78 / (ms per op / 1000). {@code threads} sets
 * OpenCV's own thread count (1 = the detector alone on one core).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class CrackDetectorBenchmark {

    @Param({"line", "standard"})
    public String preset;

    @Param({"1"})
    public int threads;

    private SinteredFrame frame;
    private CrackDetector detector;

    @Setup(Level.Trial)
    public void setUp() {
        SinteredLayerConfig cfg = SinteredLayerConfig.defaults().withFrameSize(8192, 2048).withFrames(1);
        frame = new SinteredLayerSimulator(cfg).nextWithTruth();
        Core.setNumThreads(threads);
        detector = new CrackDetector("line".equals(preset) ? CrackDetectorConfig.line() : CrackDetectorConfig.standard());
    }

    @Benchmark
    public double detect() {
        Frame f = frame.frame();
        try (CrackResult r = detector.detect(f.image(), f.grid())) {
            return r.measurements().totalLengthMm();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        frame.close();
    }
}
