package org.investflow.signing.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.signing.SigningDriver.ENVELOPE;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.investflow.platform.scheduling.SchedulerLease;
import org.investflow.signing.SigningDriver;
import org.investflow.signing.SigningHttpTest;
import org.investflow.signing.TestMail;
import org.investflow.signing.envelope.persistence.EnvelopeKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;

/**
 * Envelopes stored before their keys existed (the keys' collections emptied here, as on a database of an earlier
 * release) are not found by case or by link until the one-time backfill files them; then they are, and the backfill
 * does not run twice.
 */
class EnvelopeKeysBackfillTest extends SigningHttpTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    EnvelopeKeys keys;
    @Autowired
    SchedulerLease lease;
    @Autowired
    Clock clock;

    @Test
    void anEnvelopeOfAnEarlierReleaseIsFoundByCaseAndLinkOnceBackfilled() {
        String caseId = driver.sentCase("investor-bf", "officer-bf");
        String token = TestMail.awaitLink("investor-bf", caseId);
        mongo.remove(new Query(), "case_envelopes").block(WAIT);
        mongo.remove(new Query(), "signing_links").block(WAIT);
        driver.as("investor-bf", "INVESTOR", HttpMethod.GET, ENVELOPE, caseId).exchange().expectStatus().isNotFound();
        driver.link(SigningDriver.LINK_CODES, Map.of("token", token)).expectStatus().isNotFound();

        assertThat(keys.backfillOnce(lease, clock).block(WAIT)).isTrue();

        driver.as("investor-bf", "INVESTOR", HttpMethod.GET, ENVELOPE, caseId).exchange().expectStatus().isOk();
        assertThat(driver.code("investor-bf", caseId, token)).matches("[0-9]{6}");
        assertThat(keys.backfillOnce(lease, clock).block(WAIT)).as("a second run").isFalse();
    }
}
