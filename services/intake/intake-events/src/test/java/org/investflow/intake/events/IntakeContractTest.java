package org.investflow.intake.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.investflow.platform.testkit.ContractVerifier;
import org.investflow.platform.testkit.GoldenEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class IntakeContractTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyIntakeEventAgreesWithItsSchemaAndGoldenExample() {
        ContractVerifier.verify(IntakeEvents.CATALOG);
    }

    @Test
    void anAcceptanceOfAnEarlierReleaseWithoutTheCompanysRegistrationReadsAsNull() {
        ObjectNode earlier = (ObjectNode) JSON.readTree(GoldenEvents.example(IntakeEvents.CATALOG, IntakeEvents.INTENTION_ACCEPTED));
        earlier.remove("registrationNumber");
        earlier.remove("country");
        IntentionAccepted accepted = JSON.treeToValue(earlier, IntentionAccepted.class);
        assertThat(accepted.registrationNumber()).isNull();
        assertThat(accepted.country()).isNull();
        assertThat(accepted.companyName()).isEqualTo("Rheinmetall Präzision GmbH 重庆分公司");
    }
}
