package org.sinterscope.simulator.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.sinterscope.camera.profile.Profile;
import org.sinterscope.simulator.line.SimulatedProfilometer;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.decide.Recipe;
import org.sinterscope.routes.foil.FoilReadingSink;
import org.sinterscope.routes.foil.FoilStage;
import org.sinterscope.routes.foil.FoilVerdict;
import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.store.FoilReading;

/**
 * The demo's foil: a simulated profilometer before the coater measures the foil every
 * {@value #EVERY_MM} mm and drops each trace as a CSV export ({@code <lot>_y<yMm>.csv}) into the
 * station's foil inbox, where the foil route reads it, judges it against the recipe (Ra ≥ 0.2 µm)
 * and raises an alarm for foil that is too smooth. Ra is drawn around 0.38 µm; one trace in the
 * run (the third) is of a smooth patch, Ra 0.15 µm, so the alarm path runs in every demo. Traces arrive
 * as the web does: the trace of roll position y is dropped once the line encoder has reached y (not all at
 * the start, where a burst of foil judgements would compete with the first frames' inspection).
 */
final class DemoFoil {

    static final double EVERY_MM = 5000;

    private final FoilStage stage;
    private final Path inbox;
    private final String lot;
    private final int expected;

    private DemoFoil(FoilStage stage, Path inbox, String lot, int expected) {
        this.stage = stage;
        this.inbox = inbox;
        this.lot = lot;
        this.expected = expected;
    }

    /** The foil stage of the demo, its verdicts also going to {@code store} (may be null). */
    static DemoFoil create(StationSettings settings, Recipe recipe, DefectStore store, String lot, String rollId,
                           double lengthMm) {
        FoilReadingSink toStore = v -> store.saveFoilReading(new FoilReading(v.lot(), rollId, v.decidedAt(), v.source(),
                v.parameters().raUm(), v.parameters().rqUm(), v.parameters().rzUm(), v.parameters().rsk(),
                v.parameters().rku(), v.parameters().rsmUm(), v.pass()));
        FoilStage stage = FoilStage.create(settings, recipe, store == null ? List.of() : List.of(toStore));
        int n = (int) Math.floor(lengthMm / EVERY_MM) + 1;
        return new DemoFoil(stage, Path.of(settings.get("sinterscope.foil.inbox")), lot, n);
    }

    FoilStage stage() {
        return stage;
    }

    private Thread measuring;
    private volatile boolean rollEnded;

    /**
     * Starts measuring: a daemon thread drops trace i (roll y = i × {@value #EVERY_MM} mm) into the inbox once
     * {@code encoder} has reached its y, or at once when {@link #await} says the roll has ended.
     */
    synchronized void measure(long seed, org.sinterscope.camera.LineEncoder encoder) throws IOException {
        Files.createDirectories(inbox);
        SimulatedProfilometer p = SimulatedProfilometer.defaults(seed);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0xF011L);
        double[] ras = new double[expected];
        for (int i = 0; i < expected; i++) {
            ras[i] = i == 2 ? 0.15 : Math.max(0.22, 0.38 + 0.05 * rnd.nextGaussian());
        }
        measuring = new Thread(() -> {
            try {
                for (int i = 0; i < expected; i++) {
                    double yMm = i * EVERY_MM;
                    while (!rollEnded && encoder.positionMm() < yMm) {
                        Thread.sleep(20); // the encoder has no events to wait on: the line moves 10 mm per 20 ms at 30 m/min
                    }
                    drop(p, String.format(Locale.ROOT, "%s_y%.0f.csv", lot, yMm), ras[i]);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "demo-profilometer");
        measuring.setDaemon(true);
        measuring.start();
    }

    /** Writes one trace beside the inbox, then moves it in whole. */
    private void drop(SimulatedProfilometer p, String name, double ra) throws IOException {
        Profile trace = p.trace(name, ra);
        Path tmp = Files.createTempFile(inbox.getParent() == null ? inbox : inbox.getParent(), "trace", ".part");
        Files.writeString(tmp, SimulatedProfilometer.toCsv(trace), StandardCharsets.UTF_8);
        Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The roll has ended: the traces not yet dropped are dropped now; then waits until each has a verdict or was quarantined. */
    void await(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        rollEnded = true;
        Thread t;
        synchronized (this) {
            t = measuring;
        }
        if (t != null) {
            t.join(Math.max(1, timeout.toMillis()));
        }
        while (stage.log().recorded() + stage.log().quarantinedCount() < expected && System.nanoTime() < end) {
            synchronized (this) {
                wait(50); // the file route polls the inbox; nothing to be notified by
            }
        }
    }

    DemoSummary.FoilSummary summary() {
        List<FoilVerdict> v = stage.log().recent();
        double mean = v.stream().mapToDouble(x -> x.parameters().raUm()).average().orElse(Double.NaN);
        double min = v.stream().mapToDouble(x -> x.parameters().raUm()).min().orElse(Double.NaN);
        return new DemoSummary.FoilSummary(lot, expected, stage.log().recorded(), stage.log().failed(),
                stage.log().quarantinedCount(), mean, min);
    }
}
