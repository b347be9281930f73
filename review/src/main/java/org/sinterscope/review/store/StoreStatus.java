package org.sinterscope.review.store;

/**
 * The store's write path at a glance.
 *
 * @param queued          jobs waiting in the buffer
 * @param capacity        buffer size
 * @param written         jobs written since start
 * @param refused         jobs the database refused for their content (alarmed each)
 * @param bufferFullCount times a job found the buffer full and the line had to wait
 * @param failedBatches   batch writes that failed and were retried
 */
public record StoreStatus(int queued, int capacity, long written, long refused, long bufferFullCount, long failedBatches) {
}
