package org.investflow.intake.intention;

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
        this.http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    static Map<String, Object> form() {
        Map<String, Object> form = new HashMap<>();
        form.put("companyName", "Acme Präzision GmbH 重庆");
        form.put("country", "DE");
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

    /** A new SUBMITTED intention of {@code investor}; returns its case id. */
    String submit(String investor) {
        return as(investor, "INVESTOR", HttpMethod.POST, "/api/intentions")
                .header("Idempotency-Key", "key-" + UUID.randomUUID()).bodyValue(form())
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("caseId").toString();
    }
}
