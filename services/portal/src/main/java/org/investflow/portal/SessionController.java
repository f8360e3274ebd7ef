package org.investflow.portal;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Tells the SPA who is logged in, so it can show the right pages; it grants nothing (the services
 * check the token on every call). Never returns a token.
 */
@RestController
class SessionController {

    @GetMapping("/api/session")
    Mono<SessionView> session(@AuthenticationPrincipal OidcUser user) {
        return Mono.just(user == null ? SessionView.ANONYMOUS : SessionView.of(user));
    }

    /** The logged-in user as the SPA sees them. */
    record SessionView(boolean authenticated, String username, List<String> roles) {

        static final SessionView ANONYMOUS = new SessionView(false, null, List.of());

        static SessionView of(OidcUser user) {
            List<String> roles = user.getClaimAsStringList("roles");
            return new SessionView(true, user.getName(), roles == null ? List.of() : roles);
        }
    }
}
