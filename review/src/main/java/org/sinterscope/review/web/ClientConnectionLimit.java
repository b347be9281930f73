package org.sinterscope.review.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code max} open connections per client address: a Jetty connection listener on the
 * connector that closes a new connection at once when its address already has {@code max}
 * open. Each socket counts once (by its remote address and port), also over TLS where Jetty
 * opens two connection objects per socket. Refusals are logged at WARN, one line per address
 * per 100 refusals.
 */
final class ClientConnectionLimit implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ClientConnectionLimit.class);

    private final int max;
    private final Map<InetAddress, Set<SocketAddress>> open = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();

    ClientConnectionLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("connections per client must be >= 1, got " + max);
        }
        this.max = max;
    }

    @Override
    public void onOpened(Connection connection) {
        SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
        if (!(remote instanceof InetSocketAddress inet)) {
            return;
        }
        boolean[] over = new boolean[1];
        open.compute(inet.getAddress(), (a, set) -> {
            Set<SocketAddress> s = set == null ? new HashSet<>() : set;
            if (!s.contains(remote) && s.size() >= max) {
                over[0] = true;
            } else {
                s.add(remote);
            }
            return s;
        });
        if (over[0]) {
            long n = refused.incrementAndGet();
            if (n % 100 == 1) {
                LOG.warn("client {} has {} connections open already: closing a new one ({} refused so far)",
                        inet.getAddress().getHostAddress(), max, n);
            }
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
        if (remote instanceof InetSocketAddress inet) {
            open.computeIfPresent(inet.getAddress(), (a, s) -> {
                s.remove(remote);
                return s.isEmpty() ? null : s;
            });
        }
    }

    /** Connections refused since start. */
    long refused() {
        return refused.get();
    }
}
