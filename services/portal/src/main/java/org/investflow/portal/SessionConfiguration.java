package org.investflow.portal;

import org.mongodb.spring.session.config.annotation.web.reactive.EnableMongoWebSession;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * Sessions live in MongoDB (collection {@code sessions}, idle for at most 30 minutes), so they survive a restart and any replica
 * serves any user; the tokens of the logged-in user live in the session, never in the browser, whose
 * only credential is an HttpOnly, SameSite=Lax cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableMongoWebSession(collectionName = "sessions")
class SessionConfiguration {

    @Bean
    WebSessionIdResolver sessionCookie(PortalSettings settings) {
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName(settings.sessionCookieName());
        resolver.addCookieInitializer(cookie -> sessionCookie(cookie, settings));
        return resolver;
    }

    private static void sessionCookie(ResponseCookie.ResponseCookieBuilder cookie, PortalSettings settings) {
        cookie.httpOnly(true).sameSite("Lax").secure(settings.secureCookies()).path("/");
    }

    /** The access, refresh and ID tokens stay in the (MongoDB-backed) session, not in this JVM's memory. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }
}
