package org.investflow.identity;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What the issuer issues: its address, the two clients (authorization code with PKCE, no consent
 * screen: the portal's backend-for-frontend confidential, the CLI public), the token contract and the
 * signing key. The RSA key is generated at every start and kept in
 * memory only: fine for a local issuer, whose tokens need not survive a restart.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentitySettings.class)
class IssuerConfiguration {

    static final String PORTAL_CLIENT_ID = "investflow-portal";
    static final String CLI_CLIENT_ID = "investflow-cli";

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentitySettings settings) {
        return AuthorizationServerSettings.builder().issuer(settings.issuer().toString()).build();
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentitySettings settings) {
        // the redirect URI's port may differ when its host is a loopback address (RFC 8252): tests run the portal anywhere
        RegisteredClient portal = client(PORTAL_CLIENT_ID, settings)
                .clientSecret("{noop}" + settings.portalClientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .redirectUri(settings.portalRedirectUri().toString())
                .postLogoutRedirectUri(settings.portalPostLogoutRedirectUri().toString())
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .build();
        RegisteredClient cli = client(CLI_CLIENT_ID, settings)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .redirectUri(settings.cliRedirectUri().toString())
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .build();
        return new InMemoryRegisteredClientRepository(portal, cli);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(IdentitySettings settings) {
        return new TokenClaims(settings.audience());
    }

    @Bean
    JWKSource<SecurityContext> signingKeys() {
        KeyPair keyPair = rsaKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) keyPair.getPublic())
                .privateKey((RSAPrivateKey) keyPair.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** Verifies this server's own tokens where it is their audience (the OpenID Connect userinfo endpoint). */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKeys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKeys);
    }

    private static RegisteredClient.Builder client(String clientId, IdentitySettings settings) {
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(settings.accessTokenTimeToLive()).build());
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM cannot generate RSA keys", e);
        }
    }
}
