package org.investflow.portal;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;

/**
 * The portal's only security decisions: who is logged in (OpenID Connect, authorization code with
 * PKCE, as a confidential client), CSRF on every state-changing call (the SPA echoes the
 * {@code XSRF-TOKEN} cookie in {@code X-XSRF-TOKEN}), a new session id at login, logout at the issuer
 * too, and strict headers. Every request is let through: what a user may see or do is decided by the
 * services, which receive the user's access token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String REGISTRATION = "investflow";

    @Bean
    SecurityWebFilterChain portalSecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
                                          PortalSettings settings) {
        return http
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .oauth2Login(login -> login
                        .authorizationRequestResolver(withPkce(registrations))
                        .authenticationSuccessHandler(new SessionRenewingSuccessHandler("/")))
                .logout(logout -> logout
                        .logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(),
                                new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(logoutAtTheIssuer(registrations)))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfCookie(settings))
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.of(settings)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    private static ServerOAuth2AuthorizationRequestResolver withPkce(ReactiveClientRegistrationRepository registrations) {
        DefaultServerOAuth2AuthorizationRequestResolver resolver = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    private static OidcClientInitiatedServerLogoutSuccessHandler logoutAtTheIssuer(ReactiveClientRegistrationRepository registrations) {
        OidcClientInitiatedServerLogoutSuccessHandler handler = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/");
        // without an OIDC login (or an issuer without end_session_endpoint): back to the app
        handler.setLogoutSuccessUrl(URI.create("/"));
        return handler;
    }

    /** Readable by the SPA (it must echo it), so not HttpOnly; it proves same-origin, it grants nothing. */
    private static CookieServerCsrfTokenRepository csrfCookie(PortalSettings settings) {
        CookieServerCsrfTokenRepository repository = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.secure(settings.secureCookies()).sameSite("Lax").path("/"));
        return repository;
    }
}
