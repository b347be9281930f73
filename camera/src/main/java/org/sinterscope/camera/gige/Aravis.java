package org.sinterscope.camera.gige;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * Thin JNA binding to the Aravis 0.8 C API (Debian {@code libaravis-0.8-0}): only the calls
 * Sinterscope uses. Every {@code GError**} argument is a {@link PointerByReference}; turn it into
 * an exception with {@link AravisNative#check}. Opaque GObjects are {@link Pointer}s released with
 * {@link GObject#g_object_unref}.
 */
public interface Aravis extends Library {

    void arv_update_device_list();

    int arv_get_n_devices();

    String arv_get_device_id(int index);

    String arv_get_device_vendor(int index);

    String arv_get_device_model(int index);

    String arv_get_device_serial_nbr(int index);

    String arv_get_device_address(int index);

    String arv_get_device_protocol(int index);

    Pointer arv_camera_new(String name, PointerByReference error);

    Pointer arv_camera_get_device(Pointer camera);

    void arv_camera_set_region(Pointer camera, int x, int y, int width, int height, PointerByReference error);

    void arv_camera_set_pixel_format_from_string(Pointer camera, String format, PointerByReference error);

    int arv_camera_get_payload(Pointer camera, PointerByReference error);

    void arv_camera_set_acquisition_mode(Pointer camera, int mode, PointerByReference error);

    void arv_camera_set_frame_rate(Pointer camera, double frameRate, PointerByReference error);

    void arv_camera_set_exposure_time(Pointer camera, double exposureUs, PointerByReference error);

    void arv_camera_set_trigger(Pointer camera, String source, PointerByReference error);

    void arv_camera_clear_triggers(Pointer camera, PointerByReference error);

    void arv_camera_gv_set_packet_size(Pointer camera, int packetSize, PointerByReference error);

    void arv_camera_gv_set_packet_delay(Pointer camera, long delayNs, PointerByReference error);

    Pointer arv_camera_create_stream(Pointer camera, Pointer callback, Pointer userData, PointerByReference error);

    void arv_camera_start_acquisition(Pointer camera, PointerByReference error);

    void arv_camera_stop_acquisition(Pointer camera, PointerByReference error);

    Pointer arv_device_get_feature(Pointer device, String feature);

    Pointer arv_device_get_genicam(Pointer device);

    Pointer arv_gc_get_node(Pointer genicam, String name);

    String arv_gc_feature_node_get_value_as_string(Pointer node, PointerByReference error);

    void arv_gc_feature_node_set_value_from_string(Pointer node, String value, PointerByReference error);

    boolean arv_gc_feature_node_is_available(Pointer node, PointerByReference error);

    boolean arv_gc_feature_node_is_implemented(Pointer node, PointerByReference error);

    /** A {@code const GSList*} of feature names ({@code char*}); owned by the category. */
    Pointer arv_gc_category_get_features(Pointer category);

    long arv_gc_category_get_type();

    long arv_gc_feature_node_get_type();

    long arv_gc_command_get_type();

    Pointer arv_buffer_new(long size, Pointer preallocated);

    int arv_buffer_get_status(Pointer buffer);

    Pointer arv_buffer_get_data(Pointer buffer, LongByReference size);

    long arv_buffer_get_frame_id(Pointer buffer);

    long arv_buffer_get_timestamp(Pointer buffer);

    long arv_buffer_get_system_timestamp(Pointer buffer);

    int arv_buffer_get_image_width(Pointer buffer);

    int arv_buffer_get_image_height(Pointer buffer);

    int arv_buffer_get_image_pixel_format(Pointer buffer);

    void arv_stream_push_buffer(Pointer stream, Pointer buffer);

    Pointer arv_stream_timeout_pop_buffer(Pointer stream, long timeoutUs);

    void arv_stream_get_statistics(Pointer stream, LongByReference completed, LongByReference failures,
                                   LongByReference underruns);

    void arv_gv_stream_get_statistics(Pointer stream, LongByReference resentPackets, LongByReference missingPackets);

    /** GLib: frees a {@code GError}. */
    interface GLib extends Library {
        void g_error_free(Pointer error);
    }

    /** GObject: reference counting and type checks. */
    interface GObject extends Library {
        void g_object_unref(Pointer object);

        boolean g_type_check_instance_is_a(Pointer instance, long type);
    }
}
