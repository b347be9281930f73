package org.sinterscope.review.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sinterscope.camera.DefectClass;

/** What every database behind the store must do; subclasses give the database. */
abstract class StoreContract {

    /** A fresh, empty store. */
    abstract DefectStore open();

    @Test
    void segments_defects_crops_and_labels_round_trip() throws Exception {
        try (DefectStore store = open()) {
            store.openRoll(StoreFixtures.roll("roll-rt", "lot-1", Instant.parse("2026-03-01T08:00:00Z")));
            int defects = StoreFixtures.fill(store, 12, 42);
            StoreFixtures.foil(store, 3);
            assertThat(store.flush(Duration.ofSeconds(30))).isTrue();

            Views.Roll roll = store.queries().roll("roll-rt").orElseThrow();
            assertThat(roll.segments()).isEqualTo(12);
            assertThat(roll.defects()).isEqualTo(defects).isPositive();
            assertThat(roll.lengthMm()).isCloseTo(12 * 102.4, org.assertj.core.data.Offset.offset(1e-6));
            List<Views.Defect> all = store.queries().defects(DefectFilter.ofRoll("roll-rt"));
            assertThat(all).hasSize(defects).allMatch(Views.Defect::hasCrop);
            Views.Defect d = all.get(0);
            Path crop = store.settings().imageDir().resolve(store.queries().cropPath(d.id(), false).orElseThrow());
            assertThat(Files.readAllBytes(crop)).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            assertThat(store.queries().cropPath(d.id(), true)).isPresent();
            assertThat(d.measurements()).containsKey("diameterMm");
            assertThat(d.modelVersion()).isEqualTo(store.settings().modelVersion());

            DefectClass other = DefectClass.fromLabel(d.defectClass()) == DefectClass.SCRATCH ? DefectClass.CRACK : DefectClass.SCRATCH;
            Views.Defect relabelled = store.queries().relabel(d.id(), other, "qe-anna", Instant.now()).orElseThrow();
            assertThat(relabelled.label()).isEqualTo(other.label());
            assertThat(relabelled.labelledBy()).isEqualTo("qe-anna");
            assertThat(store.queries().history(d.id())).singleElement()
                    .satisfies(e -> assertThat(e.previous()).isEqualTo(d.defectClass()));
            assertThat(store.queries().defects(new DefectFilter("roll-rt", other.label(), null, null, null, null, true, 10, 0)))
                    .extracting(Views.Defect::id).contains(d.id());

            Views.Report rep = new Analytics(store.queries()).report("roll-rt").orElseThrow();
            assertThat(rep.byClass().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(defects);
            assertThat(rep.yieldPercent()).isBetween(0.0, 100.0);
            Views.SpcChart foil = new Analytics(store.queries()).foilRa(null, 8);
            assertThat(foil.points()).hasSize(24);
            assertThat(foil.points().get(23).out()).isTrue();
            Views.SpcChart cracks = new Analytics(store.queries()).crackDensity("roll-rt", 8);
            assertThat(cracks.points()).hasSize(12);
            assertThat(cracks.points().get(11).out()).isTrue();
        }
    }
}
