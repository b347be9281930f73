package org.sinterscope.review.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.inspection.SegmentVerdict;

/** The store on its default database: an H2 file in a temporary folder. */
class H2StoreTest extends StoreContract {

    @TempDir
    Path dir;

    @Override
    DefectStore open() {
        return DefectStore.open(StoreSettings.embedded(dir));
    }

    @Test
    void reopening_keeps_the_data_and_does_not_migrate_again() throws Exception {
        try (DefectStore store = open()) {
            store.openRoll(StoreFixtures.roll("roll-a", "lot-1", Instant.now()));
            StoreFixtures.fill(store, 3, 1);
            assertThat(store.flush(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(dir.resolve("sinterscope.mv.db")).exists();
        try (DefectStore again = open()) {
            assertThat(again.queries().roll("roll-a").orElseThrow().segments()).isEqualTo(3);
        }
    }

    @Test
    void a_slow_database_fills_the_buffer_raises_an_alarm_and_loses_nothing() throws Exception {
        StoreSettings s = StoreSettings.embedded(dir);
        Database db = Database.open(s);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch alarmed = new CountDownLatch(1);
        List<String> alarms = new ArrayList<>();
        StoreWriter.Connections slow = () -> {
            try {
                gate.await(); // the database "hangs" until the test lets it go
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return db.connect();
        };
        try (StoreWriter w = new StoreWriter(slow, new SqlWrites(s.imageDir(), "test"), 3, 2, msg -> {
            synchronized (alarms) {
                alarms.add(msg);
            }
            alarmed.countDown();
        })) {
            w.offer(new StoreJob.Roll(StoreFixtures.roll("roll-slow", "lot", Instant.now())));
            Thread producer = new Thread(() -> {
                for (int i = 0; i < 20; i++) {
                    w.offer(new StoreJob.Segment("roll-slow", null,
                            new SegmentVerdict("cam", i, i * 10, i * 10 + 10, List.of(), List.of(), List.of())));
                }
            });
            producer.start();
            assertThat(alarmed.await(20, TimeUnit.SECONDS)).as("alarm when the buffer is full").isTrue();
            assertThat(producer.isAlive()).as("the producer waits instead of dropping").isTrue();
            assertThat(w.status().bufferFullCount()).isPositive();
            gate.countDown();
            producer.join(30_000);
            assertThat(w.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(w.status().written()).isEqualTo(21);
        }
        assertThat(alarms.get(0)).contains("buffer full").contains("nothing is dropped");
        try (DefectStore store = DefectStore.open(s)) {
            assertThat(store.queries().roll("roll-slow").orElseThrow().segments()).isEqualTo(20);
        }
    }

    @Test
    void a_failing_database_is_a_write_problem_until_a_batch_is_written_again() throws Exception {
        StoreSettings s = StoreSettings.embedded(dir);
        Database db = Database.open(s);
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
        CountDownLatch failedTwice = new CountDownLatch(2);
        StoreWriter.Connections flaky = () -> {
            if (down.get()) {
                failedTwice.countDown();
                throw new java.sql.SQLException("connection refused (test)", "08001");
            }
            return db.connect();
        };
        try (StoreWriter w = new StoreWriter(flaky, new SqlWrites(s.imageDir(), "test"), 8, 4, msg -> { })) {
            assertThat(w.problem()).as("nothing tried yet").isNull();
            w.offer(new StoreJob.Roll(StoreFixtures.roll("roll-down", "lot", Instant.now())));
            assertThat(failedTwice.await(20, TimeUnit.SECONDS)).as("the writer retried the failing batch").isTrue();
            assertThat(w.problem()).as("while the database refuses connections").contains("database writes failing")
                    .contains("connection refused (test)");
            down.set(false);
            assertThat(w.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(w.problem()).as("once a batch is written again").isNull();
        }
        try (DefectStore store = DefectStore.open(s)) {
            assertThat(store.writeProblem()).isNull();
            assertThat(store.queries().roll("roll-down")).isPresent();
            store.close();
            assertThat(store.writeProblem()).isEqualTo("defect store closed");
        }
    }

    @Test
    void a_record_the_database_refuses_is_alarmed_and_the_rest_is_written() throws Exception {
        try (DefectStore store = open()) {
            List<String> alarms = new ArrayList<>();
            store.onAlarm(alarms::add);
            store.openRoll(StoreFixtures.roll("roll-dup", "lot", Instant.now()));
            SegmentVerdict v = new SegmentVerdict("cam", 7, 0, 10, List.of(), List.of(), List.of());
            store.saveSegment(null, v);
            store.saveSegment(null, v); // the same frame twice: the second breaks the unique key
            store.saveSegment(null, new SegmentVerdict("cam", 8, 10, 20, List.of(), List.of(), List.of()));
            assertThat(store.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(store.status().refused()).isEqualTo(1);
            assertThat(alarms).singleElement().asString().contains("refused");
            assertThat(store.queries().roll("roll-dup").orElseThrow().segments()).isEqualTo(2);
        }
    }

    @Test
    void retention_deletes_old_rolls_with_their_crops_and_keeps_new_ones() throws Exception {
        try (DefectStore store = open()) {
            store.openRoll(StoreFixtures.roll("roll-old", "lot", Instant.now().minus(Duration.ofDays(100))));
            StoreFixtures.fill(store, 4, 5);
            store.openRoll(StoreFixtures.roll("roll-new", "lot", Instant.now()));
            StoreFixtures.fill(store, 4, 6);
            assertThat(store.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(store.settings().imageDir().resolve("roll-old")).isDirectory();
            store.retention().setDays(90);

            assertThat(store.retention().purge(Instant.now(), store.settings().imageDir())).isEqualTo(1);

            assertThat(store.queries().roll("roll-old")).isEmpty();
            assertThat(store.queries().roll("roll-new")).isPresent();
            assertThat(store.settings().imageDir().resolve("roll-old")).doesNotExist();
            assertThat(store.settings().imageDir().resolve("roll-new")).isDirectory();
        }
    }

    @Test
    void labelled_export_has_a_folder_per_class_of_reviewed_crops_only() throws Exception {
        try (DefectStore store = open()) {
            store.openRoll(StoreFixtures.roll("roll-x", "lot", Instant.now()));
            StoreFixtures.fill(store, 10, 9);
            assertThat(store.flush(Duration.ofSeconds(30))).isTrue();
            List<Views.Defect> all = store.queries().defects(DefectFilter.ofRoll("roll-x"));
            assertThat(all.size()).isGreaterThanOrEqualTo(3);
            store.queries().relabel(all.get(0).id(), DefectClass.CRACK, "qe", Instant.now());
            store.queries().relabel(all.get(1).id(), DefectClass.fromLabel(all.get(1).defectClass()), "qe", Instant.now());
            LabelledExport export = new LabelledExport(store.queries(), store.settings().imageDir());

            Path out = dir.resolve("export");
            assertThat(export.writeTo(out)).isEqualTo(2);
            assertThat(out.resolve("crack").resolve("roll-x_" + all.get(0).id() + ".png")).isRegularFile();
            assertThat(out.resolve(all.get(1).defectClass()).resolve("roll-x_" + all.get(1).id() + ".png")).isRegularFile();
            try (var files = Files.walk(out)) {
                assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(2);
            }
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            assertThat(export.zipTo(zip)).isEqualTo(2);
            List<String> names = new ArrayList<>();
            try (ZipInputStream z = new ZipInputStream(new java.io.ByteArrayInputStream(zip.toByteArray()))) {
                for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                    names.add(e.getName());
                }
            }
            assertThat(names).contains("crack/roll-x_" + all.get(0).id() + ".png");
        }
    }

    @Test
    void control_limits_come_from_the_reference_points() {
        List<Views.SpcPoint> pts = new ArrayList<>();
        double[] v = {1, 2, 3, 4, 5, 100};
        for (int i = 0; i < v.length; i++) {
            pts.add(new Views.SpcPoint(i, v[i], "g", Instant.EPOCH, false));
        }
        Views.SpcChart c = Analytics.chart("m", "u", pts, 5);
        // mean 3, sample sd sqrt(2.5): limits 3 ± 3·1.5811
        assertThat(c.mean()).isEqualTo(3.0);
        assertThat(c.sigma()).isCloseTo(Math.sqrt(2.5), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(c.points()).extracting(Views.SpcPoint::out).containsExactly(false, false, false, false, false, true);
        assertThat(c.outOfControl()).isEqualTo(1);
    }
}
