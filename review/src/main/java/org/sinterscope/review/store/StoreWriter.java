package org.sinterscope.review.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's write path, off the line: a bounded buffer and one writer thread that drains it in
 * batches, one transaction per batch.
 *
 * <p>Nothing offered is dropped. When the database is slow or down, a failed batch is retried
 * (back-off up to 5 s) while the buffer fills; when the buffer is full, {@link #offer} raises an
 * alarm (once per episode), counts it, and then waits for room: the line slows down rather than
 * loses a record, and says so. A job the database refuses for its content (a constraint
 * violation: SQLState class 23, or a bad value: class 22) is written alone, and if it is
 * refused again it is counted as refused and alarmed, so one bad record cannot stop the store.
 */
final class StoreWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);
    private static final Object STOP = new Object();

    /** Where the writer gets its connections (the database; tests put a gate in front of it). */
    @FunctionalInterface
    interface Connections {
        Connection connect() throws SQLException;
    }

    private final Connections db;
    private final SqlWrites writes;
    private final BlockingQueue<Object> queue;
    private final int batchSize;
    private final Consumer<String> alarm;
    private final Thread thread;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong bufferFull = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private final Object progress = new Object();
    /** What is wrong with writing while batches fail (null once one is written again). */
    private volatile String problem;
    private volatile boolean closed;
    private long offered;
    private long done;
    private boolean fullEpisode;

    StoreWriter(Connections db, SqlWrites writes, int capacity, int batchSize, Consumer<String> alarm) {
        this.db = db;
        this.writes = writes;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.alarm = alarm;
        this.thread = new Thread(this::run, "store-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a job; blocks (after an alarm) only while the buffer is full. */
    void offer(StoreJob job) {
        synchronized (progress) {
            offered++;
        }
        if (queue.offer(job)) {
            return;
        }
        bufferFull.incrementAndGet();
        boolean first;
        synchronized (progress) {
            first = !fullEpisode;
            fullEpisode = true;
        }
        if (first) {
            alarm.accept("defect store buffer full (" + (queue.size() + queue.remainingCapacity())
                    + " jobs): the database is not keeping up, the line waits for it; nothing is dropped");
        }
        try {
            queue.put(job);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for room in the defect store buffer; the record "
                    + job.getClass().getSimpleName() + " was not stored", e);
        }
    }

    /** Waits until everything offered so far is written (or refused). */
    boolean flush(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            long target = offered;
            while (done < target) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progress.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /**
     * Null while records can be written; else what is wrong: the database has failed the latest
     * batch (and keeps being retried), or the writer is closed. A full buffer alone is not a problem
     * here (the line waits, nothing is lost, an alarm says so).
     */
    String problem() {
        if (closed) {
            return "defect store closed";
        }
        return problem;
    }

    StoreStatus status() {
        return new StoreStatus(queue.size(), queue.size() + queue.remainingCapacity(), written.get(), refused.get(),
                bufferFull.get(), failedBatches.get());
    }

    private void run() {
        List<Object> batch = new ArrayList<>(batchSize);
        long backoffMs = 100;
        while (true) {
            try {
                if (batch.isEmpty()) {
                    batch.add(queue.take());
                    queue.drainTo(batch, batchSize - 1);
                }
                boolean stop = batch.remove(STOP);
                if (!batch.isEmpty()) {
                    writeBatch(batch);
                    problem = null;
                    completed(batch.size());
                    batch.clear();
                }
                backoffMs = 100;
                if (stop) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                long failed = failedBatches.incrementAndGet();
                if (!(e instanceof SQLException s && contentProblem(s))) {
                    problem = "database writes failing (" + failed + " failed batch(es) so far, " + queue.size()
                            + " job(s) waiting, retried): " + e.getMessage();
                }
                LOG.warn("defect store write of {} job(s) failed, retrying in {} ms: {}", batch.size(), backoffMs, e.getMessage());
                if (e instanceof SQLException s && contentProblem(s)) {
                    writeOneByOne(batch);
                    completed(batch.size());
                    batch.clear();
                    continue;
                }
                try {
                    Thread.sleep(backoffMs); // back-off between retries of a failing database, not a test wait
                } catch (InterruptedException ie) {
                    return;
                }
                backoffMs = Math.min(5000, backoffMs * 2);
            }
        }
    }

    private void writeBatch(List<Object> batch) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                for (Object o : batch) {
                    ((StoreJob) o).write(c, writes);
                }
                c.commit();
                written.addAndGet(batch.size());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } catch (java.io.IOException e) {
                c.rollback();
                throw new SQLException("crop file could not be written: " + e.getMessage(), "58030", e);
            }
        }
    }

    private void writeOneByOne(List<Object> batch) {
        for (Object o : batch) {
            try {
                writeBatch(List.of(o));
            } catch (SQLException | RuntimeException e) {
                refused.incrementAndGet();
                String msg = "defect store refused a " + o.getClass().getSimpleName() + " record: " + e.getMessage();
                LOG.error(msg);
                alarm.accept(msg);
            }
        }
    }

    private static boolean contentProblem(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("23") || state.startsWith("22"));
    }

    private void completed(int n) {
        synchronized (progress) {
            done += n;
            if (fullEpisode && queue.size() < (queue.size() + queue.remainingCapacity()) / 2) {
                fullEpisode = false;
            }
            progress.notifyAll();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            queue.put(STOP);
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.error("defect store writer did not finish within 30 s; {} job(s) still queued", queue.size());
            thread.interrupt();
        }
    }
}
