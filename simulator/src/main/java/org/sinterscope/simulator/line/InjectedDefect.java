package org.sinterscope.simulator.line;

import java.util.Objects;

import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.WebRect;

/**
 * Ground truth for one defect the simulator put on the web.
 *
 * @param id          unique within a plan, from 1
 * @param defectClass what it is
 * @param bounds      where it is on the web, mm (its full extent; a long streak spans many frames)
 * @param sizeMm      its characteristic size: diameter of a spot, width of a scratch or streak,
 *                    depth of an edge notch, mm
 * @param contrast    grey-level change it makes against the coating (signed; informative)
 */
public record InjectedDefect(long id, DefectClass defectClass, WebRect bounds, double sizeMm, double contrast) {

    public InjectedDefect {
        Objects.requireNonNull(defectClass, "defectClass");
        Objects.requireNonNull(bounds, "bounds");
        if (id <= 0 || !(sizeMm > 0)) {
            throw new IllegalArgumentException("injected defect needs id > 0 and size > 0, got id=" + id + ", size=" + sizeMm + " mm");
        }
    }
}
