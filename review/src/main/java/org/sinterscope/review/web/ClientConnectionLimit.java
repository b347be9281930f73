package org.sinterscope.review.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;
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
    /** Per client address: its open sockets (remote address and port) and how many Jetty connections each has. */
    private final Map<InetAddress, Map<InetSocketAddress, Integer>> open = new ConcurrentHashMap<>();
    /** The remote address of each counted connection, kept because a closed socket no longer tells it. */
    private final Map<Connection, InetSocketAddress> counted = new ConcurrentHashMap<>();
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
        open.compute(inet.getAddress(), (a, sockets) -> {
            Map<InetSocketAddress, Integer> m = sockets == null ? new HashMap<>() : sockets;
            if (!m.containsKey(inet) && m.size() >= max) {
                over[0] = true;
            } else {
                m.merge(inet, 1, Integer::sum);
                counted.put(connection, inet);
            }
            return m.isEmpty() ? null : m;
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
        InetSocketAddress inet = counted.remove(connection);
        if (inet != null) {
            open.computeIfPresent(inet.getAddress(), (a, m) -> {
                m.computeIfPresent(inet, (k, n) -> n <= 1 ? null : n - 1);
                return m.isEmpty() ? null : m;
            });
        }
    }

    /** Sockets open now from {@code address}. */
    int open(InetAddress address) {
        Map<InetSocketAddress, Integer> m = open.get(address);
        return m == null ? 0 : m.size();
    }

    /** Connections refused since start. */
    long refused() {
        return refused.get();
    }
}
