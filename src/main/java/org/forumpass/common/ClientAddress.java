package org.forumpass.common;

import io.vertx.core.http.HttpServerRequest;

/**
 * The client's address as the limits count it. Behind a proxy it is the client's only with Quarkus's proxy
 * address forwarding switched on (QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true, with
 * QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true for X-Forwarded-For); otherwise every client shares the proxy's.
 */
public final class ClientAddress {
    private ClientAddress() {
    }

    /** The address, or null when the connection has none (a test's in-process call). */
    public static String of(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
