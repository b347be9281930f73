package org.sinterscope.routes.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.FrameSource;
import org.sinterscope.camera.PixelPitch;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedLine;
import org.sinterscope.simulator.line.SimulatedLineConfig;
import org.sinterscope.inspection.classify.ClassifiedInspection;
import org.sinterscope.inspection.coating.CoatingInspector;
import org.sinterscope.inspection.coating.CoatingInspectorConfig;
import org.sinterscope.simulator.demo.ClassifierComparison;
import org.sinterscope.simulator.plc.InProcessPlc;
import org.sinterscope.simulator.plc.PlcSimulator;
import org.sinterscope.routes.StoreFeedRoutes;
import org.sinterscope.routes.InspectionStage;
import org.sinterscope.routes.RunLedger;
import org.sinterscope.routes.Station;
import org.sinterscope.routes.StationBeans;
import org.sinterscope.routes.StationErrorHandling;
import org.sinterscope.routes.StationRoutes;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.decide.RecipeLoader;
import org.sinterscope.routes.decide.VerdictDecider;
import org.sinterscope.routes.reject.RejectTracker;

/**
 * A running station takes up a newly promoted bundle between two frames and refuses a corrupt one,
 * keeping the model it has; no frame is lost either way. The camera is held after {@value #GATE}
 * frames while bundles are promoted, so which frames saw which model is known.
 */
class ClassifierHotReloadTest extends CamelMainTestSupport {

    private static final int GATE = 6;

    private final SimulatedEncoder encoder = SimulatedEncoder.freeRunning();
    private final SimulatedLine line = new SimulatedLine(SimulatedLineConfig.defaults()
            .withFrame(1024, 512, PixelPitch.square(50), 48, 40).withLengthM(0.4).withDefectRatePerM(10)
            .withLookalikeRatePerM(10), encoder);
    private final GatedSource source = new GatedSource(line, GATE);
    private Path bundleFile;
    private RunLedger ledger;
    private StationClassifier classifier;
    private ClassifierComparison comparison;

    /** Made on first use: Camel's test support asks for the properties from its constructor, before fields are set. */
    private synchronized Path bundleFile() {
        if (bundleFile == null) {
            try {
                Path target = Path.of("target").toAbsolutePath();
                Files.createDirectories(target);
                bundleFile = Files.createTempDirectory(target, "hot-reload").resolve("line-classifier.zip");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return bundleFile;
    }

    /** Hands out the line's frames, holding the camera before frame {@code gate} until released. */
    static final class GatedSource implements FrameSource {
        private final SimulatedLine line;
        private final int gate;
        final CountDownLatch atGate = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);
        private int given;

        GatedSource(SimulatedLine line, int gate) {
            this.line = line;
            this.gate = gate;
        }

        @Override
        public boolean hasNext() {
            return line.hasNext();
        }

        @Override
        public Frame next() {
            if (given == gate) {
                atGate.countDown();
                try {
                    if (!open.await(120, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never opened the gate");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            given++;
            return line.next();
        }

        @Override
        public String describe() {
            return "gated " + line.describe();
        }

        @Override
        public void close() {
            line.close();
        }
    }

    private Map<String, String> overrides() {
        return Map.of("sinterscope.camera.auto-startup", "false",
                // straight to the in-process PLC simulator: journal and links have their own tests
                "sinterscope.actuator.uri", "direct:plc-sim", StationClassifier.BUNDLE, bundleFile().toString(),
                "sinterscope.classifier.check-ms", "50");
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addRoutesBuilder(new StationErrorHandling());
        configuration.addRoutesBuilder(new StationRoutes());
        configuration.addRoutesBuilder(new StoreFeedRoutes()); // no store bean: the feed drops records
        classifier().routes().forEach(configuration::addRoutesBuilder);
        configuration.addRoutesBuilder(new InProcessPlc(plc(), false).routes());
    }

    private PlcSimulator plc;

    /** Made on first use, like the classifier. */
    private synchronized PlcSimulator plc() {
        if (plc == null) {
            plc = new PlcSimulator(encoder);
        }
        return plc;
    }

    @Override
    protected String getPropertyPlaceholderLocations() {
        return Station.DEFAULTS;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.putAll(overrides());
        return p;
    }

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        ledger = new RunLedger(true);
        comparison = new ClassifierComparison(classifier());
        StationBeans beans = new StationBeans(source, new InspectionStage(comparison), new VerdictDecider(RecipeLoader.defaults()),
                new RejectTracker("station-test", "marker-1", 2000, encoder), ledger);
        beans.byName().forEach(registry::bind);
    }

    /** Made on first use: Camel asks for routes and beans in an order of its own. */
    private synchronized StationClassifier classifier() {
        if (classifier == null) {
            try {
                Files.copy(Bundles.defaultBundle(), bundleFile());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            classifier = StationClassifier.create(StationSettings.load(null, overrides()),
                    new CoatingInspector(CoatingInspectorConfig.defaults()));
        }
        return classifier;
    }

    @AfterEach
    void release() {
        source.open.countDown();
        line.close();
    }

    @Test
    void a_promoted_bundle_is_taken_up_and_a_corrupt_one_refused_without_losing_a_frame() throws Exception {
        String first = classifier().holder().currentId();
        assertThat(first).startsWith("line-classifier.zip@");
        int frames = line.frameCount();
        NotifyBuilder allDone = new NotifyBuilder(context).fromRoute("inspect")
                .filter(e -> e.getProperty(Exchange.SPLIT_INDEX) == null).whenDone(frames).create();
        context.getRouteController().startRoute("camera");
        assertThat(source.atGate.await(60, TimeUnit.SECONDS)).as("camera reached the gate").isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> ledger.verdicts() == GATE);

        // promote another bundle while the camera waits
        Bundles.promote(Bundles.retimed(bundleFile, "2026-11-25T12:00:00Z"), bundleFile);
        await().atMost(Duration.ofSeconds(30)).until(() -> !classifier().holder().currentId().equals(first));
        String second = classifier().holder().currentId();

        // a corrupt bundle: refused with an alarm, the second stays
        byte[] good = Files.readAllBytes(bundleFile);
        Bundles.promote(Arrays.copyOf(good, good.length / 2), bundleFile);
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.alarms().stream().anyMatch(a -> a.contains("refused")));
        assertThat(classifier().holder().currentId()).isEqualTo(second);
        assertThat(ledger.alarms()).anySatisfy(a -> assertThat(a).contains("refused classifier bundle")
                .contains(bundleFile.toString()).contains("keeping " + second));

        source.open.countDown();
        assertThat(allDone.matches(120, TimeUnit.SECONDS)).as("all %d frames decided", frames).isTrue();
        assertThat(ledger.verdicts()).isEqualTo(frames);
        assertThat(ledger.framesFailed()).isZero();
        List<ClassifiedInspection> seen = comparison.inspections();
        assertThat(seen).hasSize(frames);
        seen.forEach(r -> assertThat(r.classifierId()).as("model of frame %d", r.classical().sequence())
                .isEqualTo(r.classical().sequence() < GATE ? first : second));
        assertThat(classifier().promotions()).isEqualTo(2);
        assertThat(classifier().refusals()).isEqualTo(1);
    }
}
