package org.investflow.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Logs in as a demo user the way a browser does, against the local issuer: the authorization-code flow
 * with PKCE (S256) through the real login form, then the code for an access token. Plain JDK HTTP with
 * a cookie jar per login, so callers (the local demo, the end-to-end test, the benchmarks, the CLI) need
 * no Spring. Every unexpected answer fails with a {@link DemoLoginException} naming the step, the URL
 * and the HTTP status.
 *
 * <pre>
 * GET  /oauth2/authorize ──302──► GET /login (form, _csrf) ──► POST /login ──302──► GET /oauth2/authorize
 *      ──302──► redirect URI?code=… (not followed) ──► POST /oauth2/token (code, code_verifier) ──► access_token
 * </pre>
 */
public final class DemoLogin {

    /** The password of every demo user (local stack and development realm only). */
    public static final String DEMO_PASSWORD = "demo";
    /** The command-line client: public, PKCE, its redirect URI is never followed. */
    public static final String CLI_CLIENT_ID = "investflow-cli";
    public static final String CLI_REDIRECT_URI = "http://127.0.0.1:9000/cli/callback";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http;
    private final URI issuer;
    private final String clientId;
    private final String clientSecret;
    private final String redirectUri;
    private final String codeVerifier = randomToken();
    private final String state = randomToken();

    private DemoLogin(URI issuer, String clientId, String clientSecret, String redirectUri) {
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        this.issuer = issuer;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
    }

    /** An access token for a demo user with the password {@value #DEMO_PASSWORD}, through the CLI client. */
    public static String accessToken(URI issuer, String username) {
        return accessToken(issuer, CLI_CLIENT_ID, CLI_REDIRECT_URI, username, DEMO_PASSWORD);
    }

    /**
     * An access token (a signed JWT) for {@code username}, obtained from the issuer through the
     * authorization-code flow with PKCE for the public client {@code clientId}.
     *
     * @throws DemoLoginException if any step answers other than a browser would expect: unknown client,
     *                            wrong password, unreachable issuer, timeout
     */
    public static String accessToken(URI issuer, String clientId, String redirectUri, String username, String password) {
        return new DemoLogin(withoutTrailingSlash(issuer), clientId, null, redirectUri).logIn(username, password);
    }

    /**
     * The same for a confidential client (the portal's backend-for-frontend), which authenticates at the
     * token endpoint with {@code clientSecret} (HTTP Basic) besides the PKCE verifier.
     */
    public static String accessToken(URI issuer, String clientId, String clientSecret, String redirectUri, String username,
                                     String password) {
        return new DemoLogin(withoutTrailingSlash(issuer), clientId, clientSecret, redirectUri).logIn(username, password);
    }

    private String logIn(String username, String password) {
        URI loginPage = redirectOf(send("authorization request", get(authorizationRequest())));
        String csrfToken = csrfToken(expectOk(send("login page", get(loginPage))));
        URI afterLogin = redirectOf(send("login of " + username, post(withoutQuery(loginPage),
                Map.of("username", username, "password", password, "_csrf", csrfToken))));
        if (afterLogin.getPath().endsWith("/login")) {
            throw new DemoLoginException("login of " + username + " at " + loginPage + " was refused (wrong username or password?): redirected to " + afterLogin);
        }
        URI callback = redirectOf(send("authorization after login", get(afterLogin)));
        String code = authorizationCode(callback);
        HttpRequest tokenRequest = post(URI.create(issuer + "/oauth2/token"), tokenRequest(code));
        return accessTokenOf(expectOk(send("token request", clientSecret == null ? tokenRequest : withBasicAuth(tokenRequest))));
    }

    private URI authorizationRequest() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", clientId);
        parameters.put("redirect_uri", redirectUri);
        parameters.put("scope", "openid profile");
        parameters.put("state", state);
        parameters.put("code_challenge", codeChallenge(codeVerifier));
        parameters.put("code_challenge_method", "S256");
        return URI.create(issuer + "/oauth2/authorize?" + form(parameters));
    }

    private Map<String, String> tokenRequest(String code) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("grant_type", "authorization_code");
        parameters.put("code", code);
        parameters.put("redirect_uri", redirectUri);
        parameters.put("client_id", clientId);
        parameters.put("code_verifier", codeVerifier);
        return parameters;
    }

    private HttpRequest withBasicAuth(HttpRequest request) {
        String credentials = encode(clientId) + ":" + encode(clientSecret);
        return HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    private String authorizationCode(URI callback) {
        if (!callback.toString().startsWith(redirectUri)) {
            throw new DemoLoginException("authorization after login redirected to " + callback + ", expected " + redirectUri);
        }
        Map<String, String> parameters = queryOf(callback);
        if (parameters.containsKey("error")) {
            throw new DemoLoginException("authorization refused: " + parameters.get("error") + " "
                    + parameters.getOrDefault("error_description", "") + " (" + callback + ")");
        }
        if (!state.equals(parameters.get("state"))) {
            throw new DemoLoginException("authorization response " + callback + " does not carry the state sent");
        }
        return Optional.ofNullable(parameters.get("code"))
                .orElseThrow(() -> new DemoLoginException("authorization response " + callback + " carries no code"));
    }

    private HttpResponse<String> send(String step, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DemoLoginException(step + ": " + request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoLoginException(step + ": interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private static URI redirectOf(HttpResponse<String> response) {
        Optional<String> location = response.headers().firstValue("Location");
        if (response.statusCode() / 100 != 3 || location.isEmpty()) {
            throw unexpected(response, "a redirect");
        }
        return response.uri().resolve(location.get());
    }

    private static HttpResponse<String> expectOk(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw unexpected(response, "200");
        }
        return response;
    }

    private static DemoLoginException unexpected(HttpResponse<String> response, String expected) {
        String body = response.body() == null ? "" : response.body().strip();
        return new DemoLoginException(response.request().method() + " " + response.uri() + " answered " + response.statusCode()
                + response.headers().firstValue("Location").map(location -> " (Location: " + location + ")").orElse("")
                + ", expected " + expected + (body.isEmpty() ? "" : ": " + body.substring(0, Math.min(300, body.length()))));
    }

    private static String csrfToken(HttpResponse<String> loginPage) {
        Matcher inputs = INPUT.matcher(loginPage.body());
        while (inputs.find()) {
            String input = inputs.group();
            Matcher value = VALUE.matcher(input);
            if (input.contains("name=\"_csrf\"") && value.find()) {
                return value.group(1);
            }
        }
        throw new DemoLoginException("login page " + loginPage.uri() + " has no _csrf input");
    }

    private static String accessTokenOf(HttpResponse<String> tokenResponse) {
        Matcher token = ACCESS_TOKEN.matcher(tokenResponse.body());
        if (!token.find()) {
            throw new DemoLoginException("token response from " + tokenResponse.uri() + " carries no access_token");
        }
        return token.group(1);
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "text/html").GET().build();
    }

    private static HttpRequest post(URI uri, Map<String, String> form) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)))
                .build();
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> queryOf(URI uri) {
        String query = Optional.ofNullable(uri.getRawQuery()).orElse("");
        return Arrays.stream(query.split("&"))
                .filter(pair -> !pair.isEmpty())
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> decode(pair[0]), pair -> pair.length > 1 ? decode(pair[1]) : "", (a, b) -> a));
    }

    private static String codeChallenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static URI withoutQuery(URI uri) {
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath());
    }

    private static URI withoutTrailingSlash(URI issuer) {
        String value = issuer.toString();
        return value.endsWith("/") ? URI.create(value.substring(0, value.length() - 1)) : issuer;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
