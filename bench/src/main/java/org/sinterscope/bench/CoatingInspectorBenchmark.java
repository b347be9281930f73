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
import org.sinterscope.camera.PixelPitch;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedLine;
import org.sinterscope.simulator.line.SimulatedLineConfig;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.coating.CoatingInspector;
import org.sinterscope.inspection.coating.CoatingInspectorConfig;

/**
 * Coating inspection of one simulated frame with defects: the default 4096 × 1024 (4.2 Mpx) and a
 * wide 8192 × 2048 (16.8 Mpx, 25 µm/px, same web). Mpx/s = Mpx / (ms per op / 1000), one calling
 * thread; {@code cvThreads} is OpenCV's own thread count.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class CoatingInspectorBenchmark {

    @Param({"4096x1024", "8192x2048"})
    public String size;

    @Param({"1"})
    public int cvThreads;

    private Frame frame;
    private CoatingInspector inspector;

    @Setup(Level.Trial)
    public void setUp() {
        SimulatedLineConfig cfg = SimulatedLineConfig.defaults().withDefectRatePerM(40).withLengthM(1);
        if (size.equals("8192x2048")) {
            cfg = cfg.withFrame(8192, 2048, PixelPitch.square(25), cfg.foilWidthMm(), cfg.coatingWidthMm());
        }
        try (SimulatedLine line = new SimulatedLine(cfg, SimulatedEncoder.freeRunning())) {
            frame = line.render(3, false).frame();
        }
        Core.setNumThreads(cvThreads);
        inspector = new CoatingInspector(CoatingInspectorConfig.defaults());
    }

    @Benchmark
    public int inspect() {
        FrameInspection fi = inspector.inspect(frame);
        return fi.defects().size();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        frame.close();
    }
}
