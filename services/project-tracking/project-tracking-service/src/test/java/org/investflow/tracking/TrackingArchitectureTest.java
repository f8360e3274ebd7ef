package org.investflow.tracking;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.investflow.platform.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The platform's architecture rules, one case per rule. */
class TrackingArchitectureTest {

    static Stream<Arguments> rules() {
        return ArchitectureRules.of("org.investflow.tracking").arguments();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holds(String rule, ArchRule check, JavaClasses classes) {
        check.check(classes);
    }

    @Test
    void projectsAndThePipelineAreIndependentFeatures() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.investflow.tracking");
        noClasses().that().resideInAPackage("org.investflow.tracking.project..")
                .should().dependOnClassesThat().resideInAPackage("org.investflow.tracking.pipeline..").check(classes);
        noClasses().that().resideInAPackage("org.investflow.tracking.pipeline..")
                .should().dependOnClassesThat().resideInAPackage("org.investflow.tracking.project..").check(classes);
    }
}
