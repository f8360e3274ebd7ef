package org.investflow.platform.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real, minimal OAuth2 issuer for tests: OIDC discovery and a JWKS served over HTTP on a free
 * port, and RS256 access tokens shaped like the local and production issuers' (subject = user,
 * {@code aud} = {@code investflow-api}, {@code roles}). Services under test validate them exactly as
 * in production, by issuer URI. Also mints the bad tokens a resource server must refuse.
 */
public final class TestIssuer {

    public static final String AUDIENCE = "investflow-api";
    private static final Clock CLOCK = Clock.systemUTC();
    private static final Duration LIFETIME = Duration.ofMinutes(15);

    private static RSAKey key;
    private static String issuer;

    private TestIssuer() {
    }

    /** The issuer URI, starting the issuer on first use. */
    public static synchronized String uri() {
        if (issuer == null) {
            key = newKey();
            issuer = serve(new JWKSet(key.toPublicJWK()).toString());
        }
        return issuer;
    }

    /** A valid access token of {@code user} in {@code role}. */
    public static String token(String user, String role) {
        return sign(claims(user, role).build(), key());
    }

    /** A token whose lifetime ended a minute ago. */
    public static String expired(String user, String role) {
        Instant past = CLOCK.instant().minus(Duration.ofMinutes(20));
        return sign(claims(user, role).issueTime(Date.from(past)).expirationTime(Date.from(past.plus(LIFETIME))).build(), key());
    }

    /** A token issued for another API. */
    public static String forAudience(String user, String role, String audience) {
        return sign(claims(user, role).audience(audience).build(), key());
    }

    /** A token from another issuer, signed with that issuer's own key. */
    public static String fromAnotherIssuer(String user, String role) {
        return sign(claims(user, role).issuer("http://127.0.0.1:1/elsewhere").build(), newKey());
    }

    /** A valid token of {@code user} whose claims were then changed to another role, signature kept. */
    public static String tampered(String user, String role, String forgedRole) {
        String[] parts = token(user, role).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"" + role + "\"", "\"" + forgedRole + "\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    private static JWTClaimsSet.Builder claims(String user, String role) {
        Instant now = CLOCK.instant();
        return new JWTClaimsSet.Builder()
                .issuer(uri())
                .subject(user)
                .audience(List.of(AUDIENCE))
                .claim("roles", List.of(role))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString());
    }

    private static synchronized RSAKey key() {
        uri();
        return key;
    }

    private static String sign(JWTClaimsSet claims, RSAKey signingKey) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serve(String jwks) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String discovery = "{\"issuer\":\"" + base + "\",\"jwks_uri\":\"" + base + "/jwks\","
                    + "\"authorization_endpoint\":\"" + base + "/authorize\",\"token_endpoint\":\"" + base + "/token\","
                    + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                    + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
            server.createContext("/.well-known/openid-configuration", exchange -> reply(exchange, discovery));
            server.createContext("/jwks", exchange -> reply(exchange, jwks));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
