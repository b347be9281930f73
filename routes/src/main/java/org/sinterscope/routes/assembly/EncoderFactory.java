package org.sinterscope.routes.assembly;

import org.sinterscope.routes.StationSettings;

/**
 * Makes the station's encoder of one type ({@code sinterscope.encoder.type}): {@code camera-lines}
 * (the camera's line counter × mm per line), {@code mqtt} or {@code opcua} (the position the PLC
 * publishes); a simulated line registers {@code simulated}.
 */
@FunctionalInterface
public interface EncoderFactory {

    /** @throws IllegalArgumentException when the settings do not describe a usable encoder */
    StationEncoder open(StationSettings settings);
}
