package org.investflow.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.investflow.signing.seal.CommissionSeal;
import org.investflow.signing.seal.LocalTimestampAuthority;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The commission's PKI of the tests, one per test JVM, as the local stack has it: a root CA whose key the tests keep
 * (to issue revocation lists for validators), the seal issued by it in a PKCS#12 keystore the service loads, and an
 * RFC 3161 time-stamping authority under the same root answering over HTTP on a free port (registered in
 * {@code META-INF/spring.factories}). The TSA's time is the {@link TestClock}'s. Tests stop the TSA to show that
 * sealing waits and retries, and start it again.
 */
public final class TestCommission implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final CommissionSeal ROOT = CommissionSeal.authority("CN=InvestFlow Test Commission Root CA,O=Chongqing Municipal Commission of Commerce,C=CN",
            Instant.now(), Duration.ofDays(3650));
    static final CommissionSeal SEAL = ROOT.issue("CN=InvestFlow Commission Seal (test),O=Chongqing Municipal Commission of Commerce,C=CN",
            Instant.now(), Duration.ofDays(365));
    static final LocalTimestampAuthority AUTHORITY = new LocalTimestampAuthority(ROOT.issueTimestampAuthority(
            "CN=InvestFlow Local Timestamp Authority (test),O=Chongqing Municipal Commission of Commerce,C=CN", Instant.now(),
            Duration.ofDays(365)), new TestClock());
    private static final String PASSWORD = "test-seal";
    private static final Path KEYSTORE = keystore();
    private static LocalTimestampAuthority.Served served = serve(0);
    private static final int PORT = served.url().getPort();
    private static boolean running = true;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-commission", Map.of(
                "investflow.signing.seal.keystore", KEYSTORE.toString(),
                "investflow.signing.seal.password", PASSWORD,
                "investflow.signing.timestamp.url", served.url().toString(),
                "investflow.signing.timestamp.timeout", "PT2S")));
    }

    /** The TSA is unreachable: its port refuses connections. */
    public static synchronized void stop() {
        if (running) {
            served.close();
            running = false;
        }
    }

    /** It answers again, on the same port (if it was stopped). */
    public static synchronized void restart() {
        if (!running) {
            served = serve(PORT);
            running = true;
        }
    }

    /** An empty certificate revocation list of the root, issued now and valid a day: nothing it issued is revoked. */
    static byte[] emptyRevocationList() {
        try {
            Instant now = Instant.now();
            X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(ROOT.certificate().getSubjectX500Principal().getEncoded()),
                    Date.from(now.minusSeconds(60)));
            builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
            return builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(ROOT.key())).getEncoded();
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalTimestampAuthority.Served serve(int port) {
        try {
            return AUTHORITY.serve("127.0.0.1", port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the tests' time-stamping authority", e);
        }
    }

    private static Path keystore() {
        try {
            Path file = Files.createTempFile("test-commission-seal", ".p12");
            file.toFile().deleteOnExit();
            SEAL.store(file, PASSWORD.toCharArray(), "commission-seal");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
