package org.sinterscope.routes.metrics;

/**
 * What a web server mounts for operations: {@code GET /metrics} answers {@link #metricsText()}
 * with content type {@value #METRICS_CONTENT_TYPE}; {@code GET /health} answers {@link #health()}
 * as JSON, with status 200 when ready and 503 when not.
 */
public interface StationEndpoints {

    String METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** The Prometheus scrape text. */
    String metricsText();

    /** Liveness and readiness now. */
    Health health();
}
