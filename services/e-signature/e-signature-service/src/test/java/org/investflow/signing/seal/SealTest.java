package org.investflow.signing.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.investflow.signing.contract.ContractTemplate;
import org.investflow.signing.contract.Particulars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealTest {

    static final Instant NOW = Instant.parse("2026-03-13T10:00:00Z");
    static final CommissionSeal ROOT = CommissionSeal.authority("CN=InvestFlow Local Commission Root CA,O=Chongqing Municipal Commission of Commerce,C=CN",
            NOW, Duration.ofDays(3650));
    static final CommissionSeal SEAL = ROOT.issue("CN=InvestFlow Commission Seal,O=Chongqing Municipal Commission of Commerce,C=CN",
            NOW, Duration.ofDays(365));
    /** The local TSA, under the same root, a minute after the claimed sealing time. */
    static final LocalTimestampAuthority TSA = new LocalTimestampAuthority(ROOT.issueTimestampAuthority(
            "CN=InvestFlow Local Timestamp Authority,O=Chongqing Municipal Commission of Commerce,C=CN", NOW, Duration.ofDays(1825)),
            Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
    static final SealVerifier VERIFIER = new SealVerifier(ROOT.certificate());

    static byte[] executed() {
        return ContractTemplate.executed(Particulars.agreed(), "a".repeat(64), Particulars.signatures()).bytes();
    }

    static byte[] sealed() {
        return sealedWith(SEAL, NOW);
    }

    static byte[] sealedWith(CommissionSeal seal, Instant at) {
        return ContractSealer.seal(executed(), seal, at, "Chongqing, CN", TSA);
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
        assertThat(verification.level()).isEqualTo("PAdES-BASELINE-T");
        assertThat(verification.timestampedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(verification.timestampAuthority()).contains("InvestFlow Local Timestamp Authority");
    }

    @Test
    void sealingKeepsTheContractsBytesAsItsFirstRevision() {
        byte[] sealed = sealed();
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
        SealVerification verification = VERIFIER.verify(sealedWith(forged, NOW));
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
        assertThat(VERIFIER.verify(sealedWith(loaded, NOW)).valid()).isTrue();
    }

    @Test
    void aRotatedSealCertificateUnderTheSameRootStillVerifiesContractsSealedBefore(@TempDir Path dir) {
        CommissionSeal root = ROOT;
        CommissionSeal sealA = root.issue("CN=Commission Seal 2026,C=CN", NOW, Duration.ofDays(365));
        byte[] sealedWithA = sealedWith(sealA, NOW);
        Instant later = NOW.plus(Duration.ofDays(200));
        CommissionSeal sealB = root.issue("CN=Commission Seal 2027,C=CN", later, Duration.ofDays(365));
        sealB.store(dir.resolve("rotated.p12"), "rotated".toCharArray(), "seal");
        CommissionSeal loadedB = CommissionSeal.load(dir.resolve("rotated.p12"), "rotated".toCharArray(), "seal");
        SealVerifier verifier = new SealVerifier(loadedB.trustAnchor());

        assertThat(loadedB.chain()).containsExactly(sealB.certificate(), root.certificate());
        assertThat(verifier.verify(sealedWithA).valid()).as("sealed with A before the rotation").isTrue();
        byte[] sealedWithB = ContractSealer.seal(executed(), loadedB, later, "Chongqing, CN",
                new LocalTimestampAuthority(root.issueTimestampAuthority("CN=TSA,C=CN", later, Duration.ofDays(365)),
                        Clock.fixed(later.plusSeconds(60), ZoneOffset.UTC)));
        assertThat(verifier.verify(sealedWithB).valid()).isTrue();
        assertThat(new SealVerifier(TrustedRoots.of(sealA.certificate()), TrustedRoots.of(root.certificate())).verify(sealedWithB).valid())
                .as("pinning the leaf instead of the root would refuse every contract after a rotation").isFalse();
    }

    @Test
    void aSealIssuedByAnotherCaWithTheSameNamesIsNotTheCommissions() {
        CommissionSeal other = CommissionSeal.authority(SEAL.trustAnchor().getSubjectX500Principal().getName(), NOW, Duration.ofDays(3650))
                .issue(SEAL.certificate().getSubjectX500Principal().getName(), NOW, Duration.ofDays(365));
        SealVerification verification = VERIFIER.verify(sealedWith(other, NOW));
        assertThat(verification.valid()).isFalse();
        assertThat(verification.reason()).contains("root CA");
    }

    @Test
    void aTimestampOfAnAuthorityNobodyTrustsIsRefused() {
        byte[] sealed = ContractSealer.seal(executed(), SEAL, NOW, "Chongqing, CN", LocalTimestampAuthority.generate(Clock.fixed(NOW, ZoneOffset.UTC)));
        SealVerification verification = VERIFIER.verify(sealed);
        assertThat(verification.valid()).isFalse();
        assertThat(verification.reason()).contains("not from a trusted time-stamping authority");
    }

    @Test
    void aTimestampOverAnotherSignatureIsRefused() {
        byte[] other = TSA.timestamp("another signature".getBytes(StandardCharsets.UTF_8));
        SealVerification verification = VERIFIER.verify(ContractSealer.seal(executed(), SEAL, NOW, "Chongqing, CN", value -> other));
        assertThat(verification.valid()).isFalse();
        assertThat(verification.reason()).contains("not over this seal's signature");
    }

    @Test
    void aSealTimestampedOnlyAfterItsCertificateExpiredIsNotTheCommissions() {
        CommissionSeal shortLived = ROOT.issue("CN=Short-lived seal,C=CN", NOW, Duration.ofDays(2));
        byte[] timestamped = sealedWith(shortLived, NOW);
        assertThat(VERIFIER.verify(timestamped).level()).isEqualTo("PAdES-BASELINE-T");
        byte[] late = ContractSealer.seal(executed(), shortLived, NOW.plus(Duration.ofDays(30)), "Chongqing, CN",
                new LocalTimestampAuthority(ROOT.issueTimestampAuthority("CN=TSA,C=CN", NOW, Duration.ofDays(365)),
                        Clock.fixed(NOW.plus(Duration.ofDays(30)), ZoneOffset.UTC)));
        SealVerification expired = VERIFIER.verify(late);
        assertThat(expired.valid()).as("time-stamped after the seal certificate expired").isFalse();
        assertThat(expired.reason()).contains("not the commission's");
    }

    @Test
    void sealingOverHttpAsksTheAuthoritysEndpointAndFailsWhenItIsUnreachable() throws IOException {
        try (LocalTimestampAuthority.Served served = TSA.serve("127.0.0.1", 0)) {
            RemoteTimestampAuthority remote = new RemoteTimestampAuthority(served.url(), Duration.ofSeconds(5));
            SealVerification verification = VERIFIER.verify(ContractSealer.seal(executed(), SEAL, NOW, "Chongqing, CN", remote));
            assertThat(verification.valid()).as(verification.reason()).isTrue();
            assertThat(verification.level()).isEqualTo("PAdES-BASELINE-T");
            served.close();
            assertThatThrownBy(() -> ContractSealer.seal(executed(), SEAL, NOW, "Chongqing, CN", remote))
                    .isInstanceOf(SignatureTimestamper.TimestampUnavailableException.class);
        }
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
