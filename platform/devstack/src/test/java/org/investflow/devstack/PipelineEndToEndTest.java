package org.investflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.investflow.intake.events.IntakeEvents;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.investflow.platform.testkit.TopicProbe;
import org.investflow.signing.events.SigningEvents;
import org.investflow.tracking.events.TrackingEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * All four services in this JVM on one real Kafka broker and one MongoDB-wire server: one case is
 * driven over HTTP from intention to LANDED, every hop crossing Kafka as CloudEvents.
 */
class PipelineEndToEndTest {

    static ServiceFleet fleet;

    @BeforeAll
    static void startTheSystem() {
        fleet = ServiceFleet.start(SharedInfrastructure.bootstrapServers(), SharedInfrastructure.mongoAddress(),
                port -> 0, Map.of("spring.main.banner-mode", "off"));
    }

    @AfterAll
    static void stopTheSystem() {
        fleet.close();
    }

    @Test
    void aCaseTravelsFromIntentionToLandedAndTheFunnelCountsIt() {
        CaseJourney journey = new CaseJourney(fleet.baseUris(), "investor-e2e", "officer-e2e", line -> { });
        long landedBefore = reached(journey.funnel(), "LANDED");

        String caseId = journey.run();

        assertThat(reached(journey.funnel(), "LANDED")).isEqualTo(landedBefore + 1);
        assertThat(typesOn(IntakeEvents.TOPIC, caseId, IntakeEvents.INTENTION_ACCEPTED))
                .containsExactly(IntakeEvents.INTENTION_SUBMITTED, IntakeEvents.INTENTION_ACCEPTED);
        assertThat(typesOn(NegotiationEvents.TOPIC, caseId, NegotiationEvents.AGREEMENT_REACHED))
                .containsExactly(NegotiationEvents.NEGOTIATION_OPENED, NegotiationEvents.TERMS_PROPOSED,
                        NegotiationEvents.AGREEMENT_REACHED);
        assertThat(typesOn(SigningEvents.TOPIC, caseId, SigningEvents.CONTRACT_EXECUTED))
                .containsExactly(SigningEvents.ENVELOPE_SENT, SigningEvents.SIGNATURE_RECORDED,
                        SigningEvents.SIGNATURE_RECORDED, SigningEvents.CONTRACT_EXECUTED);
        assertThat(typesOn(TrackingEvents.TOPIC, caseId, TrackingEvents.PROJECT_LANDED))
                .startsWith(TrackingEvents.PROJECT_STARTED).endsWith(TrackingEvents.PROJECT_LANDED)
                .filteredOn(TrackingEvents.MILESTONE_RECORDED::equals).hasSize(3);
    }

    private static List<String> typesOn(String topic, String caseId, String last) {
        try (TopicProbe probe = TopicProbe.of(topic)) {
            probe.await(caseId, last);
            return probe.seenFor(caseId).stream().map(PipelineEndToEndTest::type).toList();
        }
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return TopicProbe.header(record, "ce_type");
    }

    private static long reached(JsonNode funnel, String stage) {
        for (JsonNode entry : funnel.path("stages")) {
            if (stage.equals(entry.path("stage").asText())) {
                return entry.path("reached").asLong();
            }
        }
        throw new AssertionError("the funnel has no stage " + stage + ": " + funnel);
    }
}
