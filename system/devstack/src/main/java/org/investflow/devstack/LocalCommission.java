package org.investflow.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.investflow.signing.seal.CommissionSeal;
import org.investflow.signing.seal.LocalTimestampAuthority;

/**
 * The local stack's commission PKI in {@code .devstack/seal/}, made once and reused at every start, so contracts sealed
 * before a restart keep verifying: a local root CA ({@code commission-ca.p12}, its certificate exported as
 * {@code commission-ca.pem} for {@code pdfsig} and other validators), the commission seal issued by it
 * ({@code commission-seal.p12}, which e-signature loads) and a time-stamping authority's key issued by it
 * ({@code timestamp-authority.p12}, extended key usage timeStamping). The keystores share one password, made at
 * random next to them. The TSA answers RFC 3161 over HTTP on {@value #TSA_PORT} while the stack runs.
 */
final class LocalCommission {

    static final int TSA_PORT = 8086;
    private static final String ORGANISATION = ",O=Chongqing Municipal Commission of Commerce,C=CN";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration VALIDITY = Duration.ofDays(1825);

    private LocalCommission() {
    }

    /** What the services need to seal and verify with the local PKI, and the running TSA (closing stops it). */
    record Running(Map<String, Object> settings, LocalTimestampAuthority.Served timestampAuthority) implements AutoCloseable {
        @Override
        public void close() {
            timestampAuthority.close();
        }
    }

    /**
     * Makes the PKI in {@code dir} unless it is there (certificates valid from {@code clock}'s now), starts its TSA on
     * {@code tsaPort} (0: any free port) stamping {@code clock}'s time, and answers the services' settings.
     */
    static Running start(Path dir, int tsaPort, Clock clock) throws IOException {
        Files.createDirectories(dir);
        char[] password = password(dir).toCharArray();
        Instant now = clock.instant();
        CommissionSeal ca = authority(dir, password, now);
        Path pem = dir.resolve("commission-ca.pem");
        Files.writeString(pem, CommissionSeal.pem(ca.certificate()));
        Path seal = dir.resolve("commission-seal.p12");
        if (!Files.exists(seal)) {
            ca.issue("CN=InvestFlow Commission Seal (development)" + ORGANISATION, now, VALIDITY).store(seal, password, "commission-seal");
        }
        Path tsaKeystore = dir.resolve("timestamp-authority.p12");
        if (!Files.exists(tsaKeystore)) {
            ca.issueTimestampAuthority("CN=InvestFlow Local Timestamp Authority (development)" + ORGANISATION, now, VALIDITY)
                    .store(tsaKeystore, password, "timestamp-authority");
        }
        LocalTimestampAuthority tsa = new LocalTimestampAuthority(CommissionSeal.load(tsaKeystore, password, "timestamp-authority"),
                clock);
        LocalTimestampAuthority.Served served = tsa.serve("127.0.0.1", tsaPort);
        return new Running(Map.of("investflow.signing.seal.keystore", seal.toString(),
                "investflow.signing.seal.password", new String(password),
                "investflow.signing.seal.development", "true",
                "investflow.signing.seal.trust-anchor", pem.toString(),
                "investflow.signing.timestamp.url", served.url().toString(),
                "investflow.signing.timestamp.trust-anchors", pem.toString()), served);
    }

    /**
     * The local root CA, made at the first start. A seal keystore left by a stack from before the CA was kept (its
     * issuer's key was never stored, so no TSA could be issued under it) is moved aside and a new seal issued.
     */
    private static CommissionSeal authority(Path dir, char[] password, Instant now) throws IOException {
        Path file = dir.resolve("commission-ca.p12");
        if (Files.exists(file)) {
            return CommissionSeal.load(file, password, "commission-ca");
        }
        Path orphan = dir.resolve("commission-seal.p12");
        if (Files.exists(orphan)) {
            Files.move(orphan, dir.resolve("commission-seal.p12.without-ca"), StandardCopyOption.REPLACE_EXISTING);
            System.out.println("The local commission seal in " + dir + " has no CA key kept beside it: a new local CA and seal are made "
                    + "(the old seal is kept as commission-seal.p12.without-ca; contracts it sealed no longer verify here).");
        }
        CommissionSeal ca = CommissionSeal.authority("CN=InvestFlow Local Commission Root CA" + ORGANISATION, now, CA_VALIDITY);
        ca.store(file, password, "commission-ca");
        return ca;
    }

    private static String password(Path dir) throws IOException {
        Path file = dir.resolve("password");
        if (!Files.exists(file)) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        }
        return Files.readString(file).strip();
    }
}
