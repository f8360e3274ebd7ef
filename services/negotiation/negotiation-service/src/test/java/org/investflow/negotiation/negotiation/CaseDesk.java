package org.investflow.negotiation.negotiation;

import org.investflow.platform.testkit.LocalClient;
import java.time.Duration;
import java.util.function.Consumer;

import org.awaitility.Awaitility;
import org.investflow.negotiation.negotiation.persistence.NegotiationRepository;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.investflow.platform.testkit.TestIssuer;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Prepares cases the way production does (intake's golden acceptance on the broker, proposals through
 * the API) and reads back what negotiation stored, for the authorization and input tests.
 */
final class CaseDesk {

    private final WebTestClient http;
    private final NegotiationRepository negotiations;

    CaseDesk(int port, NegotiationRepository negotiations) {
        this.http = LocalClient.to(port);
        this.negotiations = negotiations;
    }

    WebTestClient http() {
        return http;
    }

    /** A valid bearer token of {@code user} in {@code role}, as a header setter. */
    static Consumer<HttpHeaders> bearer(String user, String role) {
        return headers -> headers.setBearerAuth(TestIssuer.token(user, role));
    }

    /** A fresh case of {@code investor} assigned to {@code officer}, opened and its opening published. */
    String opened(String investor, String officer) {
        String caseId = Cases.fresh();
        SharedInfrastructure.send(Cases.accepted(caseId, investor, officer));
        return settled(caseId);
    }

    /** A fresh case with term-sheet version 1 on the table, proposed by its officer and published. */
    String proposed(String investor, String officer) {
        String caseId = opened(investor, officer);
        propose(caseId, officer).expectStatus().isCreated();
        return settled(caseId);
    }

    /** A fresh case with version 1 by its officer countered by its investor as version 2. */
    String countered(String investor, String officer) {
        String caseId = proposed(investor, officer);
        http.post().uri("/api/negotiations/{caseId}/proposals", caseId).headers(bearer(investor, "INVESTOR"))
                .bodyValue(Cases.terms("110000000.00")).exchange().expectStatus().isCreated();
        return settled(caseId);
    }

    /** A fresh case whose version 1, by its officer, exceeds the incentive policy and waits for approval. */
    String awaitingApproval(String investor, String officer) {
        String caseId = opened(investor, officer);
        http.post().uri("/api/negotiations/{caseId}/proposals", caseId).headers(bearer(officer, "OFFICER"))
                .bodyValue(Cases.generousTerms()).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.standing").isEqualTo("PENDING_APPROVAL");
        return settled(caseId);
    }

    /**
     * Waits until the case exists and the outbox relay has published (and removed) its events. The
     * relay's removal bumps the optimistic-lock version, so only a settled case has a version that
     * a test can compare before and after a refused request.
     */
    String settled(String caseId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> negotiations.findById(caseId).map(negotiation -> negotiation.outbox().isEmpty())
                        .defaultIfEmpty(false).block());
        return caseId;
    }

    WebTestClient.ResponseSpec propose(String caseId, String officer) {
        return http.post().uri("/api/negotiations/{caseId}/proposals", caseId).headers(bearer(officer, "OFFICER"))
                .bodyValue(Cases.terms()).exchange();
    }

    WebTestClient.ResponseSpec accept(String caseId, int version, String investor) {
        return http.post().uri("/api/negotiations/{caseId}/proposals/{version}/acceptance", caseId, version)
                .headers(bearer(investor, "INVESTOR")).exchange();
    }

    /** The negotiation as stored, with its optimistic-lock version, outbox and audit history. */
    Negotiation stored(String caseId) {
        return negotiations.findById(caseId).block(Duration.ofSeconds(10));
    }
}
