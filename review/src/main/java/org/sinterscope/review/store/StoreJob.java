package org.sinterscope.review.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.SegmentVerdict;
import org.sinterscope.inspection.crack.CrackMeasurements;
import org.sinterscope.routes.reject.ActuatorEvent;
import org.sinterscope.routes.reject.RejectCommand;

/** One write waiting in the store's buffer. Immutable; holds no native memory. */
sealed interface StoreJob {

    /** Performs the write in {@code c} (inside the batch's transaction). */
    void write(Connection c, SqlWrites w) throws SQLException, IOException;

    record Roll(RollInfo roll) implements StoreJob {
        public void write(Connection c, SqlWrites w) throws SQLException {
            w.roll(c, roll);
        }
    }

    record Segment(String rollId, FrameInspection inspection, SegmentVerdict verdict) implements StoreJob {
        public Segment {
            Objects.requireNonNull(rollId, "rollId");
            Objects.requireNonNull(verdict, "verdict");
        }

        public void write(Connection c, SqlWrites w) throws SQLException {
            w.segment(c, rollId, inspection, verdict);
        }
    }

    /** Both PNGs of one defect, already encoded on the inspection path. */
    /** A defect's crop as cut on the line; the writer encodes its PNGs ({@link CropCutter#encode(CropCutter.Cut)}). */
    record Crops(String rollId, String cameraId, long sequence, int index, CropCutter.Cut cut) implements StoreJob {
        public void write(Connection c, SqlWrites w) throws IOException {
            w.crops(this);
        }
    }

    record Command(String rollId, RejectCommand command) implements StoreJob {
        public void write(Connection c, SqlWrites w) throws SQLException {
            w.command(c, rollId, command);
        }
    }

    record Outcome(ActuatorEvent event) implements StoreJob {
        public void write(Connection c, SqlWrites w) throws SQLException {
            w.outcome(c, event);
        }
    }

    record Foil(FoilReading reading) implements StoreJob {
        public void write(Connection c, SqlWrites w) throws SQLException {
            w.foil(c, reading);
        }
    }

    record Cracks(String rollId, String cameraId, long sequence, double y0Mm, double y1Mm, Instant at,
                  CrackMeasurements m) implements StoreJob {
        public void write(Connection c, SqlWrites w) throws SQLException {
            w.cracks(c, this);
        }
    }

    record Sinter(String rollId, org.sinterscope.routes.compliance.SinterHistory.Record stretch) implements StoreJob {
        public void write(Connection c, SqlWrites w) throws SQLException {
            w.sinter(c, rollId, stretch);
        }
    }

    record Xrd(XrdRecord record) implements StoreJob {
        public void write(Connection c, SqlWrites w) throws SQLException {
            w.xrd(c, record);
        }
    }

    record Thickness(ThicknessReading reading) implements StoreJob {
        public void write(Connection c, SqlWrites w) throws SQLException {
            w.thickness(c, reading);
        }
    }
}
