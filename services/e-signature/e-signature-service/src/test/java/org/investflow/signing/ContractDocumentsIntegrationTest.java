package org.investflow.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.investflow.signing.contract.DraftContracts;
import org.investflow.signing.contract.RenderedPdf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The contract PDF a case's readers download is the document the envelope's hash names; the executed
 * contract is sealed and verifies as such through the public endpoint, a tampered copy does not, and
 * uploads that are no PDF, too large or of another type are refused.
 */
@SigningServiceTest
class ContractDocumentsIntegrationTest {

    static final String CONTRACT = "/api/envelopes/{caseId}/contract";
    static final String EXECUTED = "/api/envelopes/{caseId}/executed-contract";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    Documents documents;

    @BeforeEach
    void connect() {
        documents = new Documents(port);
    }

    @AfterEach
    void disconnect() {
        documents.close();
    }

    @Test
    void theDownloadedContractIsTheDocumentTheEnvelopeHashesAndReadsBackInChinese() throws IOException {
        String caseId = documents.driver().sentCase("investor-doc-1", "officer-li");
        String documentHash = documents.envelopeField("investor-doc-1", "INVESTOR", caseId, "documentHash");
        double keptBefore = draftsServedFromMemory();
        byte[] pdf = documents.download("investor-doc-1", "INVESTOR", CONTRACT, caseId, 200);
        assertThat(RenderedPdf.sha256(pdf)).isEqualTo(documentHash);
        assertThat(textOf(pdf)).contains("投资合同", "重庆分公司", caseId);
        assertThat(documents.download("officer-zhang", "OFFICER", CONTRACT, caseId, 200)).isEqualTo(pdf);
        assertThat(draftsServedFromMemory()).as("both views served the draft kept at the envelope's creation")
                .isGreaterThanOrEqualTo(keptBefore + 2);
    }

    private double draftsServedFromMemory() {
        return meters.get("cache.gets").tag("cache", DraftContracts.CACHE).tag("result", "hit").functionCounter().count();
    }

    @Test
    void theExecutedContractIsSealedAndVerifiesWhileATamperedCopyDoesNot() throws IOException {
        String caseId = documents.driver().executedCase("investor-doc-2", "officer-doc-2");
        byte[] sealed = documents.download("investor-doc-2", "INVESTOR", EXECUTED, caseId, 200);
        assertThat(sealed.length).as("well under the verification upload limit").isLessThan(150_000);
        assertThat(documents.download("leader-1", "LEADER", EXECUTED, caseId, 200)).isEqualTo(sealed);
        assertThat(textOf(sealed)).contains("李伟 officer-doc-2", "商务委代表");
        documents.verify(sealed, MediaType.APPLICATION_PDF).expectStatus().isOk().expectBody()
                .jsonPath("$.valid").isEqualTo(true)
                .jsonPath("$.caseId").isEqualTo(caseId)
                .jsonPath("$.documentHash").isEqualTo(RenderedPdf.sha256(sealed))
                .jsonPath("$.contractHash").isEqualTo(documents.envelopeField("investor-doc-2", "INVESTOR", caseId, "documentHash"))
                .jsonPath("$.signer").value(signer -> assertThat((String) signer).contains("InvestFlow Commission Seal"));
        byte[] tampered = sealed.clone();
        int at = new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("Executed InvestFlow contract");
        tampered[at] = 'e';
        documents.verify(tampered, MediaType.APPLICATION_PDF).expectStatus().isOk().expectBody()
                .jsonPath("$.valid").isEqualTo(false)
                .jsonPath("$.reason").value(reason -> assertThat((String) reason).contains("tampered"));
    }

    @Test
    void theExecutedContractBeforeTheLastSignatureIsAConflictNamingTheState() {
        String caseId = documents.driver().partiallySignedCase("investor-doc-3", "officer-li");
        documents.driver().as("investor-doc-3", "INVESTOR", org.springframework.http.HttpMethod.GET, EXECUTED, caseId).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.currentState").isEqualTo("PARTIALLY_SIGNED");
    }

    @Test
    void verificationNeedsNoToken() {
        documents.anonymousVerify("%PDF-1.7 nothing else".getBytes()).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUploadThatIsNoPdfIsABadRequest() {
        documents.verify("just text".getBytes(), MediaType.APPLICATION_PDF).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
        documents.verify(new byte[0], MediaType.APPLICATION_PDF).expectStatus().isBadRequest();
    }

    @Test
    void anUploadOfAnotherTypeIsUnsupported() {
        documents.verify("{}".getBytes(), MediaType.APPLICATION_JSON).expectStatus().isEqualTo(415)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUploadOverTheLimitIsTooLarge() {
        documents.verify(new byte[200_001], MediaType.APPLICATION_PDF).expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The service's document endpoints, driven with the test issuer's tokens. */
    static final class Documents implements AutoCloseable {

        private final SigningDriver access;
        private final WebTestClient http;

        Documents(int port) {
            access = new SigningDriver(port);
            http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
                    .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
        }

        SigningDriver driver() {
            return access;
        }

        byte[] download(String user, String role, String path, String caseId, int status) {
            return access.as(user, role, org.springframework.http.HttpMethod.GET, path, caseId).exchange()
                    .expectStatus().isEqualTo(status)
                    .expectHeader().contentType(MediaType.APPLICATION_PDF)
                    .expectBody(byte[].class).returnResult().getResponseBody();
        }

        String envelopeField(String user, String role, String caseId, String field) {
            return access.as(user, role, org.springframework.http.HttpMethod.GET, "/api/envelopes/{caseId}", caseId).exchange()
                    .expectStatus().isOk().expectBody(tools.jackson.databind.JsonNode.class).returnResult().getResponseBody()
                    .get(field).asString();
        }

        WebTestClient.ResponseSpec verify(byte[] body, MediaType type) {
            return http.post().uri("/api/verifications")
                    .headers(h -> h.setBearerAuth(org.investflow.platform.testkit.TestIssuer.token("anyone", "INVESTOR")))
                    .contentType(type).bodyValue(body).exchange();
        }

        WebTestClient.ResponseSpec anonymousVerify(byte[] body) {
            return http.post().uri("/api/verifications").contentType(MediaType.APPLICATION_PDF).bodyValue(body).exchange();
        }

        @Override
        public void close() {
            access.close();
        }
    }
}
