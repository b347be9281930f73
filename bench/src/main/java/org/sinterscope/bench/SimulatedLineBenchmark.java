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
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedFrame;
import org.sinterscope.simulator.line.SimulatedLine;
import org.sinterscope.simulator.line.SimulatedLineConfig;

/**
 * The simulator's renderer alone: one default 4096 × 1024 frame (4.2 Mpx) of the simulated line
 * per op, without labels (what the demo's camera gets), cycling through the first 100 frames of a
 * line with {@code defectsPerM} defects and one look-alike per metre. Mpx/s = 4.19 / (ms per op / 1000),
 * one calling thread; {@code cvThreads} is OpenCV's own thread count.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimulatedLineBenchmark {

    @Param({"1", "40"})
    public double defectsPerM;

    @Param({"1"})
    public int cvThreads;

    private SimulatedLine line;
    private long next;

    @Setup(Level.Trial)
    public void setUp() {
        line = new SimulatedLine(SimulatedLineConfig.defaults().withDefectRatePerM(defectsPerM).withLengthM(6),
                SimulatedEncoder.freeRunning());
        Core.setNumThreads(cvThreads); // after the line: it loads OpenCV's native library
    }

    @Benchmark
    public long render() {
        try (SimulatedFrame f = line.render(next++ % 100, false)) {
            return f.frame().sequence();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        line.close();
    }
}
