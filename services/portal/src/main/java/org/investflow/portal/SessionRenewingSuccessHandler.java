package org.investflow.portal;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Session fixation protection: at login the session keeps its content but gets a new id, so an id
 * planted in the browser before login is worthless afterwards; then the browser goes to the app.
 */
final class SessionRenewingSuccessHandler implements ServerAuthenticationSuccessHandler {

    private final RedirectServerAuthenticationSuccessHandler redirect;

    SessionRenewingSuccessHandler(String location) {
        this.redirect = new RedirectServerAuthenticationSuccessHandler(location);
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
        return exchange.getExchange().getSession()
                .flatMap(WebSession::changeSessionId)
                .then(redirect.onAuthenticationSuccess(exchange, authentication));
    }
}
