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
 * the API with bearer tokens of the test issuer and sign through the links and codes mailed to them
 * (read back from the tests' SMTP server, {@link TestMail}). Case ids start with {@code ES-} so they never meet
 * the {@code CQ-} cases of the other integration tests in the shared database.
 */
public final class SigningDriver implements AutoCloseable {

    public static final String ENVELOPE = "/api/envelopes/{caseId}";
    public static final String VOIDS = "/api/envelopes/{caseId}/voids";
    public static final String LINK_CODES = "/api/signing-links/codes";
    public static final String LINK_VIEWS = "/api/signing-links/views";
    public static final String LINK_SIGNATURES = "/api/signing-links/signatures";
    public static final String LINK_DECLINES = "/api/signing-links/declines";
    public static final String AUDIT = "/api/audit/cases/{caseId}";
    public static final String CONTRACT = "/api/envelopes/{caseId}/contract";
    public static final String EXECUTED_CONTRACT = "/api/envelopes/{caseId}/executed-contract";
    public static final String VERIFICATIONS = "/api/verifications";
    public static final String VIEWS = "/api/envelopes/{caseId}/views";
    public static final String AUDIT_TRAIL = "/api/envelopes/{caseId}/audit-trail";
    public static final String CERTIFICATE = "/api/envelopes/{caseId}/certificate";

    /** The default district representative (the service's default configuration); their mail arrives like a user's. */
    public static final String DISTRICT = "district-representative";

    private static final AtomicInteger CASES = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 800_000));

    public final WebTestClient http;
    public final TopicProbe signing;

    public SigningDriver(int port) {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
        signing = TopicProbe.of(SigningEvents.TOPIC);
    }

    /** A case id no test has used, hence unknown to the service until an agreement names it. */
    public static String newCase() {
        return String.format("ES-2026-%06d", CASES.incrementAndGet());
    }

    /** A case owned by {@code investor}, assigned to {@code officer}, whose envelope was sent. */
    public String sentCase(String investor, String officer) {
        String caseId = newCase();
        SharedInfrastructure.send(GoldenEvents.record(NegotiationEvents.CATALOG, NegotiationEvents.AGREEMENT_REACHED,
                Map.of("caseId", caseId, "investorId", investor, "officerId", officer)));
        signing.await(caseId, SigningEvents.ENVELOPE_SENT);
        return caseId;
    }

    /** As {@link #sentCase} and signed by its investor, so it waits for the commission's signature. */
    public String partiallySignedCase(String investor, String officer) {
        String caseId = sentCase(investor, officer);
        sign(investor, caseId, "Investor " + investor).expectStatus().isOk();
        return caseId;
    }

    /** As {@link #partiallySignedCase} and signed by its officer and the district's representative too: sealed and executed. */
    public String executedCase(String investor, String officer) {
        String caseId = partiallySignedCase(investor, officer);
        sign(officer, caseId, "李伟 " + officer).expectStatus().isOk();
        sign(DISTRICT, caseId, "周敏").expectStatus().isOk();
        signing.await(caseId, SigningEvents.CONTRACT_EXECUTED);
        return caseId;
    }

    public RequestBodySpec as(String user, String role, HttpMethod method, String template, String caseId) {
        return http.method(method).uri(template, caseId).headers(h -> h.setBearerAuth(TestIssuer.token(user, role)))
                .contentType(MediaType.APPLICATION_JSON);
    }

    /** {@code user} signs as a signer does: the link from their invitation, a code by mail, then the signature. */
    public WebTestClient.ResponseSpec sign(String user, String caseId, String typedName) {
        String token = TestMail.awaitLink(user, caseId);
        return link(LINK_SIGNATURES, Map.of("token", token, "code", code(user, caseId, token), "typedName", typedName, "consent", true));
    }

    /** {@code user} declines through their link with a code. */
    public WebTestClient.ResponseSpec decline(String user, String caseId, String reason) {
        String token = TestMail.awaitLink(user, caseId);
        return link(LINK_DECLINES, Map.of("token", token, "code", code(user, caseId, token), "category", "TERMS", "reason", reason));
    }

    /** Asks for a code with {@code token} and reads it from {@code user}'s mail. */
    public String code(String user, String caseId, String token) {
        int before = TestMail.codes(user, caseId);
        link(LINK_CODES, Map.of("token", token)).expectStatus().isAccepted();
        return TestMail.awaitCode(user, caseId, before);
    }

    /** A raw body of type {@code contentType} to a public link endpoint, without a bearer token. */
    public WebTestClient.ResponseSpec link(String path, String body, String contentType) {
        return http.post().uri(path).contentType(MediaType.parseMediaType(contentType)).bodyValue(body).exchange();
    }

    /** A call of a public link endpoint, without a bearer token. */
    public WebTestClient.ResponseSpec link(String path, Object body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** The CloudEvents types published for {@code caseId} so far, in order (call after an await). */
    public List<String> typesSeenFor(String caseId) {
        return signing.seenFor(caseId).stream().map(record -> TopicProbe.header(record, "ce_type")).toList();
    }

    @Override
    public void close() {
        signing.close();
    }
}
