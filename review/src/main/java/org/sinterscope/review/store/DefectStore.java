package org.sinterscope.review.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.SegmentVerdict;
import org.sinterscope.inspection.crack.CrackMeasurements;
import org.sinterscope.routes.CropSink;
import org.sinterscope.routes.StationStore;
import org.sinterscope.routes.reject.ActuatorEvent;
import org.sinterscope.routes.reject.RejectCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The defect store: what the line found, decided and did, kept for review. Writes go through a
 * bounded buffer to one writer thread ({@link StoreWriter}), so the line never waits for the
 * database unless the buffer is full (and then it is told). Reads for the review app go
 * straight to the database ({@link #queries()}, {@link #users()}).
 *
 * <p>Other routes hand their records over with plain calls: {@link #saveFoilReading},
 * {@link #saveCrackMetrics}, {@link #saveActuatorEvent}. Thread-safe.
 */
public final class DefectStore implements StationStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DefectStore.class);

    private final Database db;
    private final StoreWriter writer;
    private final StoreQueries queries;
    private final UserStore users;
    private final AuditLog audit;
    private final Retention retention;
    private final ScheduledExecutorService housekeeping;
    private volatile Consumer<String> alarmSink = msg -> LOG.warn("store alarm: {}", msg);
    private volatile String currentRoll;

    private DefectStore(Database db) {
        this.db = db;
        StoreSettings s = db.settings();
        this.writer = new StoreWriter(db::connect, new SqlWrites(s.imageDir(), s.modelVersion()), s.queueCapacity(), s.batchSize(),
                msg -> alarmSink.accept(msg));
        this.queries = new StoreQueries(db);
        this.users = new UserStore(db);
        this.audit = new AuditLog(db);
        this.retention = new Retention(db, users, s.retentionDays());
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "store-retention");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(this::purgeQuietly, 1, 6 * 60, TimeUnit.MINUTES);
    }

    /** Opens (and migrates) the store's database and starts its writer. */
    public static DefectStore open(StoreSettings settings) {
        return new DefectStore(Database.open(settings));
    }

    /** Where alarms of the store go (the station's alarm endpoint); by default the log. */
    public void onAlarm(Consumer<String> sink) {
        this.alarmSink = Objects.requireNonNull(sink, "sink");
    }

    /** Starts filing what the line sends under {@code roll}. */
    public void openRoll(RollInfo roll) {
        writer.offer(new StoreJob.Roll(roll));
        currentRoll = roll.id();
    }

    /** The roll being inspected, or null before {@link #openRoll}. */
    public String currentRoll() {
        return currentRoll;
    }

    /** A sink for the inspection step that cuts each defect's crops (max 384 px a side). */
    public CropSink cropSink() {
        return new CropCutter(this, this::currentRoll, 384);
    }

    void offerCrops(StoreJob.Crops crops) {
        writer.offer(crops);
    }

    /** An inspected and decided segment, with its defects. Dropped (with a log line) before a roll is open. */
    public void saveSegment(FrameInspection inspection, SegmentVerdict verdict) {
        String roll = requireRoll("segment");
        if (roll != null) {
            writer.offer(new StoreJob.Segment(roll, inspection, verdict));
        }
    }

    /** A reject command as it was sent to the actuator. */
    public void saveCommand(RejectCommand command) {
        String roll = requireRoll("reject command");
        if (roll != null) {
            writer.offer(new StoreJob.Command(roll, command));
        }
    }

    /** What the actuator did with a command (RECEIVED, FIRED, LATE): becomes the command's outcome. */
    public void saveActuatorEvent(ActuatorEvent event) {
        writer.offer(new StoreJob.Outcome(event));
    }

    public void saveActuatorEvents(List<ActuatorEvent> events) {
        events.forEach(this::saveActuatorEvent);
    }

    /** A foil roughness reading (the foil route calls this). */
    public void saveFoilReading(FoilReading reading) {
        writer.offer(new StoreJob.Foil(reading));
    }

    /** An optional thickness gauge reading after the dryer or the calender, kept with the roll it names. */
    public void saveThicknessReading(ThicknessReading reading) {
        writer.offer(new StoreJob.Thickness(reading));
    }

    /** What one stretch of the current roll went through in the furnace (the furnace stage's sink). */
    public void saveSinterStretch(org.sinterscope.routes.compliance.SinterHistory.Record stretch) {
        String roll = requireRoll("furnace history");
        if (roll != null) {
            writer.offer(new StoreJob.Sinter(roll, stretch));
        }
    }

    /** A lab XRD amorphous check, kept with the roll it names. */
    public void saveXrdResult(XrdRecord record) {
        writer.offer(new StoreJob.Xrd(record));
    }

    /** Reads of the compliance records. */
    public ComplianceQueries compliance() {
        return new ComplianceQueries(queries);
    }

    /** Crack metrics of one frame of the current roll (the sintered-layer route calls this). */
    public void saveCrackMetrics(String cameraId, long sequence, double y0Mm, double y1Mm, Instant at, CrackMeasurements m) {
        String roll = requireRoll("crack metrics");
        if (roll != null) {
            writer.offer(new StoreJob.Cracks(roll, cameraId, sequence, y0Mm, y1Mm, at, m));
        }
    }

    private String requireRoll(String what) {
        String roll = currentRoll;
        if (roll == null) {
            LOG.warn("no roll is open in the defect store: a {} was not stored", what);
        }
        return roll;
    }

    /** Waits until everything handed over so far is in the database; false on timeout. */
    public boolean flush(Duration timeout) throws InterruptedException {
        return writer.flush(timeout);
    }

    public StoreStatus status() {
        return writer.status();
    }

    /** Null while records can be written; else what is wrong (failing database writes, store closed): the station is then not ready. */
    @Override
    public String writeProblem() {
        return writer.problem();
    }

    @Override
    public double bufferFill() {
        StoreStatus st = writer.status();
        return st.capacity() == 0 ? Double.NaN : (double) st.queued() / st.capacity();
    }

    public StoreQueries queries() {
        return queries;
    }

    public UserStore users() {
        return users;
    }

    /** The review app's audit log. */
    public AuditLog audit() {
        return audit;
    }

    public Retention retention() {
        return retention;
    }

    public StoreSettings settings() {
        return db.settings();
    }

    private void purgeQuietly() {
        try {
            retention.purge(Instant.now(), db.settings().imageDir());
        } catch (RuntimeException e) {
            LOG.warn("retention purge failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        writer.close();
        db.close();
    }
}
