package org.sinterscope.launcher;

import org.sinterscope.camera.LineEncoder;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.StationStage;
import org.sinterscope.routes.assembly.StationParts;
import org.sinterscope.routes.reject.ActuatorSpec;
import org.sinterscope.simulator.plc.InProcessPlc;
import org.sinterscope.simulator.plc.PlcSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code plc-sim} link's far end for {@code run} and {@code inspect}: when an actuator is on
 * link {@code plc-sim}, the in-process PLC simulator plays it (following the station's encoder),
 * and the log says that nothing is marked on a real line. The only place besides the demo where
 * the launcher plugs a simulator into a station.
 */
final class LocalActuators {

    private static final Logger LOG = LoggerFactory.getLogger(LocalActuators.class);

    private LocalActuators() {
    }

    /** Adds the in-process PLC stage to {@code parts} when any actuator uses {@code plc-sim}. */
    static void plugIfNeeded(StationSettings settings, StationParts parts) {
        boolean local = ActuatorSpec.fromSettings(settings).stream().anyMatch(a -> a.link() == ActuatorSpec.Link.PLC_SIM);
        if (!local) {
            return;
        }
        LOG.warn("actuators on link plc-sim: an in-process PLC simulator plays them; nothing is marked on a real line");
        parts.deferredStage(encoder -> stage(encoder));
    }

    private static StationStage stage(LineEncoder encoder) {
        return new InProcessPlc(new PlcSimulator(encoder));
    }
}
