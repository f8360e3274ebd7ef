package org.investflow.platform.web;

import java.util.List;

import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.events.Role;
import org.springframework.core.MethodParameter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Establishes the {@link Caller} of a request from its validated bearer token: the user is the
 * token's subject, the role the first InvestFlow role in its {@code roles} claim. A token without
 * one is refused with 403; a request without a token never gets here (401 at the filter chain).
 */
public class CallerResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .ofType(JwtAuthenticationToken.class)
                .switchIfEmpty(Mono.error(() -> new UnauthenticatedException("a valid bearer token is required")))
                .map(CallerResolver::caller);
    }

    private static Caller caller(JwtAuthenticationToken token) {
        List<String> roles = token.getToken().getClaimAsStringList(SecurityConfiguration.ROLES_CLAIM);
        Role role = Role.firstUserRoleOf(roles == null ? List.of() : roles)
                .orElseThrow(() -> new ForbiddenException("the token carries no InvestFlow role"));
        return new Caller(token.getToken().getSubject(), role);
    }
}
