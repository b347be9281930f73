package org.sinterscope.routes;

import org.junit.jupiter.api.AfterEach;
import org.sinterscope.camera.FrameSource;
import org.sinterscope.camera.LineEncoder;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedLine;
import org.sinterscope.simulator.line.SimulatedLineConfig;

/** The whole station on 2 m of simulated web with one pinhole at y = {@value #DEFECT_Y_MM} mm, unpaced. */
abstract class OnePinholeStation extends StationTestSupport {
    static final double DEFECT_Y_MM = 1000;
    final SimulatedEncoder encoder = SimulatedEncoder.freeRunning();
    final SimulatedLineConfig cfg = SimulatedLineConfig.defaults().withLengthM(2);
    final SimulatedLine line = new SimulatedLine(cfg, encoder, onePinholeAt(95, DEFECT_Y_MM));

    @Override
    protected FrameSource source() {
        return line;
    }

    @Override
    protected LineEncoder encoder() {
        return encoder;
    }

    @AfterEach
    void closeLine() {
        line.close();
    }
}
