package org.sinterscope.routes.camera;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;
import org.sinterscope.camera.FrameSource;

/** The {@code frames:NAME} endpoint: consumer only (a frame source takes no messages). */
public final class FrameSourceEndpoint extends DefaultEndpoint {

    private final FrameSource source;

    FrameSourceEndpoint(String uri, FrameSourceComponent component, FrameSource source) {
        super(uri, component);
        this.source = source;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("a frames endpoint only produces frames into a route: use it in from(...)");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        FrameSourceConsumer c = new FrameSourceConsumer(this, processor, source);
        configureConsumer(c);
        return c;
    }

    @Override
    public boolean isSingleton() {
        return true;
    }
}
