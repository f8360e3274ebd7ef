package org.investflow.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logs a user in at Keycloak the way a browser does, through one of the realm's clients: the
 * authorization-code flow with PKCE (S256), the user's name and password typed into Keycloak's own login
 * form, the code exchanged for the access token (by a confidential client with its secret). No password
 * grant: the realm's clients do not allow one.
 *
 * <pre>
 * GET /protocol/openid-connect/auth ──200──► login form ──POST username, password──► 302 redirect URI?code=…
 *     (not followed) ──► POST /protocol/openid-connect/token (code, code_verifier[, client secret]) ──► access_token
 * </pre>
 */
final class KeycloakLogin {

    static final String CLI = "investflow-cli";
    static final String CLI_REDIRECT = "http://127.0.0.1:9000/cli/callback";
    static final String PORTAL = "investflow-portal";
    static final String PORTAL_REDIRECT = "http://localhost:8085/login/oauth2/code/investflow";

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI issuer;
    private final String clientId;
    private final String clientSecret;
    private final String redirectUri;
    private final String verifier = random();
    private final String state = random();
    /**
     * The browser's cookies for Keycloak. Keycloak marks its session cookies {@code Secure} even over HTTP
     * (browsers treat a loopback address as a secure context and send them); the JDK's CookieManager would
     * not, so the login keeps them itself.
     */
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private KeycloakLogin(URI issuer, String clientId, String clientSecret, String redirectUri) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
    }

    /** An access token through the public command-line client. */
    static String cli(URI issuer, String username, String password) {
        return new KeycloakLogin(issuer, CLI, null, CLI_REDIRECT).accessToken(username, password);
    }

    /** An access token through the portal's confidential client, which authenticates with its secret. */
    static String portal(URI issuer, String secret, String username, String password) {
        return new KeycloakLogin(issuer, PORTAL, secret, PORTAL_REDIRECT).accessToken(username, password);
    }

    private String accessToken(String username, String password) {
        Map<String, String> authorization = Map.of("response_type", "code", "client_id", clientId, "redirect_uri", redirectUri,
                "scope", "openid", "state", state, "code_challenge", challenge(verifier), "code_challenge_method", "S256");
        HttpResponse<String> loginPage = send(HttpRequest.newBuilder(
                URI.create(issuer + "/protocol/openid-connect/auth?" + form(authorization))).GET());
        expect(loginPage, 200);
        HttpResponse<String> loggedIn = send(post(loginAction(loginPage), Map.of("username", username, "password", password,
                "credentialId", "")));
        expect(loggedIn, 302);
        Map<String, String> callback = query(URI.create(loggedIn.headers().firstValue("Location").orElseThrow()), redirectUri);
        if (!state.equals(callback.get("state")) || !callback.containsKey("code")) {
            throw new IllegalStateException("authorization response for " + username + " without the state sent or a code: " + callback);
        }
        Map<String, String> exchange = Map.of("grant_type", "authorization_code", "code", callback.get("code"),
                "redirect_uri", redirectUri, "client_id", clientId, "code_verifier", verifier);
        HttpRequest.Builder tokenRequest = post(URI.create(issuer + "/protocol/openid-connect/token"), exchange);
        if (clientSecret != null) {
            tokenRequest.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (encode(clientId) + ":" + encode(clientSecret)).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> token = send(tokenRequest);
        expect(token, 200);
        return JSON.readTree(token.body()).path("access_token").asString();
    }

    /** The login form's target: Keycloak's login-actions URL with the session's code and tab id. */
    private static URI loginAction(HttpResponse<String> loginPage) {
        Matcher form = LOGIN_FORM.matcher(loginPage.body());
        if (!form.find()) {
            throw new IllegalStateException("no login form at " + loginPage.uri());
        }
        Matcher action = ACTION.matcher(form.group());
        if (!action.find()) {
            throw new IllegalStateException("login form without an action at " + loginPage.uri());
        }
        return URI.create(action.group(1).replace("&amp;", "&"));
    }

    private static Map<String, String> query(URI callback, String redirectUri) {
        if (!callback.toString().startsWith(redirectUri + "?")) {
            throw new IllegalStateException("login redirected to " + callback + ", not to " + redirectUri);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : callback.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    /** The JSON body of an answer of the expected status. */
    static JsonNode json(HttpResponse<String> response) {
        expect(response, 200);
        return JSON.readTree(response.body());
    }

    static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            String body = response.body() == null ? "" : response.body();
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered " + response.statusCode()
                    + " instead of " + status + ": " + body.substring(0, Math.min(400, body.length())));
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(this::keep);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void keep(String setCookie) {
        String[] nameAndValue = setCookie.split(";", 2)[0].split("=", 2);
        if (nameAndValue.length == 2) {
            cookies.put(nameAndValue[0].strip(), nameAndValue[1].strip());
        }
    }

    static HttpRequest.Builder post(URI uri, Map<String, String> parameters) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters)));
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
