package org.sinterscope.camera.gige;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/** Discovery of GigE Vision (and other Aravis) devices, and reading a device's GenICam features. */
public final class GigeDevices {

    /** One device found on the network: {@code id} is what {@code camera.device} takes. */
    public record DeviceInfo(String id, String vendor, String model, String serial, String address, String protocol) {
        public DeviceInfo {
            Objects.requireNonNull(id, "id");
        }
    }

    /** One GenICam feature: its category path, name and value as text (or the error reading it). */
    public record Feature(String category, String name, String value, String error) {
    }

    private GigeDevices() {
    }

    /** Devices found now (Aravis broadcasts a discovery on every interface). */
    public static List<DeviceInfo> list() {
        AravisNative n = AravisNative.get();
        synchronized (AravisNative.class) {
            n.arv.arv_update_device_list();
            int count = n.arv.arv_get_n_devices();
            List<DeviceInfo> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                out.add(new DeviceInfo(n.arv.arv_get_device_id(i), n.arv.arv_get_device_vendor(i), n.arv.arv_get_device_model(i),
                        n.arv.arv_get_device_serial_nbr(i), n.arv.arv_get_device_address(i), n.arv.arv_get_device_protocol(i)));
            }
            return out;
        }
    }

    /**
     * The Aravis device id for a selector: a device id, a serial number or an IP address, matched
     * against the devices found now; a selector that matches nothing is returned as is (Aravis
     * also opens a camera by IP address it did not discover).
     */
    public static String resolve(String selector) {
        for (DeviceInfo d : list()) {
            if (selector.equals(d.id()) || selector.equals(d.serial()) || selector.equals(d.address())) {
                return d.id();
            }
        }
        return selector;
    }

    /** Every feature under the GenICam category tree from {@code Root}, with its value as text. */
    public static List<Feature> features(String selector) {
        AravisNative n = AravisNative.get();
        PointerByReference err = new PointerByReference();
        Pointer camera = n.arv.arv_camera_new(resolve(selector), err);
        n.check(err, "cannot open camera '" + selector + "'");
        try {
            Pointer device = n.arv.arv_camera_get_device(camera);
            Pointer genicam = n.arv.arv_device_get_genicam(device);
            List<Feature> out = new ArrayList<>();
            walk(n, genicam, "Root", "", out, new LinkedHashMap<>());
            return out;
        } finally {
            n.unref(camera);
        }
    }

    private static void walk(AravisNative n, Pointer genicam, String name, String path, List<Feature> out, Map<String, Boolean> seen) {
        if (seen.put(name, Boolean.TRUE) != null || seen.size() > 10_000) {
            return;
        }
        Pointer node = n.arv.arv_gc_get_node(genicam, name);
        if (node == null) {
            return;
        }
        if (n.gobject.g_type_check_instance_is_a(node, n.arv.arv_gc_category_get_type())) {
            String sub = path.isEmpty() ? name : path + "/" + name;
            for (Pointer l = n.arv.arv_gc_category_get_features(node); l != null; l = l.getPointer(Native.POINTER_SIZE)) {
                Pointer child = l.getPointer(0);
                if (child != null) {
                    walk(n, genicam, child.getString(0), sub, out, seen);
                }
            }
            return;
        }
        if (!n.gobject.g_type_check_instance_is_a(node, n.arv.arv_gc_feature_node_get_type())) {
            return;
        }
        if (n.gobject.g_type_check_instance_is_a(node, n.arv.arv_gc_command_get_type())) {
            out.add(new Feature(path, name, "(command)", null));
            return;
        }
        PointerByReference err = new PointerByReference();
        try {
            boolean available = n.arv.arv_gc_feature_node_is_available(node, err);
            n.check(err, name);
            if (!available) {
                out.add(new Feature(path, name, null, "not available"));
                return;
            }
            String value = n.arv.arv_gc_feature_node_get_value_as_string(node, err);
            n.check(err, name);
            out.add(new Feature(path, name, value, null));
        } catch (GigeException e) {
            out.add(new Feature(path, name, null, e.getMessage()));
        }
    }

    private static final class Native {
        static final int POINTER_SIZE = com.sun.jna.Native.POINTER_SIZE;
    }
}
