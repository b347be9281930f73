package org.sinterscope.camera.gige;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.sinterscope.camera.PixelPitch;

/**
 * How to open and run one GigE Vision camera. Keys (under {@code sinterscope.camera.<id>.}, see
 * {@link #fromKeys}): device, pixel-format, width, height, offset-x, offset-y, exposure-us,
 * frame-rate-hz, trigger, packet-size, packet-delay-ns, buffers, timeout-ms, mm-per-line,
 * counter-source, reconnect-min-ms, reconnect-max-ms and {@code feature.<Name>}.
 *
 * <p>Web position of a frame's first line: {@code yStartMm = firstLine × mmPerLine} where
 * {@code firstLine = sequence × heightPx} (counter source {@code frame-id}: the camera is
 * line-triggered by the encoder, one line per trigger) or the station encoder's reading when the
 * frame arrives minus the frame's length (counter source {@code encoder}).
 *
 * @param cameraId       camera id frames carry
 * @param device         device id, serial number or IP address
 * @param pixelFormat    Mono8 (8-bit frames), Mono10/Mono12/Mono16 (16-bit frames)
 * @param widthPx        pixels across the web (0: keep the camera's)
 * @param heightPx       lines per frame (0: keep the camera's)
 * @param offsetXPx      first column on the sensor
 * @param offsetYPx      first row on the sensor (area cameras)
 * @param exposureUs     exposure, µs (NaN: keep)
 * @param frameRateHz    free-running frame rate, Hz (NaN: keep); a line camera's line rate goes in feature.AcquisitionLineRate
 * @param trigger        none (free running) or the trigger source, e.g. Line0 (encoder) or Software
 * @param packetSize     GigE packet size, bytes (0: keep; 9000-byte jumbo frames need 8000+)
 * @param packetDelayNs  inter-packet delay, ns (-1: keep)
 * @param buffers        stream buffers queued
 * @param timeoutMs      one frame's wait before it counts as a timeout
 * @param mmPerLine      web length per line, mm
 * @param pitch          pixel pitch (x from the optics, y = mm per line)
 * @param xOriginMm      web x of column 0, mm
 * @param counterSource  frame-id or encoder
 * @param reconnectMinMs first reconnect back-off, ms (doubles up to reconnectMaxMs)
 * @param reconnectMaxMs longest reconnect back-off, ms
 * @param features       further GenICam features applied at connect, in order
 */
