package org.sinterscope.camera.gige;

import java.util.Map;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies {@link GigeSettings} to an opened camera and echoes the effective values in the log. */
final class GigeSetup {

    private static final Logger LOG = LoggerFactory.getLogger(GigeCamera.class);

    private GigeSetup() {
    }

    static void configure(AravisNative n, GigeSettings settings, Pointer cam, PointerByReference err) {
        String cid = settings.cameraId();
        n.arv.arv_camera_set_pixel_format_from_string(cam, settings.pixelFormat(), err);
        n.check(err, "camera " + cid + ": PixelFormat " + settings.pixelFormat());
        Pointer dev = n.arv.arv_camera_get_device(cam);
        if (settings.widthPx() > 0 || settings.heightPx() > 0) {
            int w = settings.widthPx() > 0 ? settings.widthPx() : Integer.parseInt(feature(n, dev, "Width"));
            int h = settings.heightPx() > 0 ? settings.heightPx() : Integer.parseInt(feature(n, dev, "Height"));
            n.arv.arv_camera_set_region(cam, settings.offsetXPx(), settings.offsetYPx(), w, h, err);
            n.check(err, "camera " + cid + ": region " + w + "x" + h + "+" + settings.offsetXPx() + "+" + settings.offsetYPx());
        }
        n.arv.arv_camera_set_acquisition_mode(cam, 0, err); // ARV_ACQUISITION_MODE_CONTINUOUS
        n.check(err, "camera " + cid + ": AcquisitionMode Continuous");
        if ("none".equalsIgnoreCase(settings.trigger())) {
            n.arv.arv_camera_clear_triggers(cam, err);
            n.check(err, "camera " + cid + ": trigger off");
        } else {
            n.arv.arv_camera_set_trigger(cam, settings.trigger(), err);
            n.check(err, "camera " + cid + ": TriggerSource " + settings.trigger());
        }
        if (!Double.isNaN(settings.frameRateHz())) {
            n.arv.arv_camera_set_frame_rate(cam, settings.frameRateHz(), err);
            n.check(err, "camera " + cid + ": frame rate " + settings.frameRateHz() + " Hz");
        }
        if (!Double.isNaN(settings.exposureUs())) {
            n.arv.arv_camera_set_exposure_time(cam, settings.exposureUs(), err);
            n.check(err, "camera " + cid + ": exposure " + settings.exposureUs() + " µs");
        }
        if (settings.packetSize() > 0) {
            n.arv.arv_camera_gv_set_packet_size(cam, settings.packetSize(), err);
            n.check(err, "camera " + cid + ": packet size " + settings.packetSize());
        }
        if (settings.packetDelayNs() >= 0) {
            n.arv.arv_camera_gv_set_packet_delay(cam, settings.packetDelayNs(), err);
            n.check(err, "camera " + cid + ": packet delay " + settings.packetDelayNs() + " ns");
        }
        for (Map.Entry<String, String> f : settings.features().entrySet()) {
            Pointer node = n.arv.arv_device_get_feature(dev, f.getKey());
            if (node == null) {
                throw new GigeException("camera " + cid + ": the device has no GenICam feature '" + f.getKey() + "'");
            }
            n.arv.arv_gc_feature_node_set_value_from_string(node, f.getValue(), err);
            n.check(err, "camera " + cid + ": feature " + f.getKey() + " = " + f.getValue());
        }
        for (String name : new String[] {"PixelFormat", "Width", "Height", "OffsetX", "OffsetY", "TriggerMode", "TriggerSource",
                "AcquisitionFrameRate", "ExposureTimeAbs", "GevSCPSPacketSize", "GevSCPD"}) {
            LOG.info("camera {}: {} = {}", cid, name, feature(n, dev, name));
        }
        settings.features().keySet().forEach(name -> LOG.info("camera {}: feature {} = {}", cid, name, feature(n, dev, name)));
    }

    /** A feature's value as text, or "(absent)" / "(error ...)". */
    static String feature(AravisNative n, Pointer dev, String name) {
        Pointer node = n.arv.arv_device_get_feature(dev, name);
        if (node == null) {
            return "(absent)";
        }
        PointerByReference err = new PointerByReference();
        try {
            String v = n.arv.arv_gc_feature_node_get_value_as_string(node, err);
            n.check(err, name);
            return v;
        } catch (GigeException e) {
            return "(error " + e.getMessage() + ")";
        }
    }
}
