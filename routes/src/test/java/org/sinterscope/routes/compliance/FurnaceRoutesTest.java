package org.sinterscope.routes.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.sinterscope.routes.InboxRoutesTestSupport;
import org.sinterscope.routes.StationErrorHandling;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.decide.RecipeLoader;
import org.sinterscope.routes.reject.RejectCommand;

/**
 * The furnace routes with the default recipe (T_max 600 °C, O2 ≤ 10 ppm) and two zones at 1000–3000 mm;
 * the station's command path and alarm endpoint are mocks. Readings carry the encoder position and
 * stay below the furnace's exit (3000 mm), so no web leaves the furnace in these tests.
 */
class FurnaceRoutesTest extends InboxRoutesTestSupport {

    private FurnaceStage stage;

    @Override
    protected Map<String, String> overrides() {
        Map<String, String> m = new HashMap<>();
        m.put("sinterscope.furnace.inbox", root.resolve("inbox").toString());
        m.put("sinterscope.furnace.done-dir", root.resolve("done").toString());
        m.put("sinterscope.furnace.quarantine-dir", root.resolve("quarantine").toString());
        m.put("sinterscope.furnace.inbox.options", "delay=20&initialDelay=0&readLock=none");
        m.put("sinterscope.furnace.uri", "direct:furnace-readings");
        m.put("sinterscope.furnace.zones", "z1:1000:2000,z2:2000:3000");
        m.put("sinterscope.actuator.distance-mm", "5000");
        m.put("sinterscope.alarm.uri", "mock:alarms");
        return m;
    }

    @Override
    protected void configure(MainConfigurationProperties c) {
        c.addRoutesBuilder(new StationErrorHandling());
        c.addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send-command").routeId("send-command").to("mock:commands");
            }
        });
        c.addRoutesBuilder(new FurnaceRoutes(java.util.List.of()));
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        stage = FurnaceStage.create(StationSettings.load(null, overrides()), () -> 0.0, RecipeLoader.defaults());
        stage.beans().forEach(registry::bind);
    }

    private void drop(String name, String content) throws IOException {
        drop(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_json_temperature_excursion_is_rejected_on_the_web_inside_the_zone_with_an_alarm() throws Exception {
        MockEndpoint commands = getMockEndpoint("mock:commands");
        commands.expectedMessageCount(1);
        MockEndpoint alarms = getMockEndpoint("mock:alarms");
        alarms.expectedMessageCount(1);
        template.sendBody("direct:furnace-readings", "{\"zone\":\"z2\",\"tempC\":640.5,\"encoderMm\":2950}");
        commands.assertIsSatisfied(10_000);
        alarms.assertIsSatisfied(10_000);
        RejectCommand c = commands.getExchanges().get(0).getMessage().getBody(RejectCommand.class);
        assertThat(c.y0Mm()).isEqualTo(0); // web in z2: [2950 − 3000, 2950 − 2000], from the roll's start, in 100 mm stretches
        assertThat(c.y1Mm()).isEqualTo(1000);
        assertThat(c.causes()).containsExactly("furnace-temperature");
        assertThat(c.deadlineMm()).isEqualTo(5000);
        assertThat(alarms.getExchanges().get(0).getMessage().getBody(String.class))
                .contains("furnace zone z2 at 640.5 °C > 600.0 °C").contains("web 0.000–1.000 m rejected");
    }

    @Test
    void an_unusable_message_is_quarantined_with_its_reason() throws Exception {
        MockEndpoint alarms = getMockEndpoint("mock:alarms");
        alarms.expectedMessageCount(1);
        template.sendBody("direct:furnace-readings", "{\"zone\":\"z7\",\"tempC\":500}");
        alarms.assertIsSatisfied(10_000);
        assertThat(alarms.getExchanges().get(0).getMessage().getBody(String.class)).contains("unknown furnace zone 'z7'");
        try (Stream<Path> q = Files.list(root.resolve("quarantine"))) {
            Path reason = q.filter(p -> p.toString().endsWith(".reason.txt")).findFirst().orElseThrow();
            assertThat(Files.readString(reason)).contains("unknown furnace zone 'z7'");
        }
    }

    @Test
    void a_csv_log_with_bad_rows_is_applied_where_it_can_and_quarantined_with_every_reason() throws Exception {
        MockEndpoint commands = getMockEndpoint("mock:commands");
        commands.expectedMessageCount(1);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("furnace-files").whenDone(1).create();
        drop("furnace-0530.csv", "time,zone,temp_c,o2_ppm,dew_point_c,encoder_mm\n"
                + "2026-11-30T05:30:00Z,z1,450,,,2900\n"
                + "2026-11-30T05:30:00Z,all,,42,-55,2900\n"
                + "2026-11-30T05:30:01Z,z1,hot,,,2950\n"
                + "yesterday,z2,580,,,2950\n"
                + "2026-11-30T05:30:01Z,z9,580,,,2950\n");
        assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
        commands.assertIsSatisfied(10_000);
        RejectCommand c = commands.getExchanges().get(0).getMessage().getBody(RejectCommand.class);
        assertThat(c.causes()).containsExactly("furnace-o2");
        assertThat(c.y0Mm()).isEqualTo(0); // both zones at encoder 2900: [−100, 1900], from the roll's start
        assertThat(c.y1Mm()).isEqualTo(1900);
        Path reason = root.resolve("quarantine/furnace-0530.csv.reason.txt");
        // the file consumer moves the file when its exchange completes, just after "done"
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(root.resolve("quarantine/furnace-0530.csv")));
        assertThat(Files.readString(reason, StandardCharsets.UTF_8)).contains("3 bad row(s), 2 good row(s) applied")
                .contains("line 4: temp_c 'hot' is not a number").contains("line 5: time 'yesterday' is not an ISO-8601 instant")
                .contains("line 6: unknown furnace zone 'z9'");
        assertThat(stage.compliance().readingsPlaced()).isEqualTo(2);
    }

    @Test
    void a_clean_csv_log_goes_to_done() throws Exception {
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("furnace-files").whenDone(1).create();
        drop("ok.csv", "time,zone,temp_c,encoder_mm\n2026-11-30T05:30:00Z,z1,450,7000\n");
        assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(root.resolve("done/ok.csv")));
        assertThat(stage.compliance().readingsPlaced()).isEqualTo(1);
    }
}
