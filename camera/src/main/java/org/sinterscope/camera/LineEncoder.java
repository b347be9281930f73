package org.sinterscope.camera;

/**
 * The line encoder: how much web has passed the camera since the start of the roll, mm. The reject
 * tracker and the actuators time everything by it, never by the wall clock.
 */
public interface LineEncoder {

    /** Web length that has passed under the camera so far, mm; never decreases. */
    double positionMm();
}
