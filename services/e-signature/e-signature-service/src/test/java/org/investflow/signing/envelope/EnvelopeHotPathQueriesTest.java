package org.investflow.signing.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.signing.SigningDriver.ENVELOPE;
import static org.investflow.signing.SigningDriver.LINK_VIEWS;
import static org.investflow.signing.SigningDriver.VIEWS;
import static org.investflow.signing.SigningDriver.VOIDS;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.BsonDocument;
import org.investflow.negotiation.events.AgreementReached;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.platform.domain.CaseId;
import org.investflow.platform.messaging.EventMetadata;
import org.investflow.platform.testkit.GoldenEvents;
import org.investflow.platform.testkit.QueryLog;
import org.investflow.platform.testkit.ServingIndexes;
import org.investflow.signing.SigningDriver;
import org.investflow.signing.SigningHttpTest;
import org.investflow.signing.TestMail;
import org.investflow.signing.envelope.persistence.EnvelopeRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The database queries of e-signature's command paths (an agreement arriving, a new agreement superseding the open
 * envelope, the signer's link steps, staff viewing and voiding), listed and each checked against the unique indexes
 * that must serve it: a query no index serves would scan the envelopes on every request. With {@code -Pcontainers}
 * (a real MongoDB) each query's plan is also asked for and must not scan a collection.
 */
class EnvelopeHotPathQueriesTest extends SigningHttpTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every query shape of those paths: a new one must be added here, and be served. */
    private static final Set<String> HOT_PATH = Set.of(
            "find case_envelopes {_id}",
            "find envelopes {_id:$in}",
            "find envelopes {caseId, agreementId}",
            "find envelopes {_id}",
            "find signing_links {_id}",
            "update case_envelopes {_id}",
            "update signing_links {_id}",
            "update envelopes {_id, version}");

    @Autowired
    QueryLog log;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    EnvelopeService envelopes;
    @Autowired
    EnvelopeRepository stored;

    @Test
    void everyQueryOfTheCommandPathsIsServedByAUniqueIndex() {
        String caseId = SigningDriver.newCase();
        log.start();
        journey(caseId);
        List<QueryLog.Query> queries = log.stop();

        ServingIndexes.assertServedHotPath(mongo, queries, HOT_PATH);
    }

    @Test
    void theQueriesTheKeysReplacedWouldHaveScanned() {
        ServingIndexes indexes = ServingIndexes.of(mongo).block(WAIT);
        assertThat(indexes.serving(new QueryLog.Query("find", "envelopes",
                BsonDocument.parse("{caseId: 'ES-2026-000001', status: {$in: ['SENT']}}"), "test"))).isEmpty();
        assertThat(indexes.serving(new QueryLog.Query("find", "envelopes",
                BsonDocument.parse("{'links.issued.tokenHash': 'ab12'}"), "test"))).isEmpty();
    }

    /** An agreement, the investor's link steps, staff views, a second agreement superseding the first envelope, a void. */
    private void journey(String caseId) {
        agree(caseId, "agreement-1");
        String token = TestMail.awaitLink("investor-hp", caseId);
        String code = driver.code("investor-hp", caseId, token);
        driver.link(LINK_VIEWS, Map.of("token", token, "code", code)).expectStatus().isOk();
        driver.as("investor-hp", "INVESTOR", HttpMethod.GET, ENVELOPE, caseId).exchange().expectStatus().isOk();
        driver.as("investor-hp", "INVESTOR", HttpMethod.POST, VIEWS, caseId).exchange().expectStatus().isNoContent();
        String first = stored.findFirstByCaseIdOrderBySentAtDesc(caseId).block(WAIT).envelopeId();

        agree(caseId, "agreement-2");
        assertThat(stored.findById(first).block(WAIT).status()).isEqualTo(EnvelopeStatus.VOIDED);
        driver.as("officer-hp", "OFFICER", HttpMethod.POST, VOIDS, caseId).bodyValue(Map.of("reason", "Terms withdrawn"))
                .exchange().expectStatus().isOk();
        driver.link(LINK_VIEWS, Map.of("token", token, "code", code)).expectStatus().isNotFound();
    }

    /** What the consumer does with an {@code AgreementReached}, its queries tagged as that event's. */
    private void agree(String caseId, String agreementId) {
        ObjectNode body = (ObjectNode) JSON.readTree(GoldenEvents.example(NegotiationEvents.CATALOG, NegotiationEvents.AGREEMENT_REACHED));
        body.put("caseId", caseId).put("investorId", "investor-hp").put("officerId", "officer-hp").put("agreementId", agreementId);
        AgreementReached reached = JSON.treeToValue(body, AgreementReached.class);
        envelopes.send(reached, new EventMetadata(UUID.randomUUID().toString(), NegotiationEvents.AGREEMENT_REACHED, CaseId.of(caseId),
                        Instant.now()))
                .contextWrite(context -> context.put(QueryLog.REQUEST, "AgreementReached " + agreementId))
                .block(WAIT);
    }
}
