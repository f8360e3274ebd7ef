package org.investflow.signing.events;

import org.investflow.platform.testkit.ContractVerifier;
import org.junit.jupiter.api.Test;

class SigningContractTest {

    @Test
    void everySigningEventAgreesWithItsSchemaAndGoldenExample() {
        ContractVerifier.verify(SigningEvents.CATALOG);
    }
}
