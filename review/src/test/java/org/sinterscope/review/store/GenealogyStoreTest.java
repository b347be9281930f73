package org.sinterscope.review.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinterscope.review.store.Genealogy.Condition;
import org.sinterscope.review.store.ThicknessReading.Stage;

/** Thickness gauge readings kept with their roll and judged as the dried-and-rolled condition (H2). */
class GenealogyStoreTest {

    @TempDir
    Path dir;

    private static Condition driedRolled(DefectStore store, String roll) {
        return new GenealogyQueries(store, null, "none").genealogy(roll).orElseThrow().conditions().stream()
                .filter(c -> c.id().equals("dried-rolled")).findFirst().orElseThrow();
    }

    @Test
    void thickness_readings_decide_the_dried_and_rolled_condition() throws Exception {
        Instant t = Instant.parse("2026-11-30T05:00:00Z");
        try (DefectStore store = DefectStore.open(StoreSettings.embedded(dir))) {
            store.openRoll(StoreFixtures.roll("roll-ok", "lot-1", t));
            store.openRoll(StoreFixtures.roll("roll-dried-only", "lot-1", t.plusSeconds(60)));
            store.openRoll(StoreFixtures.roll("roll-none", "lot-1", t.plusSeconds(120)));
            for (int i = 0; i < 5; i++) {
                store.saveThicknessReading(new ThicknessReading("roll-ok", i * 1000.0, Stage.DRIED, t, "gauge-1", 95 + i));
                store.saveThicknessReading(new ThicknessReading("roll-ok", i * 1000.0, Stage.ROLLED, t, "gauge-2", 70 + i));
                store.saveThicknessReading(new ThicknessReading("roll-dried-only", i * 1000.0, Stage.DRIED, t, "gauge-1", 95));
            }
            assertThat(store.flush(Duration.ofSeconds(30))).isTrue();

            Genealogy g = new GenealogyQueries(store, null, "none").genealogy("roll-ok").orElseThrow();
            assertThat(g.thickness()).hasSize(10);
            assertThat(driedRolled(store, "roll-ok").status()).isEqualTo(Genealogy.Status.PASS);
            assertThat(driedRolled(store, "roll-ok").evidence()).contains("mean 97.0 µm").contains("mean 72.0 µm");
            assertThat(driedRolled(store, "roll-dried-only").status()).isEqualTo(Genealogy.Status.FAIL);
            assertThat(driedRolled(store, "roll-dried-only").evidence()).contains("no reading after the calender");
            assertThat(driedRolled(store, "roll-none").status()).isEqualTo(Genealogy.Status.NO_DATA);
            assertThat(g.conditions()).filteredOn(c -> c.id().equals("sinter-temperature"))
                    .singleElement().extracting(Condition::status).isEqualTo(Genealogy.Status.NO_DATA);
        }
    }

    @Test
    void a_bad_thickness_reading_is_refused_naming_the_value() {
        Instant t = Instant.parse("2026-11-30T05:00:00Z");
        assertThatThrownBy(() -> new ThicknessReading("r", 10, Stage.DRIED, t, "g", -3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-3");
        assertThatThrownBy(() -> new ThicknessReading("r", Double.NaN, Stage.DRIED, t, "g", 80))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }
}
