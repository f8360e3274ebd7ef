package org.investflow.signing.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.investflow.signing.contract.ContractSealing;
import org.investflow.signing.contract.ExecutedContracts;
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

/** The commission's seal and its verifier; a missing or expired seal certificate stops the start. */
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
    SealVerifier sealVerifier(CommissionSeal seal) {
        return new SealVerifier(seal.certificate());
    }

    private static CommissionSeal seal(SealProperties properties, Clock clock) {
        char[] password = properties.password().toCharArray();
        if (properties.keystore().isBlank()) {
            LOG.warn("no seal keystore configured: sealing with a development seal generated in memory");
            return CommissionSeal.generate(properties.subject(), clock.instant(), properties.validity());
        }
        Path file = Path.of(properties.keystore());
        if (Files.exists(file)) {
            return CommissionSeal.load(file, password, properties.alias());
        }
        LOG.warn("seal keystore {} does not exist: generating a development seal into it", file);
        CommissionSeal generated = CommissionSeal.generate(properties.subject(), clock.instant(), properties.validity());
        generated.store(file, password, properties.alias());
        return generated;
    }
}
