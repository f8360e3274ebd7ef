package org.investflow.platform.web;

import java.util.Locale;

import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Establishes the {@link Caller} of a request. Walking-skeleton stand-in: it trusts the
 * {@code X-User} and {@code X-Role} headers. It is the one place that changes when bearer tokens
 * replace it (issue 3); nothing else reads those headers.
 */
public class CallerResolver implements HandlerMethodArgumentResolver {

    static final String USER = "X-User";
    static final String ROLE = "X-Role";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
        return Mono.fromCallable(() -> resolve(exchange));
    }

    private Caller resolve(ServerWebExchange exchange) {
        String user = exchange.getRequest().getHeaders().getFirst(USER);
        String role = exchange.getRequest().getHeaders().getFirst(ROLE);
        if (user == null || user.isBlank() || role == null) {
            throw new UnauthenticatedException("the request does not say who is calling");
        }
        return new Caller(user.strip(), parse(role));
    }

    private static Role parse(String role) {
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UnauthenticatedException("unknown role");
        }
    }
}