public record GigeSettings(String cameraId, String device, String pixelFormat, int widthPx, int heightPx, int offsetXPx,
                           int offsetYPx, double exposureUs, double frameRateHz, String trigger, int packetSize, long packetDelayNs,
                           int buffers, long timeoutMs, double mmPerLine, PixelPitch pitch, double xOriginMm, String counterSource,
                           long reconnectMinMs, long reconnectMaxMs, Map<String, String> features) {

    /** Keys understood besides {@code feature.<Name>}. */
    public static final Set<String> KEYS = Set.of("device", "pixel-format", "width", "height", "offset-x", "offset-y", "exposure-us",
            "frame-rate-hz", "trigger", "packet-size", "packet-delay-ns", "buffers", "timeout-ms", "mm-per-line", "counter-source",
            "reconnect-min-ms", "reconnect-max-ms");

    public GigeSettings {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(pixelFormat, "pixelFormat");
        Objects.requireNonNull(pitch, "pitch");
        features = Map.copyOf(new LinkedHashMap<>(features));
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException("camera " + cameraId + ": device (id, serial or IP) is required");
        }
        if (!Set.of("Mono8", "Mono10", "Mono12", "Mono16").contains(pixelFormat)) {
            throw new IllegalArgumentException("camera " + cameraId + ": pixel-format must be Mono8, Mono10, Mono12 or Mono16, got '"
                    + pixelFormat + "'");
        }
        if (widthPx < 0 || heightPx < 0 || offsetXPx < 0 || offsetYPx < 0 || widthPx > 65_536 || heightPx > 65_536) {
            throw new IllegalArgumentException("camera " + cameraId + ": width " + widthPx + ", height " + heightPx + ", offsets "
                    + offsetXPx + "/" + offsetYPx + " must be in 0..65536");
        }
        if (buffers < 2 || buffers > 1024 || timeoutMs < 1 || packetSize < 0 || reconnectMinMs < 1 || reconnectMaxMs < reconnectMinMs) {
            throw new IllegalArgumentException("camera " + cameraId + ": buffers " + buffers + " (2..1024), timeout " + timeoutMs
                    + " ms (>= 1), packet size " + packetSize + " (>= 0), reconnect " + reconnectMinMs + ".." + reconnectMaxMs + " ms");
        }
        if (!(mmPerLine > 0) || !Double.isFinite(mmPerLine) || !Double.isFinite(xOriginMm)) {
            throw new IllegalArgumentException("camera " + cameraId + ": mm-per-line " + mmPerLine + " must be > 0, x0 " + xOriginMm + " finite");
        }
        if (!Set.of("frame-id", "encoder").contains(counterSource)) {
            throw new IllegalArgumentException("camera " + cameraId + ": counter-source must be frame-id or encoder, got '" + counterSource + "'");
        }
    }

    /** 16-bit frames (every format but Mono8). */
    public boolean sixteenBit() {
        return !"Mono8".equals(pixelFormat);
    }

    /**
     * Settings from the keys under one camera's prefix (prefix removed), e.g. {@code device},
     * {@code feature.ExposureAuto}. Unknown keys are refused with their name.
     *
     * @param umPerPx pixel pitch across the web, µm (the y pitch is mm-per-line, default the same)
     */
    public static GigeSettings fromKeys(String cameraId, Map<String, String> keys, double umPerPx, double xOriginMm) {
        Set<String> unknown = new TreeSet<>();
        Map<String, String> features = new LinkedHashMap<>();
        keys.forEach((k, v) -> {
            if (k.startsWith("feature.") && k.length() > "feature.".length()) {
                features.put(k.substring("feature.".length()), v.trim());
            } else if (!KEYS.contains(k)) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("camera " + cameraId + ": unknown gige setting(s) " + unknown + "; known: "
                    + new TreeSet<>(KEYS) + " and feature.<GenICam name>");
        }
        Parser p = new Parser(cameraId, keys);
        double mmPerLine = p.number("mm-per-line", umPerPx / 1000.0);
        return new GigeSettings(cameraId, keys.get("device"), p.text("pixel-format", "Mono8"), (int) p.integer("width", 0),
                (int) p.integer("height", 0), (int) p.integer("offset-x", 0), (int) p.integer("offset-y", 0),
                p.number("exposure-us", Double.NaN), p.number("frame-rate-hz", Double.NaN), p.text("trigger", "none"),
                (int) p.integer("packet-size", 0), p.integer("packet-delay-ns", -1), (int) p.integer("buffers", 16),
                p.integer("timeout-ms", 2000), mmPerLine, new PixelPitch(umPerPx, mmPerLine * 1000.0), xOriginMm,
                p.text("counter-source", "frame-id"), p.integer("reconnect-min-ms", 250), p.integer("reconnect-max-ms", 5000), features);
    }

    private record Parser(String id, Map<String, String> keys) {
        String text(String k, String dflt) {
            String v = keys.get(k);
            return v == null || v.isBlank() ? dflt : v.trim();
        }

        long integer(String k, long dflt) {
            String v = text(k, null);
            try {
                return v == null ? dflt : Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("camera " + id + ": setting '" + k + "' must be an integer, got '" + v + "'", e);
            }
        }

        double number(String k, double dflt) {
            String v = text(k, null);
            try {
                return v == null ? dflt : Double.parseDouble(v.toLowerCase(Locale.ROOT));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("camera " + id + ": setting '" + k + "' must be a number, got '" + v + "'", e);
            }
        }
    }
}
