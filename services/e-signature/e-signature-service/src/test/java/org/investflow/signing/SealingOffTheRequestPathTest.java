package org.investflow.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.investflow.platform.testkit.TopicProbe;
import org.investflow.signing.contract.RenderedPdf;
import org.investflow.signing.events.SigningEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last signature is answered at once ({@code SEALING}); sealing, time-stamping and keeping the contract follow off the
 * request. While the time-stamping authority is unreachable the envelope shows that it waits for its seal and why, retries
 * with backoff, publishes no {@code ContractExecuted} and hands out no executed contract; once the TSA answers again it is
 * sealed, kept and executed exactly once.
 */
@SigningServiceTest
class SealingOffTheRequestPathTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    ContractDocumentsIntegrationTest.Documents documents;

    @BeforeEach
    void connect() {
        documents = new ContractDocumentsIntegrationTest.Documents(port);
    }

    @AfterEach
    void disconnect() {
        TestCommission.restart();
        documents.close();
    }

    @Test
    void whileTheTimestampingAuthorityIsDownTheEnvelopeWaitsForItsSealAndExecutesOnceItIsBack() {
        SigningDriver driver = documents.driver();
        String caseId = driver.partiallySignedCase("investor-seal-1", "officer-seal-1");
        driver.sign("officer-seal-1", caseId, "李伟").expectStatus().isOk();
        TestCommission.stop();
        JsonNode signed = driver.sign(SigningDriver.DISTRICT, caseId, "周敏").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(signed.path("status").asString()).isEqualTo("SEALING");
        assertThat(absent(signed.path("executedDocumentHash"))).as("not executed unsealed").isTrue();

        JsonNode waiting = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> envelope(caseId, "investor-seal-1"),
                envelope -> envelope.path("sealing").path("failures").asInt() >= 2);
        assertThat(waiting.path("status").asString()).isEqualTo("SEALING");
        assertThat(waiting.path("sealing").path("problem").asString()).contains("time-stamp");
        assertThat(waiting.path("sealing").path("nextAttemptAt").isMissingNode()).isFalse();
        driver.as("investor-seal-1", "INVESTOR", HttpMethod.GET, SigningDriver.EXECUTED_CONTRACT, caseId).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.currentState").isEqualTo("SEALING");
        assertThat(driver.typesSeenFor(caseId)).doesNotContain(SigningEvents.CONTRACT_EXECUTED);

        TestCommission.restart();
        ConsumerRecord<String, byte[]> executed = driver.signing.await(caseId, SigningEvents.CONTRACT_EXECUTED);
        byte[] sealed = documents.download("investor-seal-1", "INVESTOR", SigningDriver.EXECUTED_CONTRACT, caseId, 200);
        assertThat(RenderedPdf.sha256(sealed)).isEqualTo(JSON.readTree(new String(executed.value(), java.nio.charset.StandardCharsets.UTF_8)).path("documentHash").asString());
        assertThat(absent(envelope(caseId, "investor-seal-1").path("sealing"))).as("no longer waiting").isTrue();
        documents.verify(sealed, MediaType.APPLICATION_PDF).expectStatus().isOk().expectBody()
                .jsonPath("$.valid").isEqualTo(true)
                .jsonPath("$.level").isEqualTo("PAdES-BASELINE-T")
                .jsonPath("$.timestampAuthority").value(authority -> assertThat((String) authority).contains("Local Timestamp Authority"));
        assertThat(driver.typesSeenFor(caseId)).filteredOn(SigningEvents.CONTRACT_EXECUTED::equals).hasSize(1);
    }

    @Test
    void theLastSignatureIsAnsweredSealingAndTheExecutedContractFollows() {
        SigningDriver driver = documents.driver();
        String caseId = driver.partiallySignedCase("investor-seal-2", "officer-seal-2");
        driver.sign("officer-seal-2", caseId, "李伟").expectStatus().isOk();
        driver.sign(SigningDriver.DISTRICT, caseId, "周敏").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("SEALING");
        ConsumerRecord<String, byte[]> executed = driver.signing.await(caseId, SigningEvents.CONTRACT_EXECUTED);
        assertThat(TopicProbe.header(executed, "ce_type")).isEqualTo(SigningEvents.CONTRACT_EXECUTED);
        JsonNode envelope = envelope(caseId, "investor-seal-2");
        assertThat(envelope.path("status").asString()).isEqualTo("EXECUTED");
        assertThat(envelope.path("executedDocumentHash").asString()).isEqualTo(JSON.readTree(new String(executed.value(), java.nio.charset.StandardCharsets.UTF_8)).path("documentHash").asString());
    }

    private JsonNode envelope(String caseId, String investor) {
        return documents.driver().as(investor, "INVESTOR", HttpMethod.GET, SigningDriver.ENVELOPE, caseId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static boolean absent(JsonNode field) {
        return field.isNull() || field.isMissingNode();
    }
}
