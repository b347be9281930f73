package org.sinterscope.camera.gige;

import java.util.Map;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * Loads Aravis, GLib and GObject lazily, on first use: nothing else in Sinterscope needs them.
 * When the library is missing, {@link #get()} throws one {@link GigeException} whose message
 * names the Debian package to install.
 */
public final class AravisNative {

    /** The Debian package that provides the library. */
    public static final String PACKAGE = "libaravis-0.8-0";

    /** {@code ArvBufferStatus} names by value (Aravis 0.8). */
    static final Map<Integer, String> BUFFER_STATUS = Map.of(-1, "UNKNOWN", 0, "SUCCESS", 1, "CLEARED", 2, "TIMEOUT",
            3, "MISSING_PACKETS", 4, "WRONG_PACKET_ID", 5, "SIZE_MISMATCH", 6, "FILLING", 7, "ABORTED", 8, "PAYLOAD_NOT_SUPPORTED");

    private static volatile AravisNative instance;
    private static volatile GigeException failure;

    final Aravis arv;
    final Aravis.GLib glib;
    final Aravis.GObject gobject;

    private AravisNative(Aravis arv, Aravis.GLib glib, Aravis.GObject gobject) {
        this.arv = arv;
        this.glib = glib;
        this.gobject = gobject;
    }

    /** The loaded library, or a {@link GigeException} naming the package to install. */
    public static AravisNative get() {
        AravisNative n = instance;
        if (n != null) {
            return n;
        }
        synchronized (AravisNative.class) {
            if (instance != null) {
                return instance;
            }
            if (failure != null) {
                throw failure;
            }
            try {
                instance = new AravisNative(Native.load("aravis-0.8", Aravis.class), Native.load("glib-2.0", Aravis.GLib.class),
                        Native.load("gobject-2.0", Aravis.GObject.class));
                return instance;
            } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                failure = new GigeException("GigE Vision cameras need the Aravis library: install the Debian package "
                        + PACKAGE + " (apt-get install " + PACKAGE + ") [" + e.getMessage().lines().findFirst().orElse("") + "]");
                throw failure;
            }
        }
    }

    /** True when the library loads. */
    public static boolean available() {
        try {
            get();
            return true;
        } catch (GigeException e) {
            return false;
        }
    }

    /** Throws a {@link GigeException} with the GError's message (and frees it) when {@code error} is set. */
    void check(PointerByReference error, String what) {
        Pointer e = error.getValue();
        if (e == null) {
            return;
        }
        // struct GError { GQuark domain; gint code; gchar *message; }
        int code = e.getInt(4);
        Pointer msg = e.getPointer(8);
        String text = msg == null ? "(no message)" : msg.getString(0);
        glib.g_error_free(e);
        error.setValue(null);
        throw new GigeException(what + ": " + text + " (code " + code + ")", text.contains("timeout"));
    }

    void unref(Pointer object) {
        if (object != null) {
            gobject.g_object_unref(object);
        }
    }

    static String statusName(int status) {
        return BUFFER_STATUS.getOrDefault(status, "status " + status);
    }
}
