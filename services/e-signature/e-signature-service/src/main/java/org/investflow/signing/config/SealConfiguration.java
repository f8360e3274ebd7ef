package org.investflow.signing.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import io.micrometer.core.instrument.MeterRegistry;
import org.investflow.signing.contract.DraftContracts;
import org.investflow.signing.contract.persistence.ContractSealing;
import org.investflow.signing.contract.persistence.ExecutedContracts;
import org.investflow.signing.contract.persistence.GridFsExecutedContracts;
import org.investflow.signing.envelope.ContractClauses;
import org.investflow.signing.seal.CommissionSeal;
import org.investflow.signing.seal.LocalTimestampAuthority;
import org.investflow.signing.seal.RemoteTimestampAuthority;
import org.investflow.signing.seal.SealVerifier;
import org.investflow.signing.seal.SignatureTimestamper;
import org.investflow.signing.seal.TrustedRoots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;

/**
 * The commission's seal, the time-stamping authority of its seals, its verifier, the store of executed contracts and the
 * drafts kept in memory.
 * Fail closed: a missing, unreadable or expired seal, or no TSA, stops the start with a message naming the setting,
 * unless the development setting allows generated ones.
 */
@Configuration(proxyBeanMethods = false)
class SealConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SealConfiguration.class);

    @Bean
    CommissionSeal commissionSeal(SealProperties properties, Clock clock) {
        return seal(properties, clock).requireValidAt(clock.instant());
    }

    @Bean
    ExecutedContracts executedContracts(ReactiveMongoDatabaseFactory mongo, MongoConverter converter) {
        return new GridFsExecutedContracts(new ReactiveGridFsTemplate(mongo, converter));
    }

    @Bean
    DraftContracts draftContracts(MeterRegistry meters, ContractProperties contract) {
        return new DraftContracts(meters, contract.draftCache().toBytes());
    }

    @Bean
    ContractSealing contractSealing(CommissionSeal seal, SignatureTimestamper timestamps, ExecutedContracts executed, ContractProperties contract,
                                    DraftContracts drafts) {
        return new ContractSealing(seal, timestamps, executed, new ContractClauses(contract.governingLaw(), contract.disputeResolution()), drafts);
    }

    /** The TSA of {@code investflow.signing.timestamp.url}; none configured: fail closed, unless development allows one in process. */
    @Bean
    SignatureTimestamper signatureTimestamper(TimestampProperties timestamp, SealProperties seal, Clock clock) {
        if (!timestamp.url().isBlank()) {
            return new RemoteTimestampAuthority(URI.create(timestamp.url()), timestamp.timeout());
        }
        if (!seal.development()) {
            throw new IllegalStateException("no time-stamping authority configured: set investflow.signing.timestamp.url (an RFC 3161 "
                    + "TSA; seals are PAdES-BASELINE-T)");
        }
        LOG.warn("no time-stamping authority configured (development): time-stamping seals in process");
        return LocalTimestampAuthority.generate(clock);
    }

    @Bean
    SealVerifier sealVerifier(CommissionSeal seal, SealProperties properties, TimestampProperties timestamp, SignatureTimestamper timestamps) {
        X509Certificate commission = properties.trustAnchor().isBlank() ? seal.trustAnchor() : certificates(Path.of(properties.trustAnchor())).get(0);
        return new SealVerifier(TrustedRoots.of(commission), timestampAuthorities(timestamp, commission, timestamps));
    }

    /**
     * The roots whose TSAs are trusted: those of {@code trust-anchors}; else the commission's root CA, the JVM's default
     * trusted roots (where public TSAs chain) and, in development, the in-process TSA's root.
     */
    static TrustedRoots timestampAuthorities(TimestampProperties timestamp, X509Certificate commission, SignatureTimestamper timestamps) {
        if (!timestamp.trustAnchors().isBlank()) {
            return new TrustedRoots(certificates(Path.of(timestamp.trustAnchors())));
        }
        List<X509Certificate> roots = new ArrayList<>(List.of(commission));
        if (timestamps instanceof LocalTimestampAuthority local) {
            roots.add(local.root());
        }
        roots.addAll(jvmTrustedRoots());
        return new TrustedRoots(roots);
    }

    private static List<X509Certificate> jvmTrustedRoots() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                    .flatMap(manager -> Arrays.stream(((X509TrustManager) manager).getAcceptedIssuers())).toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JVM's trusted root certificates", e);
        }
    }

    static CommissionSeal seal(SealProperties properties, Clock clock) {
        if (properties.keystore().isBlank()) {
            if (!properties.development()) {
                throw new IllegalStateException("no commission seal configured: set investflow.signing.seal.keystore (a PKCS#12 file "
                        + "with the seal key and its chain to the commission's root CA) and investflow.signing.seal.password");
            }
            LOG.warn("no seal keystore configured (development): sealing with a seal generated in memory");
            return CommissionSeal.generate(properties.subject(), clock.instant(), properties.validity());
        }
        Path file = Path.of(properties.keystore());
        if (!Files.exists(file)) {
            if (!properties.development()) {
                throw new IllegalStateException("the commission seal keystore " + file.toAbsolutePath() + " does not exist "
                        + "(investflow.signing.seal.keystore): mount it from its Secret");
            }
            LOG.warn("seal keystore {} does not exist (development): generating a local root CA and a seal into it", file);
            requirePassword(properties);
            CommissionSeal generated = CommissionSeal.generate(properties.subject(), clock.instant(), properties.validity());
            generated.store(file, properties.password().toCharArray(), properties.alias());
            return generated;
        }
        requirePassword(properties);
        return CommissionSeal.load(file, properties.password().toCharArray(), properties.alias());
    }

    private static void requirePassword(SealProperties properties) {
        if (properties.password().isBlank()) {
            throw new IllegalStateException("the commission seal keystore needs its password: set investflow.signing.seal.password");
        }
    }

    /** Every certificate of the PEM file {@code pem}; at least one. */
    private static List<X509Certificate> certificates(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> found = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("no certificate in " + pem);
            }
            return found;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the trusted root certificates in " + pem
                    + " (investflow.signing.seal.trust-anchor / investflow.signing.timestamp.trust-anchors)", e);
        }
    }
}
