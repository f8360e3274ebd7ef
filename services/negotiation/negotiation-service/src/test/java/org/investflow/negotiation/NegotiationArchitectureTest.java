package org.investflow.negotiation;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class NegotiationArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.investflow.negotiation");

    @Test
    void theModelKnowsNoSpringBeyondMappingAnnotationsNoKafkaAndNoWeb() {
        noClasses().that().resideInAPackage("org.investflow.negotiation.negotiation")
                .and().haveSimpleNameNotEndingWith("Service")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.kafka..",
                        "org.apache.kafka..", "org.springframework.stereotype..", "org.investflow.platform.web..",
                        "org.investflow.platform.messaging..", "reactor..")
                .check(CLASSES);
    }

    @Test
    void adaptersDoNotCallEachOther() {
        noClasses().that().resideInAnyPackage("..web..", "..messaging..")
                .should().dependOnClassesThat().resideInAPackage("..persistence..").check(CLASSES);
        noClasses().that().resideInAPackage("..persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..messaging..").check(CLASSES);
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAPackage("..messaging..").check(CLASSES);
    }

    @Test
    void negotiationKnowsIntakeAndESignatureOnlyThroughTheirPublishedEvents() {
        noClasses().should().dependOnClassesThat(resideInAPackage("org.investflow.intake..")
                        .and(not(resideInAPackage("org.investflow.intake.events"))))
                .check(CLASSES);
        noClasses().should().dependOnClassesThat(resideInAPackage("org.investflow.signing..")
                        .and(not(resideInAPackage("org.investflow.signing.events"))))
                .check(CLASSES);
        noClasses().should().dependOnClassesThat().resideInAPackage("org.investflow.tracking..").check(CLASSES);
    }
}
