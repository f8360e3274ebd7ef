package org.investflow.devstack;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import org.investflow.identity.DemoLogin;

/**
 * Bearer tokens of the local issuer's demo users, obtained by really logging in (authorization code
 * with PKCE, as the portal does) once per user and reused; the role is the user's own.
 */
public final class DemoTokens implements BiFunction<String, String, String> {

    private final URI issuer;
    private final Map<String, String> byUser = new ConcurrentHashMap<>();

    public DemoTokens(URI issuer) {
        this.issuer = issuer;
    }

    @Override
    public String apply(String user, String role) {
        return byUser.computeIfAbsent(user, name -> DemoLogin.accessToken(issuer, name));
    }

    /** Prints an access token of the demo user named by the argument: {@code ./investflow token investor-de-1}. */
    public static void main(String[] args) {
        String user = args.length > 0 ? args[0] : "investor-de-1";
        System.out.println(DemoLogin.accessToken(URI.create(System.getProperty("investflow.issuer", "http://127.0.0.1:9000")), user));
    }
}
