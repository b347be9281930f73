package org.sinterscope.camera.gige;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.FrameSource;
import org.sinterscope.camera.LineEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GigE Vision camera as a {@link FrameSource}, through Aravis. {@link #next()} blocks until a
 * complete buffer arrives; its pixels are copied into a Mat in one native copy and the buffer is
 * pushed back to the stream at once.
 *
 * <p>Loss: a buffer whose status is not SUCCESS, a gap in frame ids, a timeout, or the camera
 * gone are counted ({@link #stats()}) and reported to the {@link LossListener} with the web
 * stretch they cover, so the station can mark it uninspected. When the camera stops answering
 * (no frame for {@code timeoutMs} and a control read fails) the source raises the alarm,
 * reconnects with a doubling back-off and resumes; {@code next()} keeps blocking meanwhile.
 * Frame sequence numbers stay increasing across reconnects: after one, the sequence continues
 * from the last one plus the frames the outage is estimated to have cost (elapsed × frame rate,
 * when a frame rate is set), and that range is reported lost.
 */
public final class GigeCamera implements FrameSource {

    private static final Logger LOG = LoggerFactory.getLogger(GigeCamera.class);

    /** Told about every lost stretch and about the camera going and coming back. */
    public interface LossListener {
        /** Frames {@code [fromSequence, toSequence)} are lost; their web stretch {@code [y0Mm, y1Mm)} was not seen. */
        void lost(String cameraId, long fromSequence, long toSequence, double y0Mm, double y1Mm, String reason);

        /** The camera stopped answering (alarm) or came back ({@code connected}). */
        default void connection(String cameraId, boolean connected, String detail) {
        }
    }

    /** Counters since the source was opened; stream counters summed over connections. */
    public record Stats(long delivered, long completed, long failed, long underrun, long resentPackets, long missingPackets,
                        long timeouts, long framesLost, long reconnects, boolean connected) {
    }

    /** What the last delivered frame carried besides the {@link Frame}: ids and both clocks. */
    public record FrameMeta(long frameId, long sequence, long deviceTimestampNs, long hostTimestampNs, long firstLine, double yStartMm) {
    }

    private final GigeSettings settings;
    private final LineEncoder encoder;
    private final LossListener listener;
    private final AravisNative n;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong framesLost = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile long[] streamTotals = new long[5];
    private volatile long[] streamNow = new long[5];
    private volatile boolean closed;
    private volatile boolean stopped;
    private volatile boolean connected;
    private Pointer camera;
    private Pointer stream;
    private long payload;
    private long lastFrameId = -1;
    private long sequenceBase;
    private long nextSequence;
    private long lastFrameAtNanos;
    private int lastHeightPx;
    private FrameMeta lastMeta;

    /**
     * Opens the camera and starts acquisition.
     *
     * @param encoder  the station's encoder (counter source {@code encoder}); may be null otherwise
     * @param listener told about losses; may be null
     * @throws GigeException when the library is missing or the camera cannot be opened or set up
     */
    public GigeCamera(GigeSettings settings, LineEncoder encoder, LossListener listener) {
        this.settings = settings;
        this.encoder = encoder;
        this.listener = listener != null ? listener : (id, a, b, y0, y1, r) -> { };
        if ("encoder".equals(settings.counterSource()) && encoder == null) {
            throw new IllegalArgumentException("camera " + settings.cameraId() + ": counter-source encoder needs the station's encoder");
        }
        this.n = AravisNative.get();
        connectAtStart();
    }

    /** Connects; a device that does not answer in time (still booting, a loaded host) gets two more tries. */
    private void connectAtStart() {
        long backoff = settings.reconnectMinMs();
        for (int attempt = 1; ; attempt++) {
            try {
                connect();
                return;
            } catch (GigeException e) {
                if (!e.timeout() || attempt == 3) {
                    throw e;
                }
                LOG.warn("camera {}: {} (try {} of 3), again in {} ms", settings.cameraId(), e.getMessage(), attempt, backoff);
                synchronized (this) {
                    try {
                        wait(backoff);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
                backoff = Math.min(settings.reconnectMaxMs(), backoff * 2);
            }
        }
    }

    private synchronized void connect() {
        PointerByReference err = new PointerByReference();
        String id = GigeDevices.resolve(settings.device());
        Pointer cam = n.arv.arv_camera_new(id, err);
        n.check(err, "camera " + settings.cameraId() + ": cannot open device '" + settings.device() + "'");
        try {
            GigeSetup.configure(n, settings, cam, err);
            long size = n.arv.arv_camera_get_payload(cam, err) & 0xffffffffL;
            n.check(err, "PayloadSize");
            Pointer s = n.arv.arv_camera_create_stream(cam, null, null, err);
            n.check(err, "camera " + settings.cameraId() + ": cannot create the stream");
            for (int i = 0; i < settings.buffers(); i++) {
                n.arv.arv_stream_push_buffer(s, n.arv.arv_buffer_new(size, null));
            }
            n.arv.arv_camera_start_acquisition(cam, err);
            n.check(err, "camera " + settings.cameraId() + ": cannot start acquisition");
            camera = cam;
            stream = s;
            payload = size;
            connected = true;
            lastFrameId = -1;
            lastFrameAtNanos = System.nanoTime();
            LOG.info("camera {}: {} streaming, payload {} bytes, {} buffers", settings.cameraId(), id, size, settings.buffers());
        } catch (RuntimeException e) {
            n.unref(cam);
            throw e;
        }
    }


    @Override
    public boolean hasNext() {
        return !closed && !stopped;
    }

    /** Stops taking frames: {@link #hasNext()} turns false and a waiting {@link #next()} ends within one timeout. */
    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public synchronized Frame next() {
        while (!closed && !stopped) {
            if (!connected) {
                reconnect();
                continue;
            }
            Pointer buf = n.arv.arv_stream_timeout_pop_buffer(stream, settings.timeoutMs() * 1000L);
            streamNow = streamCounters(stream);
            if (buf == null) {
                timeouts.incrementAndGet();
                if (!alive()) {
                    drop("camera stopped answering: no frame for " + settings.timeoutMs() + " ms and the control channel fails");
                }
                continue;
            }
            try {
                int status = n.arv.arv_buffer_get_status(buf);
                long frameId = n.arv.arv_buffer_get_frame_id(buf);
                if (status != 0) {
                    LOG.warn("camera {}: buffer of frame {} {}", settings.cameraId(), frameId, AravisNative.statusName(status));
                    continue; // counted by the stream's failure counter; the id gap reports it lost
                }
                Frame f = toFrame(buf, frameId);
                if (f != null) {
                    return f;
                }
            } finally {
                n.arv.arv_stream_push_buffer(stream, buf);
            }
        }
        throw new NoSuchElementException("camera " + settings.cameraId() + " closed");
    }

    private Frame toFrame(Pointer buf, long frameId) {
        if (lastFrameId >= 0 && frameId <= lastFrameId) {
            // the camera restarted its counter without us noticing the outage: continue after the last sequence
            sequenceBase = nextSequence - frameId;
        } else if (lastFrameId < 0) {
            sequenceBase = nextSequence - frameId;
        } else if (frameId > lastFrameId + 1) {
            reportLost(nextSequence, sequenceBase + frameId, "frame ids " + (lastFrameId + 1) + ".." + (frameId - 1) + " missing");
        }
        long sequence = sequenceBase + frameId;
        lastFrameId = frameId;
        nextSequence = sequence + 1;
        lastFrameAtNanos = System.nanoTime();
        int w = n.arv.arv_buffer_get_image_width(buf);
        int h = n.arv.arv_buffer_get_image_height(buf);
        lastHeightPx = h;
        int bytesPerPx = settings.sixteenBit() ? 2 : 1;
        LongByReference size = new LongByReference();
        Pointer data = n.arv.arv_buffer_get_data(buf, size);
        if (w <= 0 || h <= 0 || data == null || size.getValue() < (long) w * h * bytesPerPx) {
            LOG.warn("camera {}: frame {} has {} bytes for {}x{} px of {} byte(s): dropped", settings.cameraId(), frameId, size.getValue(),
                    w, h, bytesPerPx);
            reportLost(sequence, sequence + 1, "frame size mismatch");
            return null;
        }
        ByteBuffer bytes = data.getByteBuffer(0, (long) w * h * bytesPerPx);
        Mat view = new Mat(h, w, bytesPerPx == 2 ? CvType.CV_16UC1 : CvType.CV_8UC1, bytes);
        Mat image = view.clone();
        view.release();
        long hostNs = n.arv.arv_buffer_get_system_timestamp(buf);
        long firstLine = sequence * h;
        double y = yStart(firstLine, h);
        long deviceNs = n.arv.arv_buffer_get_timestamp(buf);
        lastMeta = new FrameMeta(frameId, sequence, deviceNs, hostNs, firstLine, y);
        delivered.incrementAndGet();
        return new Frame(settings.cameraId(), sequence, Instant.ofEpochSecond(0, hostNs), y, settings.xOriginMm(), settings.pitch(), image,
                deviceNs);
    }

    private double yStart(long firstLine, int lines) {
        if ("encoder".equals(settings.counterSource())) {
            return Math.max(0, encoder.positionMm() - lines * settings.mmPerLine());
        }
        return firstLine * settings.mmPerLine();
    }

    private void reportLost(long from, long to, String reason) {
        if (to <= from) {
            return;
        }
        framesLost.addAndGet(to - from);
        int h = settings.heightPx() > 0 ? settings.heightPx() : Math.max(1, lastHeightPx);
        double y0 = from * h * settings.mmPerLine();
        double y1 = to * h * settings.mmPerLine();
        LOG.warn("camera {}: frames {}..{} lost ({}), web {}..{} mm uninspected", settings.cameraId(), from, to - 1, reason, y0, y1);
        listener.lost(settings.cameraId(), from, to, y0, y1, reason);
    }

    /** True when the camera still answers a control read. */
    private boolean alive() {
        PointerByReference err = new PointerByReference();
        n.arv.arv_camera_get_payload(camera, err);
        if (err.getValue() == null) {
            return true;
        }
        try {
            n.check(err, "PayloadSize");
        } catch (GigeException e) {
            LOG.warn("camera {}: control read failed: {}", settings.cameraId(), e.getMessage());
        }
        return false;
    }

    /** Closes the stream and camera after a loss of connection; the next call reconnects. */
    private void drop(String why) {
        LOG.error("ALARM camera {}: {}; reconnecting", settings.cameraId(), why);
        connected = false;
        release();
        listener.connection(settings.cameraId(), false, why);
    }

    private void reconnect() {
        long backoff = settings.reconnectMinMs();
        long lostSince = lastFrameAtNanos;
        while (!closed && !stopped) {
            try {
                connect();
                reconnects.incrementAndGet();
                if (!Double.isNaN(settings.frameRateHz())) {
                    long missed = Math.round((System.nanoTime() - lostSince) / 1e9 * settings.frameRateHz());
                    reportLost(nextSequence, nextSequence + missed, "camera disconnected");
                    nextSequence += missed;
                }
                listener.connection(settings.cameraId(), true, "reconnected");
                LOG.info("camera {}: reconnected, acquisition resumed", settings.cameraId());
                return;
            } catch (GigeException e) {
                LOG.warn("camera {}: reconnect failed ({}), next try in {} ms", settings.cameraId(), e.getMessage(), backoff);
                try {
                    wait(backoff); // released by close()
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
                backoff = Math.min(settings.reconnectMaxMs(), backoff * 2);
            }
        }
    }

    /** Counters now (stream counters as of the last frame wait); does not block. */
    public Stats stats() {
        long[] t = streamTotals.clone();
        long[] now = streamNow;
        for (int i = 0; i < t.length; i++) {
            t[i] += now[i];
        }
        return new Stats(delivered.get(), t[0], t[1], t[2], t[3], t[4], timeouts.get(), framesLost.get(), reconnects.get(), connected);
    }

    /** The last delivered frame's ids and timestamps, or null before the first. */
    public synchronized FrameMeta lastMeta() {
        return lastMeta;
    }

    public GigeSettings settings() {
        return settings;
    }

    private long[] streamCounters(Pointer s) {
        LongByReference completed = new LongByReference();
        LongByReference failed = new LongByReference();
        LongByReference underrun = new LongByReference();
        LongByReference resent = new LongByReference();
        LongByReference missing = new LongByReference();
        n.arv.arv_stream_get_statistics(s, completed, failed, underrun);
        n.arv.arv_gv_stream_get_statistics(s, resent, missing);
        return new long[] {completed.getValue(), failed.getValue(), underrun.getValue(), resent.getValue(), missing.getValue()};
    }

    private void release() {
        if (stream != null) {
            long[] now = streamCounters(stream);
            long[] t = streamTotals.clone();
            for (int i = 0; i < now.length; i++) {
                t[i] += now[i];
            }
            streamTotals = t;
            streamNow = new long[5];
        }
        if (camera != null && connected) {
            PointerByReference err = new PointerByReference();
            n.arv.arv_camera_stop_acquisition(camera, err);
            if (err.getValue() != null) {
                n.glib.g_error_free(err.getValue());
            }
        }
        n.unref(stream);
        n.unref(camera);
        stream = null;
        camera = null;
        payload = 0;
    }

    @Override
    public String describe() {
        return "GigE Vision camera " + settings.device() + " (" + settings.pixelFormat() + ")";
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            notifyAll();
            boolean was = connected;
            release();
            connected = false;
            if (was) {
                LOG.info("camera {}: closed, {}", settings.cameraId(), stats());
            }
        }
    }
}
