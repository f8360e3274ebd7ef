package org.investflow.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the InvestFlow token contract into the JWTs: {@code roles} (names without prefix), for
 * investors {@code country}, and {@code preferred_username} (as Keycloak does) into access and ID
 * tokens; the API audience into the access token's {@code aud}, beside the client id already there.
 */
final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES = "roles";
    static final String COUNTRY = "country";
    static final String PREFERRED_USERNAME = "preferred_username";

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final String audience;

    TokenClaims(String audience) {
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        if (!accessToken && !ID_TOKEN.equals(context.getTokenType())) {
            return;
        }
        DemoUsers.find(context.getPrincipal().getName()).ifPresent(user -> context.getClaims().claims(claims -> {
            claims.put(ROLES, user.roles());
            claims.put(PREFERRED_USERNAME, user.username());
            user.country().ifPresent(country -> claims.put(COUNTRY, country));
            if (accessToken) {
                claims.put(JwtClaimNames.AUD, withAudience(claims));
            }
        }));
    }

    private List<String> withAudience(Map<String, Object> claims) {
        Set<String> audiences = new LinkedHashSet<>();
        Object current = claims.get(JwtClaimNames.AUD);
        if (current instanceof Collection<?> values) {
            values.forEach(value -> audiences.add(String.valueOf(value)));
        } else if (current != null) {
            audiences.add(String.valueOf(current));
        }
        audiences.add(audience);
        return List.copyOf(audiences);
    }
}
