package org.investflow.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.investflow.signing.envelope.Envelope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16's probes against e-signature: no signing credential at rest in clear (a link or code waiting in
 * the mail outbox during an SMTP outage is not readable in the stored envelope, and no code is in a
 * subject line), and the audit trail records the client's address behind a trusted proxy, not the proxy's.
 */
class SigningSecretsTest extends SigningHttpTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aQueuedInvitationAndCodeAreNotStoredInClearAndNoSubjectCarriesACode() {
        String caseId;
        String storedWithInvitation;
        TestMail.stop();
        try {
            caseId = driver.sentCase("investor-secret", "officer-secret");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pendingMails(caseId) > 0);
            storedWithInvitation = stored(caseId);
        } finally {
            TestMail.restart();
        }
        String token = TestMail.awaitLink("investor-secret", caseId);
        Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> pendingMails(caseId) == 0);

        String storedWithCode;
        TestMail.stop();
        try {
            // the answer says where the code went, masked: holding the link reveals no full address
            driver.link(SigningDriver.LINK_CODES, Map.of("token", token)).expectStatus().isAccepted()
                    .expectBody().jsonPath("$.sentTo").isEqualTo("i***@users.investflow.local")
                    .jsonPath("$.validUntil").isNotEmpty();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pendingMails(caseId) > 0);
            storedWithCode = stored(caseId);
        } finally {
            TestMail.restart();
        }
        String code = TestMail.awaitCode("investor-secret", caseId, 0);

        assertThat(storedWithInvitation).contains("mails").doesNotContain(token);
        assertThat(storedWithCode).doesNotContain(token).doesNotContain(code);
        assertThat(TestMail.about("investor-secret", caseId)).map(TestMail::subject).noneMatch(subject -> subject.contains(code));
    }

    @Test
    void theAuditTrailRecordsTheClientBehindATrustedProxy() {
        String caseId = driver.sentCase("investor-proxied", "officer-proxied");
        String token = TestMail.awaitLink("investor-proxied", caseId);
        String code = driver.code("investor-proxied", caseId, token);

        driver.http.post().uri(SigningDriver.LINK_SIGNATURES).header("X-Forwarded-For", "203.0.113.77")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "code", code, "typedName", "Anna Schmidt", "consent", true))
                .exchange().expectStatus().isOk();

        JsonNode entries = JSON.readTree(driver.as("investor-proxied", "INVESTOR", HttpMethod.GET,
                "/api/envelopes/{caseId}/audit-trail", caseId).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody()).get("entries");
        assertThat(entries.valueStream().map(entry -> entry.path("clientAddress").asString()).toList()).contains("203.0.113.77");
    }

    /** Every envelope document of the case as MongoDB holds it, as relaxed extended JSON. */
    private String stored(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId)), Document.class, "envelopes")
                .map(Document::toJson).collect(Collectors.joining("\n")).block(Duration.ofSeconds(10));
    }

    private long pendingMails(String caseId) {
        return mongo.findOne(Query.query(Criteria.where("caseId").is(caseId)), Envelope.class).map(envelope -> envelope.mails().size())
                .defaultIfEmpty(-1).block();
    }
}
