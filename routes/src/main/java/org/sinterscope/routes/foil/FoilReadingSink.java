package org.sinterscope.routes.foil;

/**
 * Where foil verdicts are kept: the in-memory {@link FoilReadingLog}, a defect store, ... .
 * Implementations are thread-safe; {@link #record} must not block for long (it runs on the route).
 */
@FunctionalInterface
public interface FoilReadingSink {

    void record(FoilVerdict verdict);
}
