package org.sinterscope.routes.metrics;

import java.util.Map;

/**
 * The station's health: live (the process is up and its Camel context not stopped) and ready
 * (context started, every route started — the links' consumers among them — the store writable, and a PLC
 * encoder moving while the cameras deliver frames).
 *
 * @param live   false: restart the process
 * @param ready  false: do not count on it inspecting (starting, stopping, a link or the store down)
 * @param checks each check by name: "ok" or what is wrong
 */
public record Health(boolean live, boolean ready, Map<String, String> checks) {

    public Health {
        checks = Map.copyOf(checks);
    }
}
