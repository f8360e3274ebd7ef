package org.investflow.identity;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the local issuer ({@code investflow.identity.*} in {@code identity.yml}).
 *
 * @param issuer                 the {@code iss} of every token and the base of discovery; no trailing slash
 * @param audience               added to {@code aud} of every access token; the services require it
 * @param accessTokenTimeToLive  lifetime of access tokens
 * @param portalRedirectUri      where the portal's backend-for-frontend receives its authorization code
 * @param portalClientSecret     the portal's client secret (it is a confidential client; local development only)
 * @param portalPostLogoutRedirectUri where the issuer sends the browser after the portal's logout
 * @param cliRedirectUri         the CLI's redirect URI (never followed: the CLI reads the code from the redirect)
 * @param allowedOrigins         browser origins allowed to call the protocol endpoints (CORS)
 */
@ConfigurationProperties("investflow.identity")
public record IdentitySettings(
        URI issuer,
        @DefaultValue("investflow-api") String audience,
        @DefaultValue("15m") Duration accessTokenTimeToLive,
        @DefaultValue("http://127.0.0.1:8085/login/oauth2/code/investflow") URI portalRedirectUri,
        @DefaultValue("portal-local-secret") String portalClientSecret,
        @DefaultValue("http://127.0.0.1:8085/") URI portalPostLogoutRedirectUri,
        @DefaultValue("http://127.0.0.1:9000/cli/callback") URI cliRedirectUri,
        @DefaultValue("http://localhost:5173") List<String> allowedOrigins) {

    public IdentitySettings {
        require(issuer != null && issuer.isAbsolute() && issuer.getScheme().startsWith("http"),
                "investflow.identity.issuer must be an absolute http(s) URL, got " + issuer);
        require(!issuer.toString().endsWith("/"), "investflow.identity.issuer must not end with '/': " + issuer);
        require(audience != null && !audience.isBlank(), "investflow.identity.audience must not be blank");
        require(accessTokenTimeToLive != null && !accessTokenTimeToLive.isNegative() && !accessTokenTimeToLive.isZero(),
                "investflow.identity.access-token-time-to-live must be positive");
        require(portalRedirectUri != null && portalRedirectUri.isAbsolute(), "investflow.identity.portal-redirect-uri must be absolute");
        require(portalClientSecret != null && !portalClientSecret.isBlank(), "investflow.identity.portal-client-secret must not be blank");
        require(portalPostLogoutRedirectUri != null && portalPostLogoutRedirectUri.isAbsolute(),
                "investflow.identity.portal-post-logout-redirect-uri must be absolute");
        require(cliRedirectUri != null && cliRedirectUri.isAbsolute(), "investflow.identity.cli-redirect-uri must be absolute");
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
