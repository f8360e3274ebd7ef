package org.investflow.tracking;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class TrackingArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.investflow.tracking");

    static final String[] NOT_IN_THE_MODEL = {"org.springframework.web..", "org.springframework.kafka..",
            "org.apache.kafka..", "org.springframework.stereotype..", "org.investflow.platform.web..",
            "org.springframework.data.mongodb.core.ReactiveMongoTemplate", "reactor.."};

    @Test
    void theModelsKnowNoSpringBeyondMappingAnnotationsNoKafkaNoWebAndNoReactor() {
        noClasses().that().resideInAnyPackage("org.investflow.tracking.project", "org.investflow.tracking.pipeline")
                .and().haveSimpleNameNotEndingWith("Service")
                .and().haveSimpleNameNotEndingWith("Counts")
                .should().dependOnClassesThat().resideInAnyPackage(NOT_IN_THE_MODEL)
                .check(CLASSES);
    }

    @Test
    void persistenceWebAndMessagingAdaptersDoNotCallEachOther() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAnyPackage("..persistence..", "..messaging..").check(CLASSES);
        noClasses().that().resideInAPackage("..persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..messaging..").check(CLASSES);
        noClasses().that().resideInAPackage("..tracking..messaging..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..persistence..").check(CLASSES);
    }

    @Test
    void projectsAndThePipelineAreIndependentFeatures() {
        noClasses().that().resideInAPackage("org.investflow.tracking.project..")
                .should().dependOnClassesThat().resideInAPackage("org.investflow.tracking.pipeline..").check(CLASSES);
        noClasses().that().resideInAPackage("org.investflow.tracking.pipeline..")
                .should().dependOnClassesThat().resideInAPackage("org.investflow.tracking.project..").check(CLASSES);
    }

    @Test
    void otherServicesAreKnownOnlyThroughTheirEventsModules() {
        noClasses().should().dependOnClassesThat(
                        resideInAnyPackage("org.investflow.intake..", "org.investflow.negotiation..", "org.investflow.signing..")
                                .and(not(resideInAnyPackage("org.investflow.intake.events", "org.investflow.negotiation.events",
                                        "org.investflow.signing.events"))))
                .check(CLASSES);
    }
}
