package org.investflow.devstack;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A steady flow of cases through the running services while faults strike: investors submit intentions (each with
 * its own idempotency key) and the officer each is routed to accepts it, one request after the other every
 * {@value #PACE_MILLIS} ms, each case through the next instance of the services in turn (as a load balancer would). It remembers exactly which submissions and acceptances were acknowledged (201, 200);
 * a refused or unanswered request is only counted, never retried while faults last.
 */
final class CaseTraffic implements AutoCloseable {

    private static final long PACE_MILLIS = 150;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> INVESTORS = List.of("investor-de-1", "investor-us-1");

    /** An acknowledged submission: the case, its investor and the officer it was routed to. */
    record Case(String caseId, String investor, String officer) {
    }

    private final List<Map<Service, URI>> instances;
    private final BiFunction<String, String, String> tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService driver = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "case-traffic"));
    private final Map<String, Case> submitted = new ConcurrentHashMap<>();
    private final Map<String, Case> accepted = new ConcurrentHashMap<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger unacknowledged = new AtomicInteger();

    CaseTraffic(List<Map<Service, URI>> instances, BiFunction<String, String, String> tokens) {
        this.instances = List.copyOf(instances);
        this.tokens = tokens;
    }

    CaseTraffic start() {
        driver.scheduleWithFixedDelay(this::oneCase, 0, PACE_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Stops the flow and waits for the request in progress. */
    @Override
    public void close() throws InterruptedException {
        driver.shutdown();
        driver.awaitTermination(30, TimeUnit.SECONDS);
    }

    Map<String, Case> submitted() {
        return Map.copyOf(submitted);
    }

    int acknowledged() {
        return submitted.size() + accepted.size();
    }

    int attempts() {
        return attempts.get();
    }

    int unacknowledged() {
        return unacknowledged.get();
    }

    private void oneCase() {
        int attempt = attempts.getAndIncrement();
        Map<Service, URI> services = instances.get(attempt % instances.size());
        String investor = INVESTORS.get(attempt % INVESTORS.size());
        JsonNode intention = send(post(services, Service.INTAKE, "/api/intentions", investor, form())
                .header("Idempotency-Key", "fault-" + UUID.randomUUID()).build(), 201);
        if (intention != null) {
            Case acknowledged = new Case(intention.path("caseId").asText(), investor, intention.path("assignedOfficerId").asText());
            submitted.put(acknowledged.caseId(), acknowledged);
            if (accept(services, acknowledged) == 200) {
                accepted.put(acknowledged.caseId(), acknowledged);
            }
        }
    }

    /**
     * After the faults: accepts the case if no acceptance was acknowledged while they lasted.
     *
     * @return 200 accepted now, 409 it had been accepted (an unanswered request had got through), else not yet
     */
    int accept(Case acknowledged) {
        return accept(instances.get(0), acknowledged);
    }

    private int accept(Map<Service, URI> services, Case acknowledged) {
        if (accepted.containsKey(acknowledged.caseId())) {
            return 409;
        }
        HttpRequest request = post(services, Service.INTAKE, "/api/intentions/" + acknowledged.caseId() + "/acceptance",
                acknowledged.officer(), "{}").build();
        return status(request);
    }

    /** GET as staff from the first instance; null unless it answered 200. */
    JsonNode read(Service service, String path, String staff) {
        return send(HttpRequest.newBuilder(instances.get(0).get(service).resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + tokens.apply(staff, "")).GET().build(), 200);
    }

    private JsonNode send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == expected) {
                return JSON.readTree(response.body());
            }
        } catch (IOException e) {
            // the service is down or did not answer in time: not acknowledged
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        unacknowledged.incrementAndGet();
        return null;
    }

    private int status(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private HttpRequest.Builder post(Map<Service, URI> services, Service service, String path, String user, String body) {
        return HttpRequest.newBuilder(services.get(service).resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + tokens.apply(user, ""))
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String form() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> form = new HashMap<>(Map.of("companyName", "Fault Tolerant Components " + unique,
                "country", "DE", "registrationNumber", "HRB " + unique, "contactName", "Anna Schmidt",
                "contactEmail", "anna.schmidt@example.de", "contactPhone", "+4930123456", "industryCode", "C29",
                "investmentType", "GREENFIELD", "plannedAmount", new BigDecimal("120000000.00"), "currency", "EUR"));
        form.putAll(Map.of("plannedJobs", 350, "district", "Liangjiang New Area",
                "expectedStart", LocalDate.now().plusMonths(6).toString(), "description", "Drivetrain plant " + unique));
        return JSON.writeValueAsString(form);
    }
}
