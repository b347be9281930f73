package org.sinterscope.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sinterscope.camera.PixelPitch;
import org.sinterscope.camera.PixelRect;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedFrame;
import org.sinterscope.simulator.line.SimulatedLine;
import org.sinterscope.simulator.line.SimulatedLineConfig;
import org.sinterscope.inspection.classify.Classification;
import org.sinterscope.inspection.classify.DefectClassifier;
import org.sinterscope.inspection.classify.ModelBundle;

/**
 * Inline classification with the default bundle, in patches per second (JMH "ops" are patches):
 * patch preparation from a simulated 1024 × 512 frame included. {@code batch64}: one call with 64
 * candidates; {@code single}: one candidate per call; the two-thread variants share one classifier
 * holding one or two graph instances.
 *
 * <p>Run: {@code mvn -q -DskipTests -pl bench -am package && java -jar bench/target/benchmarks.jar ClassifierBenchmark}
 * from the project root (the bundle is read from {@code models/bundles/default-classifier.zip}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class ClassifierBenchmark {

    private static final int BATCH = 64;

    private SimulatedFrame frame;
    private List<PixelRect> candidates;
    private DefectClassifier oneInstance;
    private DefectClassifier twoInstances;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ModelBundle bundle = loadBundle();
        oneInstance = new DefectClassifier(bundle, 0.5, 1);
        twoInstances = new DefectClassifier(bundle, 0.5, 2);
        SimulatedLineConfig cfg = SimulatedLineConfig.defaults().withFrame(1024, 512, PixelPitch.square(50), 48, 40)
                .withLengthM(1).withDefectRatePerM(0);
        try (SimulatedLine line = new SimulatedLine(cfg, SimulatedEncoder.freeRunning())) {
            frame = line.nextWithTruth();
        }
        SplittableRandom rnd = new SplittableRandom(1);
        candidates = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            int s = rnd.nextInt(3, 80);
            candidates.add(new PixelRect(rnd.nextInt(100, 900), rnd.nextInt(0, 450), s, rnd.nextInt(3, 80)));
        }
    }

    static ModelBundle loadBundle() throws Exception {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("models/bundles/default-classifier.zip"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IOException("models/bundles/default-classifier.zip not found above " + Path.of("").toAbsolutePath());
        }
        Path file = p.resolve("models/bundles/default-classifier.zip");
        try (InputStream in = Files.newInputStream(file)) {
            return ModelBundle.load(in, file.toString());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        frame.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<Classification> batch64() {
        return oneInstance.classify(frame.frame().image(), candidates);
    }

    @Benchmark
    public List<Classification> single() {
        return oneInstance.classify(frame.frame().image(), candidates.subList(7, 8));
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(BATCH)
    public List<Classification> batch64TwoThreadsOneInstance() {
        return oneInstance.classify(frame.frame().image(), candidates);
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(BATCH)
    public List<Classification> batch64TwoThreadsTwoInstances() {
        return twoInstances.classify(frame.frame().image(), candidates);
    }
}
