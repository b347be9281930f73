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
 * run (the third) is of a smooth patch, Ra 0.15 µm, so the alarm path runs in every demo.
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

    /** Writes the run's traces into the inbox (each whole before it appears there). */
    void measure(long seed) throws IOException {
        Files.createDirectories(inbox);
        SimulatedProfilometer p = SimulatedProfilometer.defaults(seed);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0xF011L);
        for (int i = 0; i < expected; i++) {
            double yMm = i * EVERY_MM;
            double ra = i == 2 ? 0.15 : Math.max(0.22, 0.38 + 0.05 * rnd.nextGaussian());
            String name = String.format(Locale.ROOT, "%s_y%.0f.csv", lot, yMm);
            Profile trace = p.trace(name, ra);
            Path tmp = Files.createTempFile(inbox.getParent() == null ? inbox : inbox.getParent(), "trace", ".part");
            Files.writeString(tmp, SimulatedProfilometer.toCsv(trace), StandardCharsets.UTF_8);
            Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Waits until every trace has a verdict or was quarantined. */
    void await(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
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
