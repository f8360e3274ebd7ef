package org.investflow.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.investflow.signing.contract.DraftContracts;
import org.investflow.signing.contract.persistence.ContractSealing;
import org.investflow.signing.contract.RenderedPdf;
import org.investflow.signing.contract.persistence.GridFsExecutedContracts;
import org.investflow.signing.envelope.ContractClauses;
import org.investflow.signing.envelope.Envelope;
import org.investflow.signing.envelope.persistence.EnvelopeRepository;
import org.investflow.signing.seal.CommissionSeal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;

/**
 * The executed contract is kept once, byte for byte, at execution: every download returns the kept bytes, whose
 * SHA-256 is the envelope's executed hash ({@code ContractExecuted.documentHash}); a fresh instance on the same
 * database (a restart, another replica) — even one whose seal key differs — hands out the same bytes.
 */
@SigningServiceTest
class ExecutedContractKeptTest {

    @LocalServerPort
    int port;
    @Autowired
    EnvelopeRepository envelopes;
    @Autowired
    ReactiveMongoDatabaseFactory mongo;
    @Autowired
    MongoConverter converter;

    @Test
    void everyDownloadIsTheKeptSealedFileAndAnotherInstanceOnTheSameDatabaseHandsOutTheSameBytes() {
        try (ContractDocumentsIntegrationTest.Documents documents = new ContractDocumentsIntegrationTest.Documents(port)) {
            keptOnce(documents);
        }
    }

    private void keptOnce(ContractDocumentsIntegrationTest.Documents documents) {
        String caseId = documents.driver().executedCase("investor-kept-1", "officer-kept-1");
        byte[] first = documents.download("investor-kept-1", "INVESTOR", ContractDocumentsIntegrationTest.EXECUTED, caseId, 200);
        Envelope executed = envelopes.findFirstByCaseIdOrderBySentAtDesc(caseId).block(Duration.ofSeconds(5));

        assertThat(RenderedPdf.sha256(first)).isEqualTo(executed.executedDocumentHash());
        GridFsExecutedContracts restarted = new GridFsExecutedContracts(new ReactiveGridFsTemplate(mongo, converter));
        assertThat(restarted.find(executed.envelopeId(), executed.executedDocumentHash()).block(Duration.ofSeconds(5)).bytes())
                .isEqualTo(first);
        CommissionSeal rotatedKey = CommissionSeal.generate("CN=Another replica's key", Instant.now(), Duration.ofDays(30));
        ContractSealing otherReplica = new ContractSealing(rotatedKey, TestCommission.AUTHORITY, restarted, new ContractClauses("law", "disputes"),
                new DraftContracts(new SimpleMeterRegistry(), 1 << 20));
        assertThat(otherReplica.executedContractOf(executed).block(Duration.ofSeconds(10)).bytes()).as("never re-sealed").isEqualTo(first);
        assertThat(documents.download("leader-1", "LEADER", ContractDocumentsIntegrationTest.EXECUTED, caseId, 200)).isEqualTo(first);
    }
}
