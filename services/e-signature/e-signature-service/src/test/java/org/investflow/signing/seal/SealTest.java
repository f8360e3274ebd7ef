package org.investflow.signing.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.investflow.signing.contract.ContractTemplate;
import org.investflow.signing.contract.Particulars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealTest {

    static final Instant NOW = Instant.parse("2026-03-13T10:00:00Z");
    static final CommissionSeal SEAL = CommissionSeal.generate("CN=InvestFlow Commission Seal,O=Chongqing Municipal Commission of Commerce,C=CN",
            NOW, Duration.ofDays(365));
    static final SealVerifier VERIFIER = new SealVerifier(SEAL.trustAnchor());

    static byte[] executed() {
        return ContractTemplate.executed(Particulars.agreed(), "a".repeat(64), Particulars.signatures()).bytes();
    }

    static byte[] sealed() {
        return ContractSealer.seal(executed(), SEAL, NOW, "Chongqing, CN");
    }

    @Test
    void aSealedContractVerifiesAsTheCommissionsUnmodifiedContract() {
        byte[] sealed = sealed();
        SealVerification verification = VERIFIER.verify(sealed);
        assertThat(verification.valid()).as(verification.reason()).isTrue();
        assertThat(verification.signer()).contains("InvestFlow Commission Seal");
        assertThat(verification.sealedAt()).isEqualTo(NOW);
        assertThat(verification.caseId()).isEqualTo("CQ-2026-000123");
        assertThat(verification.contractHash()).isEqualTo("a".repeat(64));
        assertThat(verification.documentHash()).hasSize(64);
    }

    @Test
    void sealingIsDeterministicAndKeepsTheContractsBytesAsItsFirstRevision() {
        byte[] sealed = sealed();
        assertThat(sealed()).isEqualTo(sealed);
        byte[] contract = executed();
        assertThat(java.util.Arrays.copyOf(sealed, contract.length)).isEqualTo(contract);
    }

    @Test
    void aByteChangedInsideTheSealedRangeIsDetected() {
        byte[] sealed = sealed();
        byte[] reason = ContractSealer.REASON.getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(sealed, reason);
        sealed[at] = 'e';
        SealVerification verification = VERIFIER.verify(sealed);
        assertThat(verification.valid()).isFalse();
        assertThat(verification.reason()).contains("tampered");
    }

    @Test
    void anIncrementalUpdateAfterSealingIsDetected() throws IOException {
        byte[] sealed = sealed();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument document = Loader.loadPDF(sealed)) {
            document.getDocumentInformation().setCustomMetadataValue("InvestFlowCaseId", "CQ-2026-999999");
            document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            document.saveIncremental(out);
        }
        SealVerification verification = VERIFIER.verify(out.toByteArray());
        assertThat(verification.valid()).isFalse();
        assertThat(verification.reason()).contains("changed after it was sealed");
    }

    @Test
    void aSealOfAnotherKeyIsNotTheCommissions() {
        CommissionSeal forged = CommissionSeal.generate("CN=InvestFlow Commission Seal,O=Chongqing Municipal Commission of Commerce,C=CN",
                NOW, Duration.ofDays(365));
        SealVerification verification = VERIFIER.verify(ContractSealer.seal(executed(), forged, NOW, "Chongqing, CN"));
        assertThat(verification.valid()).isFalse();
        assertThat(verification.reason()).contains("not the commission's");
    }

    @Test
    void anUnsealedContractIsNotValid() {
        assertThat(VERIFIER.verify(executed())).extracting(SealVerification::valid, SealVerification::reason)
                .containsExactly(false, "the document carries no seal");
    }

    @Test
    void somethingThatIsNoPdfIsRefused() {
        assertThatThrownBy(() -> VERIFIER.verify("hello, not a pdf".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SealVerifier.NotAPdfException.class);
    }

    @Test
    void theSealSurvivesAKeystoreRoundTrip(@TempDir Path dir) {
        Path file = dir.resolve("seal.p12");
        SEAL.store(file, "secret".toCharArray(), "seal");
        CommissionSeal loaded = CommissionSeal.load(file, "secret".toCharArray(), "seal");
        assertThat(loaded.certificate()).isEqualTo(SEAL.certificate());
        assertThat(ContractSealer.seal(executed(), loaded, NOW, "Chongqing, CN")).isEqualTo(sealed());
    }

    @Test
    void aRotatedSealCertificateUnderTheSameRootStillVerifiesContractsSealedBefore(@TempDir Path dir) {
        CommissionSeal root = CommissionSeal.authority("CN=Commission Root CA,C=CN", NOW, Duration.ofDays(3650));
        CommissionSeal sealA = root.issue("CN=Commission Seal 2026,C=CN", NOW, Duration.ofDays(365));
        byte[] sealedWithA = ContractSealer.seal(executed(), sealA, NOW, "Chongqing, CN");
        Instant later = NOW.plus(Duration.ofDays(200));
        CommissionSeal sealB = root.issue("CN=Commission Seal 2027,C=CN", later, Duration.ofDays(365));
        sealB.store(dir.resolve("rotated.p12"), "rotated".toCharArray(), "seal");
        CommissionSeal loadedB = CommissionSeal.load(dir.resolve("rotated.p12"), "rotated".toCharArray(), "seal");
        SealVerifier verifier = new SealVerifier(loadedB.trustAnchor());

        assertThat(loadedB.chain()).containsExactly(sealB.certificate(), root.certificate());
        assertThat(verifier.verify(sealedWithA).valid()).as("sealed with A before the rotation").isTrue();
        assertThat(verifier.verify(ContractSealer.seal(executed(), loadedB, later, "Chongqing, CN")).valid()).isTrue();
        assertThat(new SealVerifier(sealA.certificate()).verify(ContractSealer.seal(executed(), loadedB, later, "Chongqing, CN")).valid())
                .as("pinning the leaf instead of the root would refuse every contract after a rotation").isFalse();
    }

    @Test
    void aSealIssuedByAnotherCaWithTheSameNamesIsNotTheCommissions() {
        CommissionSeal other = CommissionSeal.authority(SEAL.trustAnchor().getSubjectX500Principal().getName(), NOW, Duration.ofDays(3650))
                .issue(SEAL.certificate().getSubjectX500Principal().getName(), NOW, Duration.ofDays(365));
        SealVerification verification = VERIFIER.verify(ContractSealer.seal(executed(), other, NOW, "Chongqing, CN"));
        assertThat(verification.valid()).isFalse();
        assertThat(verification.reason()).contains("root CA");
    }

    @Test
    void anExpiredSealCertificateFailsLoudly() {
        assertThatThrownBy(() -> SEAL.requireValidAt(NOW.plus(Duration.ofDays(400))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not valid at");
        assertThat(SEAL.requireValidAt(NOW)).isSameAs(SEAL);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
