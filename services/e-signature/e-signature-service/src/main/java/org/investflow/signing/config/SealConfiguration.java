package org.investflow.signing.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;

import org.investflow.signing.contract.persistence.ContractSealing;
import org.investflow.signing.contract.persistence.ExecutedContracts;
import org.investflow.signing.contract.persistence.GridFsExecutedContracts;
import org.investflow.signing.envelope.ContractClauses;
import org.investflow.signing.seal.CommissionSeal;
import org.investflow.signing.seal.SealVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;

/**
 * The commission's seal, its verifier and the store of executed contracts. Fail closed: a missing, unreadable or
 * expired seal stops the start with a message naming the setting, unless the development setting allows a generated one.
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
    ContractSealing contractSealing(CommissionSeal seal, ExecutedContracts executed, ContractProperties contract) {
        return new ContractSealing(seal, executed, new ContractClauses(contract.governingLaw(), contract.disputeResolution()));
    }

    @Bean
    SealVerifier sealVerifier(CommissionSeal seal, SealProperties properties) {
        return new SealVerifier(properties.trustAnchor().isBlank() ? seal.trustAnchor() : certificate(Path.of(properties.trustAnchor())));
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

    private static X509Certificate certificate(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the commission's root CA certificate " + pem + " (investflow.signing.seal.trust-anchor)", e);
        }
    }
}
