package org.forumpass.common;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * The address of the client a request comes from, for limits and logs. X-Forwarded-For is written by
 * whoever sends the request, so it is believed only from the proxies in FORUMPASS_TRUSTED_PROXIES: the
 * header is read from the right (each proxy appends the address it saw), skipping trusted hops, and the
 * first untrusted hop is the client. Without trusted proxies the socket's address is used and the header
 * ignored. The socket is read from the connection, so Quarkus's own forwarding (which believes the
 * left-most, client-written entry) cannot change the answer.
 */
@ApplicationScoped
public class ClientAddress {
    private final Cidrs trusted;

    @Inject
    public ClientAddress(ForumPassConfig config) {
        this(Cidrs.parse(config.trustedProxies().orElse(List.of())));
    }

    ClientAddress(Cidrs trusted) {
        this.trusted = trusted;
    }

    public String of(RoutingContext context) {
        return of(context.request());
    }

    public String of(HttpServerRequest request) {
        SocketAddress socket = request.connection() != null ? request.connection().remoteAddress() : request.remoteAddress();
        String peer = socket == null ? null : socket.hostAddress();
        if (trusted.isEmpty()) {
            return peer;
        }
        return resolve(peer, request.headers().getAll("X-Forwarded-For"));
    }

    /** The right-most hop not in the trusted proxies, starting from the socket's peer. */
    String resolve(String peer, List<String> forwardedFor) {
        if (peer == null || !trusted.contains(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = Cidrs.withoutPort(hops.get(i));
            if (!trusted.contains(client)) {
                return client.length() > 64 ? client.substring(0, 64) : client;
            }
        }
        return client;
    }
}
