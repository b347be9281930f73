package org.sinterscope.review.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinterscope.routes.compliance.SinterHistory;

/** Furnace history and XRD checks kept with their roll and read back (H2). */
class ComplianceStoreTest {

    @TempDir
    Path dir;

    @Test
    void furnace_stretches_and_xrd_results_are_kept_with_the_roll() throws Exception {
        try (DefectStore store = DefectStore.open(StoreSettings.embedded(dir))) {
            store.openRoll(StoreFixtures.roll("roll-c", "lot-9", Instant.parse("2026-11-30T05:00:00Z")));
            store.saveSinterStretch(new SinterHistory.Record(0, 100, 582.5, "z3", 6.2, 3.1, -55, 60, List.of()));
            store.saveSinterStretch(new SinterHistory.Record(100, 200, 640, "z3", 6.0, Double.NaN, Double.NaN, 60,
                    List.of("furnace-temperature", "furnace-o2")));
            store.saveXrdResult(new XrdRecord("roll-c", 1500, "S-1", "lab/s1.xrdml", Instant.parse("2026-11-30T06:00:00Z"),
                    0.137, 0.004, 0.05, "CRYSTALLINE", "[{\"twoThetaDeg\":28.44,\"reflection\":\"Si(111)\"}]"));
            assertThat(store.flush(Duration.ofSeconds(30))).isTrue();

            List<SinterHistory.Record> s = store.compliance().sinterStretches("roll-c");
            assertThat(s).hasSize(2);
            assertThat(s.get(0).complies()).isTrue();
            assertThat(s.get(0).maxTempC()).isEqualTo(582.5);
            assertThat(s.get(1).causes()).containsExactly("furnace-temperature", "furnace-o2");
            assertThat(s.get(1).worstO2Ppm()).isNaN();
            List<XrdRecord> x = store.compliance().xrdResults("roll-c");
            assertThat(x).singleElement().satisfies(r -> {
                assertThat(r.verdict()).isEqualTo("CRYSTALLINE");
                assertThat(r.crystallinityIndex()).isEqualTo(0.137);
                assertThat(r.yMm()).isEqualTo(1500);
                assertThat(r.peaksJson()).contains("Si(111)");
                assertThat(r.measuredAt()).isEqualTo(Instant.parse("2026-11-30T06:00:00Z"));
            });
            assertThat(store.compliance().xrdResults("other")).isEmpty();
        }
    }
}
