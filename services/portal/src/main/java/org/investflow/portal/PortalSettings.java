package org.investflow.portal;

import java.net.URI;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the portal ({@code investflow.portal.*} in {@code portal.yml}).
 *
 * @param issuer            the OpenID Connect issuer users log in at; the login form posts there and
 *                          logout redirects there, so the content security policy allows it as a form target
 * @param sessionCookieName the name of the only cookie that identifies a user's session
 * @param secureCookies     whether the session and CSRF cookies carry {@code Secure} (false only on plain-HTTP local stacks)
 * @param services          where the four services are ({@code intake}, {@code negotiation}, {@code signing}, {@code tracking})
 */
@Validated
@ConfigurationProperties("investflow.portal")
public record PortalSettings(
        @NotNull URI issuer,
        @DefaultValue("INVESTFLOW_SESSION") @NotBlank String sessionCookieName,
        @DefaultValue("true") boolean secureCookies,
        @NotNull Map<String, URI> services) {

    /** The issuer's origin (scheme, host and port), as a content security policy source. */
    public String issuerOrigin() {
        return issuer.getScheme() + "://" + issuer.getRawAuthority();
    }
}
