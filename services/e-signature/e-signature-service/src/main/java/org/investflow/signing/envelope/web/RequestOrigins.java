package org.investflow.signing.envelope.web;

import org.investflow.platform.web.ClientAddress;
import org.investflow.signing.audit.Origin;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Where a request came from, for the audit trail: the client's address as the platform resolves it
 * (behind a trusted proxy the forwarded client, never the proxy) and its user agent.
 */
@Component
class RequestOrigins {

    private final ClientAddress clients;

    RequestOrigins(ClientAddress clients) {
        this.clients = clients;
    }

    Origin of(ServerHttpRequest request) {
        return new Origin(request.getRemoteAddress() == null ? null : clients.of(request),
                request.getHeaders().getFirst(HttpHeaders.USER_AGENT));
    }
}
