package org.investflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.investflow.platform.domain.OutboxMessage;
import org.investflow.platform.events.CaseEvent;
import org.investflow.platform.messaging.CloudEventCodec;
import org.investflow.platform.messaging.OutboxMessages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The rebuild phase's generated cases: built from templates, they are what the contract records would give. */
class CaseHistoriesTest {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Test
    void aCasesTemplatedMessagesCarryTheEventsItsContractRecordsWouldInEveryStage() {
        CloudEventCodec codec = new CloudEventCodec(JSON);
        OutboxMessages outbox = new OutboxMessages(codec);
        CaseHistories histories = new CaseHistories(JSON, outbox, codec);
        Set<String> stages = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        int messages = 0;

        for (long n = 0; n < 100; n++) {
            List<OutboxMessage> templated = histories.messages(n);
            List<CaseEvent> events = histories.history(n);
            stages.add(histories.stageOf(n));

            assertThat(templated).hasSameSizeAs(events);
            for (int i = 0; i < events.size(); i++) {
                CaseEvent event = events.get(i);
                OutboxMessage built = outbox.of(CaseHistories.catalogOf(event), List.of(event)).get(0);
                OutboxMessage message = templated.get(i);
                assertThat(JSON.readTree(message.payload())).as("case %d, event %d", n, i).isEqualTo(JSON.readTree(built.payload()));
                assertThat(message).usingRecursiveComparison().ignoringFields("eventId", "payload").isEqualTo(built);
                eventIds.add(message.eventId());
                messages++;
            }
        }

        assertThat(stages).containsExactlyInAnyOrderElementsOf(CaseHistories.SHARES.keySet());
        assertThat(eventIds).hasSize(messages);
    }
}
