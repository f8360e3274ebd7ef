package org.investflow.platform.web;

import java.util.List;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Requests of the edge's unit tests: anonymous, or with a validated token of a user in some roles. */
final class WebExchanges {

    private WebExchanges() {
    }

    static ServerWebExchange anonymous(String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.get(path));
    }

    static ServerWebExchange as(String user, List<String> roles, String path) {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject(user).claim(SecurityConfiguration.ROLES_CLAIM, roles).build();
        JwtAuthenticationToken token = new JwtAuthenticationToken(jwt,
                roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
        return anonymous(path).mutate().principal(Mono.just(token)).build();
    }
}
