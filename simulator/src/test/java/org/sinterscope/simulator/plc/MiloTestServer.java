package org.sinterscope.simulator.plc;

import org.apache.camel.CamelContext;
import org.apache.camel.component.milo.server.MiloServerComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;

/**
 * A real OPC UA server (Eclipse Milo through Camel's milo-server component) for the tests that play a PLC:
 * on 127.0.0.1:{@code port}, path {@code milo}, user {@code station} / {@code secret} only (no anonymous
 * sign-in), no message security. Its nodes are written with {@code milo-server:<node id>} endpoints.
 */
public final class MiloTestServer {

    private MiloTestServer() {
    }

    /** A started Camel context holding the server as component {@code milo-server}; the caller stops it. */
    public static CamelContext start(int port) throws Exception {
        CamelContext plc = new DefaultCamelContext();
        MiloServerComponent server = new MiloServerComponent();
        server.setPort(port);
        server.setBindAddresses("127.0.0.1");
        server.setPath("milo");
        server.setEnableAnonymousAuthentication(false);
        server.setUserAuthenticationCredentials("station:secret");
        server.setUsernameSecurityPolicyUri(SecurityPolicy.None);
        plc.addComponent("milo-server", server);
        plc.start();
        return plc;
    }
}
