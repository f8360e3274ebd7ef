package org.investflow.tracking.events;

import org.investflow.platform.testkit.ContractVerifier;
import org.junit.jupiter.api.Test;

class TrackingContractTest {

    @Test
    void everyTrackingEventAgreesWithItsSchemaAndGoldenExample() {
        ContractVerifier.verify(TrackingEvents.CATALOG);
    }
}
