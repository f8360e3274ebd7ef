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

    /**
     * The logged-in user as the SPA sees them: the name to show, and the id the services know the user by
     * (the token's subject, e.g. a version's {@code proposedBy}), so a page can leave out what the services
     * would refuse them anyway (a leader's approve button on their own version).
     */
    record SessionView(boolean authenticated, String username, String userId, List<String> roles) {

        static final SessionView ANONYMOUS = new SessionView(false, null, null, List.of());

        static SessionView of(OidcUser user) {
            List<String> roles = user.getClaimAsStringList("roles");
            return new SessionView(true, user.getName(), user.getSubject(), roles == null ? List.of() : roles);
        }
    }
}
