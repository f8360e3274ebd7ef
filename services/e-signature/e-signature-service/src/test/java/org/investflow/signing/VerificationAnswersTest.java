package org.investflow.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.investflow.signing.contract.ContractParticulars;
import org.investflow.signing.contract.ContractTemplate;
import org.investflow.signing.contract.Particulars;
import org.investflow.signing.contract.RenderedPdf;
import org.investflow.signing.envelope.ContractClauses;
import org.investflow.signing.seal.CommissionSeal;
import org.investflow.signing.seal.ContractSealer;
import org.investflow.signing.seal.LocalTimestampAuthority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Whatever is uploaded, verification answers clearly and never with a 500: malformed input is a 400 problem,
 * a readable PDF gets {@code valid} with the reason (in English and as a code), and the embedded terms' fingerprint is reported.
 */
@SigningServiceTest
class VerificationAnswersTest {

    static final String CANONICAL = "{\"investmentAmount\":\"120000000.00\",\"currency\":\"EUR\",\"jobs\":350,\"landingDeadline\":\"2027-12-31\"}";
    static final String FINGERPRINT = RenderedPdf.sha256(CANONICAL.getBytes(StandardCharsets.UTF_8));
    /** Within the context seal's validity: it is generated when the context starts. */
    static final Instant AT = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    @LocalServerPort
    int port;
    @Autowired
    CommissionSeal seal;

    ContractDocumentsIntegrationTest.Documents documents;

    @BeforeEach
    void connect() {
        documents = new ContractDocumentsIntegrationTest.Documents(port);
    }

    @AfterEach
    void disconnect() {
        documents.close();
    }

    static byte[] executed(String fingerprint) {
        ContractParticulars agreed = Particulars.agreed();
        ContractParticulars withTerms = new ContractParticulars(agreed.caseId(), agreed.agreementId(), agreed.investorId(), agreed.companyName(),
                agreed.investmentAmount(), agreed.currency(), agreed.jobs(), agreed.landingDeadline(), fingerprint, agreed.agreedAt(), List.of(),
                null, null, List.of(), List.of(), CANONICAL, new ContractClauses("PRC law 中国法律", "Chongqing arbitration 重庆仲裁"));
        return ContractTemplate.executed(withTerms, "a".repeat(64), Particulars.signatures()).bytes();
    }

    static Stream<Arguments> uploads() {
        Function<CommissionSeal, byte[]> sealed = seal -> ContractSealer.seal(executed(FINGERPRINT), seal, AT, "Chongqing, CN", TestCommission.AUTHORITY);
        CommissionSeal otherCa = CommissionSeal.generate("CN=InvestFlow Commission Seal (development),O=Chongqing Municipal Commission of Commerce,C=CN",
                AT, Duration.ofDays(365));
        return Stream.of(
                Arguments.of("not a PDF", (Function<CommissionSeal, byte[]>) seal -> "GIF89a not a pdf".getBytes(StandardCharsets.UTF_8),
                        400, null, null),
                Arguments.of("a PDF cut off after its header", (Function<CommissionSeal, byte[]>) seal -> Arrays.copyOf(sealed.apply(seal), 9),
                        400, null, null),
                Arguments.of("a PDF cut in half", (Function<CommissionSeal, byte[]>) seal -> Arrays.copyOf(sealed.apply(seal),
                        sealed.apply(seal).length / 2), 200, "no seal", "NO_SEAL"),
                Arguments.of("a PDF without a seal", (Function<CommissionSeal, byte[]>) seal -> executed(FINGERPRINT), 200, "no seal", "NO_SEAL"),
                Arguments.of("a PDF sealed under another CA", (Function<CommissionSeal, byte[]>) seal ->
                        ContractSealer.seal(executed(FINGERPRINT), otherCa, AT, "Chongqing, CN", TestCommission.AUTHORITY), 200, "root CA", "NOT_THE_COMMISSIONS_SEAL"),
                Arguments.of("the sealed contract with one byte of the sealed range changed", (Function<CommissionSeal, byte[]>) seal ->
                        changed(sealed.apply(seal), "Executed InvestFlow contract"), 200, "tampered", "TAMPERED"),
                Arguments.of("the sealed contract cut short by its last 40 bytes", (Function<CommissionSeal, byte[]>) seal -> {
                    byte[] whole = sealed.apply(seal);
                    return Arrays.copyOf(whole, whole.length - 40);
                }, 200, "changed after it was sealed", "CHANGED_AFTER_SEALING"),
                Arguments.of("sealed, time-stamped by an authority nobody trusts", (Function<CommissionSeal, byte[]>) seal ->
                        ContractSealer.seal(executed(FINGERPRINT), seal, AT, "Chongqing, CN", LocalTimestampAuthority.generate(Clock.systemUTC())),
                        200, "not from a trusted time-stamping authority", "BROKEN_TIMESTAMP"),
                Arguments.of("sealed, but its embedded terms do not match its printed fingerprint", (Function<CommissionSeal, byte[]>) seal ->
                        ContractSealer.seal(executed("0".repeat(64)), seal, AT, "Chongqing, CN", TestCommission.AUTHORITY), 200, "embedded agreed terms do not match", "TERMS_DO_NOT_MATCH"),
                Arguments.of("the commission's sealed contract", sealed, 200, null, "VALID"));
    }

    private static byte[] changed(byte[] pdf, String marker) {
        byte[] copy = pdf.clone();
        copy[new String(pdf, StandardCharsets.ISO_8859_1).indexOf(marker)] ^= 0x01;
        return copy;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uploads")
    void verificationAnswersEveryUploadClearly(String upload, Function<CommissionSeal, byte[]> pdf, int status, String reason, String code)
            throws Exception {
        byte[] body = pdf.apply(seal);
        if (reason == null && status == 200) {
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target/executed-contract-sealed.pdf"), body);
        }
        EntityExchangeResult<byte[]> answer = documents.verify(body, MediaType.APPLICATION_PDF).expectStatus().isEqualTo(status)
                .expectBody().returnResult();
        String json = new String(answer.getResponseBodyContent(), StandardCharsets.UTF_8);
        if (status == 400) {
            assertThat(answer.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
            assertThat(json).contains("\"field\":\"body\"");
        } else if (reason == null) {
            assertThat(json).contains("\"valid\":true", "\"embeddedTermsFingerprint\":\"" + FINGERPRINT + "\"", "\"termsMatch\":true",
                    "\"reasonCode\":\"" + code + "\"");
        } else {
            assertThat(json).contains("\"valid\":false").contains(reason).contains("\"reasonCode\":\"" + code + "\"");
        }
        assertThat(answer.getStatus().value()).as("never a server error").isLessThan(500);
    }
}
