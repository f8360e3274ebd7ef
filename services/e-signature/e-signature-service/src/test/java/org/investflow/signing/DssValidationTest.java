package org.investflow.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import org.investflow.signing.seal.CommissionSeal;
import org.investflow.signing.seal.ContractSealer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The executed contract checked by the EU's standard validator, DSS, offline: trusting only the commission's root CA
 * (which also issued the time-stamping authority's certificate), with the root's current revocation list given instead
 * of fetched. A real executed contract is PAdES-BASELINE-T and TOTAL_PASSED; a copy with one changed byte is not; and on
 * every file the verification endpoint says valid exactly when DSS says TOTAL_PASSED.
 */
@SigningServiceTest
class DssValidationTest {

    @LocalServerPort
    int port;

    ContractDocumentsIntegrationTest.Documents documents;

    @BeforeEach
    void connect() {
        documents = new ContractDocumentsIntegrationTest.Documents(port);
    }

    @AfterEach
    void disconnect() {
        documents.close();
    }

    @Test
    void aRealExecutedContractIsBaselineTAndTotalPassedAndOneChangedByteFailsIt() throws IOException {
        byte[] sealed = executedContract("investor-dss-1", "officer-dss-1");
        Path target = Files.createDirectories(Path.of("target", "dss"));
        Files.write(target.resolve("executed-contract.pdf"), sealed);
        Files.writeString(target.resolve("commission-ca.pem"), CommissionSeal.pem(TestCommission.ROOT.certificate()));

        SimpleReport report = dss(sealed);
        String signature = report.getFirstSignatureId();
        assertThat(report.getIndication(signature)).as(String.valueOf(report.getSubIndication(signature)) + " " + report.getAdESValidationErrors(signature))
                .isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.getSignatureFormat(signature)).isEqualTo(SignatureLevel.PAdES_BASELINE_T);

        byte[] changed = sealed.clone();
        int at = new String(sealed, StandardCharsets.ISO_8859_1).indexOf("Executed InvestFlow contract");
        changed[at] = 'e';
        SimpleReport tampered = dss(changed);
        assertThat(tampered.getIndication(tampered.getFirstSignatureId())).isNotEqualTo(Indication.TOTAL_PASSED);
    }

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("the executed contract", (Tamper) sealed -> sealed),
                Arguments.of("one byte of the seal's reason changed", (Tamper) sealed -> changedAt(sealed, "Executed InvestFlow contract")),
                Arguments.of("one byte of the contract's text changed", (Tamper) sealed -> changedAt(sealed, "/Producer")),
                Arguments.of("sealed again under another CA", (Tamper) sealed -> ContractSealer.seal(unsealed(sealed),
                        CommissionSeal.generate("CN=InvestFlow Commission Seal (test),C=CN", Instant.now(), Duration.ofDays(30)), Instant.now(),
                        "Chongqing, CN", TestCommission.AUTHORITY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void theVerificationEndpointAgreesWithDss(String file, Tamper tamper) {
        byte[] pdf = tamper.apply(executedContract("investor-dss-2", "officer-dss-2"));
        SimpleReport report = dss(pdf);
        boolean dssPassed = report.getSignaturesCount() == 1 && report.getIndication(report.getFirstSignatureId()) == Indication.TOTAL_PASSED;
        JsonNode answer = documents.verify(pdf, MediaType.APPLICATION_PDF).expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(answer.path("valid").asBoolean()).as(answer.path("reason").asString()).isEqualTo(dssPassed);
        if (dssPassed) {
            assertThat(answer.path("level").asString()).isEqualTo(report.getSignatureFormat(report.getFirstSignatureId()).toString());
        }
    }

    /** A transformation of the executed contract's bytes. */
    @FunctionalInterface
    interface Tamper {
        byte[] apply(byte[] sealed);
    }

    private byte[] executedContract(String investor, String officer) {
        String caseId = documents.driver().executedCase(investor, officer);
        return documents.download(investor, "INVESTOR", SigningDriver.EXECUTED_CONTRACT, caseId, 200);
    }

    /** DSS's simple report on {@code pdf}, offline, trusting the commission's root CA, with its revocation list at hand. */
    static SimpleReport dss(byte[] pdf) {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(TestCommission.ROOT.certificate()));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setAIASource(null);
        verifier.setOcspSource(null);
        verifier.setCrlSource(new ExternalResourcesCRLSource(new InMemoryDocument(TestCommission.emptyRevocationList())));
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        validator.setCertificateVerifier(verifier);
        return validator.validateDocument().getSimpleReport();
    }

    private static byte[] changedAt(byte[] pdf, String marker) {
        byte[] changed = pdf.clone();
        int at = new String(pdf, StandardCharsets.ISO_8859_1).indexOf(marker) + marker.length() - 1;
        changed[at] = (byte) (changed[at] ^ 0x01);
        return changed;
    }

    /** The executed contract as it was before the seal's incremental update. */
    private static byte[] unsealed(byte[] sealed) {
        String text = new String(sealed, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("%%EOF") + "%%EOF".length();
        return java.util.Arrays.copyOf(sealed, text.charAt(end) == '\n' ? end + 1 : end);
    }
}
