package org.investflow.platform.testkit;

import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The platform's own libraries follow the rule set they hand to the services, one case per rule. */
class PlatformArchitectureTest {

    static Stream<Arguments> rules() {
        return ArchitectureRules.platformArguments();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holds(String rule, ArchRule check, JavaClasses classes) {
        check.check(classes);
    }
}
