package org.sinterscope.routes.foil;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.sinterscope.routes.InboxRoutesTestSupport;
import org.sinterscope.routes.StationErrorHandling;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.decide.RecipeLoader;

/**
 * The foil routes with the station's settings and default recipe, on a temporary inbox; the
 * station's alarm endpoint is a mock.
 */
class FoilRoutesTest extends InboxRoutesTestSupport {

    private FoilStage stage;

    @Override
    protected Map<String, String> overrides() {
        return Map.of("sinterscope.foil.inbox", root.resolve("inbox").toString(),
                "sinterscope.foil.done-dir", root.resolve("done").toString(),
                "sinterscope.foil.quarantine-dir", root.resolve("quarantine").toString(),
                "sinterscope.foil.inbox.options", "delay=20&initialDelay=0&readLock=none",
                "sinterscope.foil.uri", "direct:foil-readings",
                "sinterscope.alarm.uri", "mock:alarms");
    }

    @Override
    protected void configure(MainConfigurationProperties c) {
        c.addRoutesBuilder(new StationErrorHandling());
        c.addRoutesBuilder(new FoilRoutes());
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        stage = FoilStage.create(StationSettings.load(null, overrides()), RecipeLoader.defaults(), List.of());
        stage.beans().forEach(registry::bind);
    }

    /** The file's own exchange is done (its split parts, which finish earlier, do not count). */
    private NotifyBuilder doneOn(String routeId) {
        return new NotifyBuilder(context).fromRoute(routeId)
                .filter(e -> e.getProperty(org.apache.camel.Exchange.SPLIT_INDEX) == null).whenDone(1).create();
    }

    @Test
    void rough_enough_csv_in_the_inbox_passes_and_is_moved_to_done() throws Exception {
        MockEndpoint alarms = getMockEndpoint("mock:alarms");
        alarms.expectedMessageCount(0);
        NotifyBuilder done = doneOn("foil-files");
        drop("CU2401-07_y1520.5.csv", FoilProfiles.csv(0.5, 1).getBytes(StandardCharsets.UTF_8));

        assertThat(done.matches(30, TimeUnit.SECONDS)).as("file route finished").isTrue();
        List<FoilVerdict> v = stage.log().recent();
        assertThat(v).hasSize(1);
        assertThat(v.get(0).pass()).isTrue();
        assertThat(v.get(0).lot()).isEqualTo("CU2401-07");
        assertThat(v.get(0).yMm()).isEqualTo(1520.5);
        assertThat(v.get(0).parameters().raUm()).isCloseTo(0.5, org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(root.resolve("done/CU2401-07_y1520.5.csv")).exists();
        assertThat(root.resolve("inbox/CU2401-07_y1520.5.csv")).doesNotExist();
        alarms.assertIsSatisfied();
    }

    @Test
    void too_smooth_foil_raises_an_alarm() throws Exception {
        MockEndpoint alarms = getMockEndpoint("mock:alarms");
        alarms.expectedMessageCount(1);
        NotifyBuilder done = doneOn("foil-files");
        drop("CU2401-08_y300_trace1.csv", FoilProfiles.csv(0.12, 2).getBytes(StandardCharsets.UTF_8));

        assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
        alarms.assertIsSatisfied(10_000);
        String alarm = alarms.getExchanges().get(0).getMessage().getBody(String.class);
        assertThat(alarm).contains("CU2401-08").contains("FAIL").contains("Ra 0.1").contains("< 0.200 µm");
        FoilVerdict v = stage.log().recent().get(0);
        assertThat(v.pass()).isFalse();
        assertThat(v.parameters().raUm()).isCloseTo(0.12, org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(stage.log().failed()).isEqualTo(1);
    }

    @Test
    void malformed_file_is_quarantined_with_its_reason() throws Exception {
        MockEndpoint alarms = getMockEndpoint("mock:alarms");
        alarms.expectedMessageCount(1);
        NotifyBuilder done = doneOn("foil-files");
        drop("CU2401-09_y10.csv", "x_mm,z_inch\n0.0,1.0\n0.001,2.0\n".getBytes(StandardCharsets.UTF_8));

        assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
        Path q = root.resolve("quarantine/CU2401-09_y10.csv");
        assertThat(q).exists();
        assertThat(root.resolve("done/CU2401-09_y10.csv")).doesNotExist();
        String reason = Files.readString(root.resolve("quarantine/CU2401-09_y10.csv.reason.txt"));
        assertThat(reason).contains("CU2401-09_y10.csv").contains("unknown unit 'inch'");
        assertThat(stage.log().recent()).isEmpty();
        assertThat(stage.log().quarantinedCount()).isEqualTo(1);
        alarms.assertIsSatisfied(10_000);
        assertThat(alarms.getExchanges().get(0).getMessage().getBody(String.class)).contains("quarantined");
    }

    @Test
    void file_without_lot_and_position_in_its_name_is_quarantined() throws Exception {
        NotifyBuilder done = doneOn("foil-files");
        drop("trace.csv", FoilProfiles.csv(0.5, 3).getBytes(StandardCharsets.UTF_8));

        assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(root.resolve("quarantine/trace.csv")).exists();
        assertThat(Files.readString(root.resolve("quarantine/trace.csv.reason.txt"))).contains("lot and web position");
    }

    @Test
    void json_reading_gets_a_verdict_and_a_smooth_one_an_alarm() throws Exception {
        MockEndpoint alarms = getMockEndpoint("mock:alarms");
        alarms.expectedMessageCount(1);
        template.sendBody("{{sinterscope.foil.uri}}", FoilProfiles.json("CU2401-10", 42.0, 0.4, 4));
        template.sendBody("{{sinterscope.foil.uri}}", FoilProfiles.json("CU2401-11", 43.0, 0.1, 5));

        alarms.assertIsSatisfied(10_000);
        List<FoilVerdict> v = stage.log().recent();
        assertThat(v).extracting(FoilVerdict::lot).containsExactly("CU2401-10", "CU2401-11");
        assertThat(v).extracting(FoilVerdict::pass).containsExactly(true, false);
        assertThat(v.get(0).parameters().raUm()).isCloseTo(0.4, org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(v.get(0).source()).startsWith("json:");
        assertThat(alarms.getExchanges().get(0).getMessage().getBody(String.class)).contains("CU2401-11").contains("FAIL");
    }

    @Test
    void malformed_json_is_written_to_quarantine_with_its_reason() throws Exception {
        template.sendBody("{{sinterscope.foil.uri}}", "{\"lot\":\"CU2401-12\",\"yMm\":5,\"spacing\":0.5,\"z\":[1.0,\"x\",2.0]}");

        assertThat(stage.log().quarantinedCount()).isEqualTo(1);
        List<Path> files;
        try (Stream<Path> s = Files.list(root.resolve("quarantine"))) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSize(2);
        assertThat(Files.readString(files.get(0))).contains("CU2401-12");
        assertThat(files.get(1).getFileName().toString()).isEqualTo(files.get(0).getFileName() + FoilFiles.REASON_SUFFIX);
        assertThat(Files.readString(files.get(1))).contains("z[1] is \"x\", not a number");
        assertThat(stage.log().recent()).isEmpty();
    }
}
