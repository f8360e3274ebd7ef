package org.investflow.signing;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class SigningArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.investflow.signing");

    @Test
    void theModelKnowsNoSpringBeyondMappingAnnotationsNoKafkaNoWebAndNoUpstreamContract() {
        noClasses().that().resideInAPackage("org.investflow.signing.envelope")
                .and().haveSimpleNameNotEndingWith("Service")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.kafka..",
                        "org.apache.kafka..", "org.springframework.stereotype..", "org.investflow.platform.web..",
                        "org.investflow.platform.messaging..", "org.investflow.negotiation..")
                .check(CLASSES);
    }

    @Test
    void persistenceWebAndMessagingAdaptersDoNotCallEachOther() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAnyPackage("..persistence..", "..messaging..").check(CLASSES);
        noClasses().that().resideInAPackage("..persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..messaging..").check(CLASSES);
        noClasses().that().resideInAPackage("..messaging..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..persistence..").check(CLASSES);
    }

    @Test
    void eSignatureUsesOtherServicesOnlyThroughTheirPublishedEvents() {
        DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> otherServicesCode =
                resideInAPackage("org.investflow.negotiation..").and(DescribedPredicate.not(resideInAPackage("org.investflow.negotiation.events..")))
                        .or(resideInAPackage("org.investflow.intake.."))
                        .or(resideInAPackage("org.investflow.tracking.."));
        noClasses().should().dependOnClassesThat(otherServicesCode).check(CLASSES);
    }
}
