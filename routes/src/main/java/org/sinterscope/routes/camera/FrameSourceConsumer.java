package org.sinterscope.routes.camera;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.FrameSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls frames on one thread of its own, one after another, and hands each to the route
 * synchronously (so a bounded queue behind it blocks the camera instead of piling frames up). A
 * frame the route failed on is closed here; a frame the route took on (queued) belongs to whoever
 * holds it last. Stopping the consumer asks the source to stop ({@link FrameSource#stop()}) and
 * waits for the pulling thread.
 */
final class FrameSourceConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(FrameSourceConsumer.class);

    private final FrameSource source;
    private volatile boolean running;
    private Thread puller;
    private final CountDownLatch done = new CountDownLatch(1);

    FrameSourceConsumer(FrameSourceEndpoint endpoint, Processor processor, FrameSource source) {
        super(endpoint, processor);
        this.source = source;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        running = true;
        puller = new Thread(this::pull, "frames-" + source.describe());
        puller.setDaemon(true);
        puller.start();
    }

    private void pull() {
        try {
            while (running && source.hasNext()) {
                Frame f = source.next();
                Exchange e = createExchange(false);
                e.getMessage().setBody(f);
                try {
                    getProcessor().process(e);
                } catch (Exception ex) {
                    e.setException(ex);
                }
                if (e.getException() != null) {
                    f.close();
                    getExceptionHandler().handleException("route failed on frame " + f.cameraId() + "#" + f.sequence(), e,
                            e.getException());
                }
                releaseExchange(e, false);
            }
        } catch (RuntimeException ex) {
            getExceptionHandler().handleException("frame source " + source.describe() + " failed", ex);
        } finally {
            done.countDown();
            LOG.info("frame source {} ended", source.describe());
        }
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        source.stop();
        if (puller != null && !done.await(10, TimeUnit.SECONDS)) {
            LOG.warn("frame source {} did not stop within 10 s", source.describe());
        }
        super.doStop();
    }
}
