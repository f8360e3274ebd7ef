package org.investflow.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.investflow.platform.events.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' HTTP APIs as a {@link CaseJourney} calls them: as a user in a role with a bearer
 * token, without one on e-signature's open signing-link API, and waiting for what another service
 * does after an event. Every call expects a 2xx answer and fails loudly otherwise.
 */
final class ServiceCalls {

    static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<Service, URI> services;
    private final BiFunction<String, String, String> tokens;
    /** Who reads while waiting for another service's work: staff see every case. */
    private final String officer;
    private final HttpClient http = HttpClient.newHttpClient();

    ServiceCalls(Map<Service, URI> services, BiFunction<String, String, String> tokens, String officer) {
        this.services = services;
        this.tokens = tokens;
        this.officer = officer;
    }

    JsonNode get(Service service, String path, String user, Role role) {
        return expect2xx(request(service, path, user, role).GET().build());
    }

    JsonNode post(Service service, String path, String user, Role role, Map<String, Object> body) {
        return expect2xx(request(service, path, user, role)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    /** Waits until {@code path} answers 200. */
    JsonNode awaitFound(Service service, String path) {
        return awaitUntil(service, path, body -> true);
    }

    /** Waits until {@code path} answers 200 with a body that satisfies {@code wanted}. */
    JsonNode awaitUntil(Service service, String path, Predicate<JsonNode> wanted) {
        return Awaitility.await().atMost(STEP_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> tryGet(service, path), body -> body != null && wanted.test(body));
    }

    private JsonNode tryGet(Service service, String path) {
        HttpResponse<String> response = send(request(service, path, officer, Role.OFFICER).GET().build());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    /** A request to e-signature's open signing-link API: no bearer token, the link is the credential. */
    JsonNode postOpen(String path, Map<String, Object> body) {
        return expect2xx(open(path, body));
    }

    /** As {@link #postOpen} for an answer that is a document, not JSON. */
    byte[] postOpenForBytes(String path, Map<String, Object> body) {
        return sendForBytes(open(path, body));
    }

    /** A PDF posted to e-signature's open verification API. */
    JsonNode verify(byte[] pdf) {
        return expect2xx(HttpRequest.newBuilder(services.get(Service.E_SIGNATURE).resolve("/api/verifications"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).build());
    }

    byte[] getBytes(Service service, String path, String user, Role role) {
        return sendForBytes(request(service, path, user, role).GET().build());
    }

    HttpRequest.Builder request(Service service, String path, String user, Role role) {
        return HttpRequest.newBuilder(services.get(service).resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.apply(user, role.name()));
    }

    static String json(Object body) {
        return JSON.writeValueAsString(body);
    }

    private HttpRequest open(String path, Map<String, Object> body) {
        return HttpRequest.newBuilder(services.get(Service.E_SIGNATURE).resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    JsonNode expect2xx(HttpRequest request) {
        HttpResponse<String> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private byte[] sendForBytes(HttpRequest request) {
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        return exchange(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
