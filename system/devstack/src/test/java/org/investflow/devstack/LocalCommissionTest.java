package org.investflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;

import org.investflow.signing.seal.CommissionSeal;
import org.investflow.signing.seal.RemoteTimestampAuthority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's commission PKI: made once into {@code .devstack/seal/} and reused, the root CA exported as PEM, the
 * seal and the time-stamping authority both issued by it, the TSA answering RFC 3161 over HTTP.
 */
class LocalCommissionTest {

    @Test
    void theLocalCaIsMadeOnceExportedAsPemAndIssuesTheSealAndTheTimestampingAuthority(@TempDir Path dir) throws Exception {
        String pem;
        try (LocalCommission.Running first = running(dir)) {
            pem = Files.readString(dir.resolve("commission-ca.pem"));
            X509Certificate ca = certificate(pem);
            String password = Files.readString(dir.resolve("password")).strip();
            CommissionSeal seal = CommissionSeal.load(dir.resolve("commission-seal.p12"), password.toCharArray(), "commission-seal");
            CommissionSeal tsa = CommissionSeal.load(dir.resolve("timestamp-authority.p12"), password.toCharArray(), "timestamp-authority");
            assertThat(seal.trustAnchor()).isEqualTo(ca);
            assertThat(tsa.trustAnchor()).isEqualTo(ca);
            assertThat(tsa.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
            assertThat(first.settings()).containsEntry("investflow.signing.seal.trust-anchor", dir.resolve("commission-ca.pem").toString())
                    .containsEntry("investflow.signing.timestamp.trust-anchors", dir.resolve("commission-ca.pem").toString());
            URI url = URI.create((String) first.settings().get("investflow.signing.timestamp.url"));
            assertThat(new RemoteTimestampAuthority(url, Duration.ofSeconds(5)).timestamp("a seal".getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        }
        try (LocalCommission.Running again = running(dir)) {
            assertThat(Files.readString(dir.resolve("commission-ca.pem"))).as("reused, not made again").isEqualTo(pem);
        }
    }

    private static LocalCommission.Running running(Path dir) throws IOException {
        return LocalCommission.start(dir, 0, Clock.systemUTC());
    }

    private static X509Certificate certificate(String pem) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }
}
