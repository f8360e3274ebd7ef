package org.investflow.signing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.platform.testkit.GoldenEvents;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.investflow.platform.testkit.TestIssuer;
import org.investflow.platform.testkit.TopicProbe;
import org.investflow.signing.events.SigningEvents;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.RequestBodySpec;

/**
 * Drives the running service as its neighbours and users do: cases arrive as negotiation's golden
 * {@code AgreementReached} (re-addressed to a fresh case, investor and assigned officer), users call
 * the API with bearer tokens of the test issuer. Case ids start with {@code ES-} so they never meet
 * the {@code CQ-} cases of the other integration tests in the shared database.
 */
final class SigningDriver implements AutoCloseable {

    static final String ENVELOPE = "/api/envelopes/{caseId}";
    static final String SIGNATURES = "/api/envelopes/{caseId}/signatures";
    static final String AUDIT = "/api/audit/cases/{caseId}";
    static final String CONTRACT = "/api/envelopes/{caseId}/contract";
    static final String EXECUTED_CONTRACT = "/api/envelopes/{caseId}/executed-contract";
    static final String VERIFICATIONS = "/api/verifications";
    static final String VIEWS = "/api/envelopes/{caseId}/views";
    static final String AUDIT_TRAIL = "/api/envelopes/{caseId}/audit-trail";
    static final String CERTIFICATE = "/api/envelopes/{caseId}/certificate";

    private static final AtomicInteger CASES = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 800_000));

    final WebTestClient http;
    final TopicProbe signing;

    SigningDriver(int port) {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
        signing = TopicProbe.of(SigningEvents.TOPIC);
    }

    /** A case id no test has used, hence unknown to the service until an agreement names it. */
    static String newCase() {
        return String.format("ES-2026-%06d", CASES.incrementAndGet());
    }

    /** A case owned by {@code investor}, assigned to {@code officer}, whose envelope was sent. */
    String sentCase(String investor, String officer) {
        String caseId = newCase();
        SharedInfrastructure.send(GoldenEvents.record(NegotiationEvents.CATALOG, NegotiationEvents.AGREEMENT_REACHED,
                Map.of("caseId", caseId, "investorId", investor, "officerId", officer)));
        signing.await(caseId, SigningEvents.ENVELOPE_SENT);
        return caseId;
    }

    /** As {@link #sentCase} and signed by its investor, so it waits for the commission's signature. */
    String partiallySignedCase(String investor, String officer) {
        String caseId = sentCase(investor, officer);
        sign(investor, "INVESTOR", caseId, "Investor " + investor).expectStatus().isOk();
        return caseId;
    }

    /** As {@link #partiallySignedCase} and signed by its officer too: executed. */
    String executedCase(String investor, String officer) {
        String caseId = partiallySignedCase(investor, officer);
        sign(officer, "OFFICER", caseId, "李伟 " + officer).expectStatus().isOk();
        return caseId;
    }

    RequestBodySpec as(String user, String role, HttpMethod method, String template, String caseId) {
        return http.method(method).uri(template, caseId).headers(h -> h.setBearerAuth(TestIssuer.token(user, role)))
                .contentType(MediaType.APPLICATION_JSON);
    }

    WebTestClient.ResponseSpec sign(String user, String role, String caseId, String typedName) {
        return as(user, role, HttpMethod.POST, SIGNATURES, caseId).bodyValue(Map.of("typedName", typedName)).exchange();
    }

    /** The CloudEvents types published for {@code caseId} so far, in order (call after an await). */
    List<String> typesSeenFor(String caseId) {
        return signing.seenFor(caseId).stream().map(record -> TopicProbe.header(record, "ce_type")).toList();
    }

    @Override
    public void close() {
        signing.close();
    }
}
