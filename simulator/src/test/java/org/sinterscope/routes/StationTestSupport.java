package org.sinterscope.routes;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.FrameSource;
import org.sinterscope.camera.LineEncoder;
import org.sinterscope.camera.WebRect;
import org.sinterscope.simulator.line.DefectPlan;
import org.sinterscope.simulator.line.InjectedDefect;
import org.sinterscope.inspection.coating.CoatingInspector;
import org.sinterscope.inspection.coating.CoatingInspectorConfig;
import org.sinterscope.routes.StationStore;
import org.sinterscope.routes.StoreFeedRoutes;
import org.sinterscope.routes.decide.RecipeLoader;
import org.sinterscope.routes.decide.VerdictDecider;
import org.sinterscope.simulator.plc.InProcessPlc;
import org.sinterscope.simulator.plc.PlcSimulator;
import org.sinterscope.routes.reject.RejectTracker;
import org.sinterscope.routes.actuator.Actuation;
import org.sinterscope.routes.reject.ActuatorSpec;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the station's real routes under Camel Main test support, with the camera route started by
 * the test once its expectations are in place.
 */
abstract class StationTestSupport extends CamelMainTestSupport {

    protected RunLedger ledger;
    protected PlcSimulator plc;
    private StationBeans beans;
    private RejectTracker tracker;
    private Actuation actuation;

    /** The actuation journal's folder (used when {@link #throughActuation()}). */
    @TempDir
    protected Path journalDir;

    /**
     * True: reject commands go to {@code direct:actuation} (journal, outbox, fail-safe policies) and
     * from there over the plc-sim link to the in-process PLC; false: straight to {@code direct:plc-sim}.
     */
    protected boolean throughActuation() {
        return false;
    }

    /** The station's one actuator. */
    protected ActuatorSpec actuator() {
        return ActuatorSpec.simulated("marker-1", actuatorDistanceMm());
    }

    protected synchronized RejectTracker tracker() {
        if (tracker == null) {
            tracker = new RejectTracker("station-test", List.of(actuator()), encoder());
        }
        return tracker;
    }

    /** The station's actuation (when {@link #throughActuation()}); made on first use. */
    protected synchronized Actuation actuation() {
        if (actuation == null) {
            actuation = Actuation.create(org.sinterscope.routes.StationSettings.load(null, Map.of("sinterscope.journal.dir",
                    journalDir.toString(), "sinterscope.station.id", "station-test")), tracker());
        }
        return actuation;
    }

    /** The source the station pulls from. */
    protected abstract FrameSource source();

    /** The encoder the tracker and the PLC follow. */
    protected abstract LineEncoder encoder();

    /** Web length from camera to actuator, mm. */
    protected double actuatorDistanceMm() {
        return 2000;
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addRoutesBuilder(new StationErrorHandling());
        configuration.addRoutesBuilder(new StationRoutes());
        configuration.addRoutesBuilder(new StoreFeedRoutes()); // no store bean: the feed drops records
        if (throughActuation()) {
            configuration.addRoutesBuilder(actuation().routes());
        }
        configuration.addRoutesBuilder(new InProcessPlc(plc(), throughActuation()).routes());
    }

    /** The in-process PLC simulator behind {@code direct:plc-sim}; made on first use (Camel picks the order). */
    protected synchronized PlcSimulator plc() {
        if (plc == null) {
            plc = new PlcSimulator(encoder());
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
        p.put("sinterscope.camera.auto-startup", "false");
        if (!throughActuation()) {
            // straight to the in-process PLC simulator: journal, links and policies are tested through direct:actuation elsewhere
            p.put("sinterscope.actuator.uri", "direct:plc-sim");
        }
        return p;
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        // the test support may ask more than once: the routes must see the same beans as the test
        if (beans == null) {
            ledger = new RunLedger(true);
            beans = new StationBeans(source(), new InspectionStage(new CoatingInspector(CoatingInspectorConfig.defaults())),
                    new VerdictDecider(RecipeLoader.defaults()),
                    tracker(), ledger);
        }
        beans.byName().forEach(registry::bind);
        if (throughActuation()) {
            registry.bind(Actuation.GATEWAY, actuation().gateway());
        }
    }

    /** Starts the camera and waits until {@code frames} frames have a verdict. */
    protected void runFrames(int frames) throws Exception {
        // the inspect route's exchange is done once its frame has been decided (decide is a direct: call);
        // the split of reject commands makes sub-exchanges of it, which are not frames
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("inspect")
                .filter(e -> e.getProperty(Exchange.SPLIT_INDEX) == null).whenDone(frames).create();
        context.getRouteController().startRoute("camera");
        if (!done.matches(120, TimeUnit.SECONDS)) {
            throw new AssertionError("the station decided " + ledger.verdicts() + " of " + frames + " frames in 120 s");
        }
    }

    /** A plan with one pinhole of Ø 0.4 mm at (x, y) mm. */
    protected static DefectPlan onePinholeAt(double xMm, double yMm) {
        return new DefectPlan(List.of(new InjectedDefect(1, DefectClass.PINHOLE,
                new WebRect(xMm - 0.2, yMm - 0.2, xMm + 0.2, yMm + 0.2), 0.4, 110)));
    }
}
