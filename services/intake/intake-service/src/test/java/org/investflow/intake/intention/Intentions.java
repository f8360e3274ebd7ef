package org.investflow.intake.intention;

import org.investflow.platform.testkit.LocalClient;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.investflow.platform.testkit.TestIssuer;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.RequestBodySpec;

/** Test data and calls of intake's API, with tokens of the test issuer. */
final class Intentions {

    private final WebTestClient http;

    Intentions(int port) {
        this.http = LocalClient.to(port);
    }

    static Map<String, Object> form() {
        Map<String, Object> form = new HashMap<>();
        form.put("companyName", "Acme Präzision GmbH 重庆 " + UUID.randomUUID().toString().substring(0, 8));
        form.put("country", "DE");
        form.put("registrationNumber", "HRB " + UUID.randomUUID().toString().substring(0, 8));
        form.put("website", "https://acme.example");
        form.put("contactName", "Anna Schmidt");
        form.put("contactEmail", "anna.schmidt@acme.example");
        form.put("contactPhone", "+4930123456");
        form.put("investmentType", "GREENFIELD");
        form.put("expectedStart", java.time.LocalDate.now().plusMonths(6).toString());
        form.put("industryCode", "C29");
        form.put("plannedAmount", new BigDecimal("120000000.00"));
        form.put("currency", "EUR");
        form.put("plannedJobs", 350);
        form.put("district", "Liangjiang New Area");
        form.put("description", "EV drivetrain plant");
        return form;
    }

    WebTestClient http() {
        return http;
    }

    RequestBodySpec as(String user, String role, HttpMethod method, String path) {
        return http.method(method).uri(path).headers(h -> h.setBearerAuth(TestIssuer.token(user, role)))
                .contentType(MediaType.APPLICATION_JSON);
    }

    /** A new intention of {@code investor}, screened and in review; returns its case id. */
    String submit(String investor) {
        return submitted(investor, form()).get("caseId").toString();
    }

    /** Submits {@code form} as {@code investor} and returns the created intention. */
    Map<?, ?> submitted(String investor, Map<String, Object> form) {
        return as(investor, "INVESTOR", HttpMethod.POST, "/api/intentions")
                .header("Idempotency-Key", "key-" + UUID.randomUUID()).bodyValue(form)
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Saves a draft of {@code form} as {@code investor}; returns its case id. */
    String draft(String investor, Map<String, Object> form) {
        return as(investor, "INVESTOR", HttpMethod.POST, "/api/intentions/drafts")
                .header("Idempotency-Key", "key-" + UUID.randomUUID()).bodyValue(form)
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("caseId").toString();
    }

    /** The case as a leader sees it. */
    Map<?, ?> seenByLeader(String caseId) {
        return as("leader-chen", "LEADER", HttpMethod.GET, "/api/intentions/" + caseId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The officer the case was routed to. */
    String officerOf(String caseId) {
        return as("leader-chen", "LEADER", HttpMethod.GET, "/api/intentions/" + caseId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("assignedOfficerId").toString();
    }

    /** Any officer but the one assigned to {@code caseId}. */
    String otherOfficerThan(String caseId) {
        return "officer-li".equals(officerOf(caseId)) ? "officer-wang" : "officer-li";
    }
}
