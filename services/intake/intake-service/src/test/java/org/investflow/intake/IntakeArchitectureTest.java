package org.investflow.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class IntakeArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.investflow.intake");

    @Test
    void theModelKnowsNoSpringBeyondMappingAnnotationsNoKafkaAndNoWeb() {
        noClasses().that().resideInAPackage("org.investflow.intake.intention")
                .and().haveSimpleNameNotEndingWith("Service")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.kafka..",
                        "org.apache.kafka..", "org.springframework.stereotype..", "org.investflow.platform.web..")
                .check(CLASSES);
    }

    @Test
    void persistenceAndWebAdaptersDoNotCallEachOther() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAPackage("..persistence..").check(CLASSES);
        noClasses().that().resideInAPackage("..persistence..")
                .should().dependOnClassesThat().resideInAPackage("..web..").check(CLASSES);
    }

    @Test
    void intakeUsesNoOtherServicesCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.investflow.negotiation..",
                "org.investflow.signing..", "org.investflow.tracking..").check(CLASSES);
    }
}
