package org.sinterscope.routes.camera;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.sinterscope.camera.FrameSource;

/**
 * Camel component {@code frames:NAME}: a consumer endpoint that pulls frames from the
 * {@link FrameSource} bound in the registry as {@code NAME} (a GigE Vision camera, a hot folder,
 * the simulator) and sends each frame, as the message body, into the route. Register it under
 * {@value #SCHEME}: {@code context.addComponent("frames", new FrameSourceComponent())}.
 */
public final class FrameSourceComponent extends DefaultComponent {

    public static final String SCHEME = "frames";

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("frames endpoint '" + uri + "' needs the frame source's bean name: frames:NAME");
        }
        FrameSource source = getCamelContext().getRegistry().lookupByNameAndType(remaining, FrameSource.class);
        if (source == null) {
            throw new IllegalArgumentException("frames endpoint '" + uri + "': no FrameSource bound as '" + remaining + "'");
        }
        FrameSourceEndpoint e = new FrameSourceEndpoint(uri, this, source);
        setProperties(e, parameters);
        return e;
    }
}
