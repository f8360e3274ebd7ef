package org.investflow.intake.events;

import org.investflow.platform.testkit.ContractVerifier;
import org.junit.jupiter.api.Test;

class IntakeContractTest {

    @Test
    void everyIntakeEventAgreesWithItsSchemaAndGoldenExample() {
        ContractVerifier.verify(IntakeEvents.CATALOG);
    }
}
