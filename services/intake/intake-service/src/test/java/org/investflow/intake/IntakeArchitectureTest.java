package org.investflow.intake;

import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.investflow.platform.testkit.ArchitectureRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The platform's architecture rules, one case per rule. */
class IntakeArchitectureTest {

    static Stream<Arguments> rules() {
        return ArchitectureRules.of("org.investflow.intake").arguments();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holds(String rule, ArchRule check, JavaClasses classes) {
        check.check(classes);
    }
}
