package org.sinterscope.routes.foil;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.RoutesBuilder;
import org.sinterscope.inspection.roughness.RoughnessSettings;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.StationStage;
import org.sinterscope.routes.decide.Recipe;

/**
 * The foil roughness stage of the station: {@link FoilRoutes} and its beans.
 *
 * @param inspector parses and judges readings
 * @param log       keeps the verdicts and hands them on
 * @param files     the done and quarantine folders
 */
public record FoilStage(FoilInspector inspector, FoilReadingLog log, FoilFiles files) implements StationStage {

    public static final String INSPECTOR = "foilInspector";
    public static final String LOG = "foilReadingLog";
    public static final String FILES = "foilFiles";

    public FoilStage {
        Objects.requireNonNull(inspector, "inspector");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(files, "files");
    }

    /**
     * The stage from the station settings ({@code sinterscope.foil.*}) and the recipe's foil limits;
     * verdicts also go to {@code sinks} (a store).
     */
    public static FoilStage create(StationSettings s, Recipe recipe, List<FoilReadingSink> sinks) {
        String spacing = s.get("sinterscope.foil.csv-spacing-um");
        double spacingUm = spacing.isBlank() ? Double.NaN : s.getDouble("sinterscope.foil.csv-spacing-um");
        int logSize = (int) s.getDouble("sinterscope.foil.log-size");
        Clock clock = Clock.systemUTC();
        return new FoilStage(
                new FoilInspector(new FoilReadingParser(spacingUm), RoughnessSettings.defaults(), recipe.foil(), clock),
                new FoilReadingLog(logSize, sinks),
                new FoilFiles(Path.of(s.get("sinterscope.foil.done-dir")), Path.of(s.get("sinterscope.foil.quarantine-dir")), clock));
    }

    @Override
    public RoutesBuilder routes() {
        return new FoilRoutes();
    }

    @Override
    public Map<String, Object> beans() {
        return Map.of(INSPECTOR, inspector, LOG, log, FILES, files);
    }
}
