package org.investflow.platform.testkit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The one architecture rule set of InvestFlow, applied by every service's architecture test and by
 * the platform itself. A service's <em>domain</em> is every class of its feature packages except the
 * adapters ({@code web}, {@code messaging}, {@code persistence} and {@code scheduling} sub-packages: what
 * drives the application from HTTP, Kafka or a timer, and what stores it), {@code config}, and
 * the Spring beans (application services and infrastructure components, recognised by their
 * stereotype annotation, never by a name suffix) and {@code @ConfigurationProperties} settings.
 *
 * <pre>
 * static Stream&lt;Arguments&gt; rules() { return ArchitectureRules.of("org.investflow.negotiation").arguments(); }
 * &#64;ParameterizedTest &#64;MethodSource("rules") void holds(String name, ArchRule rule, JavaClasses classes) { rule.check(classes); }
 * </pre>
 */
public final class ArchitectureRules {

    /** Where services keep the events other services may depend on. */
    private static final String SERVICES = "org.investflow";
    private static final Set<String> SERVICE_ROOTS = Set.of("intake", "negotiation", "signing", "tracking", "portal");
    private static final String[] NOT_IN_THE_DOMAIN = {"org.springframework.web..", "org.springframework.kafka..",
            "org.apache.kafka..", "org.springframework.stereotype..", "org.springframework.context..",
            "org.springframework.beans..", "org.springframework.data.mongodb.core", "org.springframework.data.mongodb.repository..",
            "org.springframework.http..", "org.investflow.platform.web..", "org.investflow.platform.messaging..",
            "reactor.."};

    private final String servicePackage;
    private final JavaClasses classes;
    private final Set<String> frozen = new TreeSet<>();

    private ArchitectureRules(String servicePackage) {
        this.servicePackage = servicePackage;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
    }

    /** The rules for the service (or platform library) whose code lives under {@code servicePackage}. */
    public static ArchitectureRules of(String servicePackage) {
        return new ArchitectureRules(servicePackage);
    }

    /**
     * Exempts the named classes from the domain rules for now: a narrow, named freeze list of known
     * violations (each to be moved out of the domain), never a pattern.
     */
    public ArchitectureRules freezing(String... classNames) {
        frozen.addAll(List.of(classNames));
        return this;
    }

    /** Every rule with its name and the imported classes, for a parameterised test. */
    public Stream<Arguments> arguments() {
        return Stream.of(
                Arguments.of("the domain knows no Spring beyond mapping annotations, no Kafka, no web and no reactor",
                        domainIsPlain(), classes),
                Arguments.of("other services are known only through their -events packages", onlyOtherServicesEvents(), classes),
                Arguments.of("adapters do not call each other", adaptersDoNotCallEachOther(), classes),
                Arguments.of("Kafka listeners are made from Inbound registrations, not written", noHandWrittenListeners(), classes),
                Arguments.of("subscription classes only register handlers", subscriptionsOnlyRegister(), classes));
    }

    /**
     * The rules for the platform's libraries: the contract building blocks are plain Java, no library
     * depends on a service, the web edge does not need messaging, and no listener is hand-written.
     */
    public static Stream<Arguments> platformArguments() {
        JavaClasses platform = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.investflow.platform");
        return Stream.of(
                Arguments.of("the domain and event building blocks know no Spring beyond mapping annotations and no reactor",
                        noClasses().that().resideInAnyPackage("org.investflow.platform.domain..", "org.investflow.platform.events..")
                                .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "reactor..", "org.apache.kafka..")
                                        .and(not(resideInAPackage("org.springframework.data.annotation..")))), platform),
                Arguments.of("no platform library depends on a service",
                        noClasses().should().dependOnClassesThat().resideInAnyPackage(SERVICE_ROOTS.stream()
                                .map(root -> SERVICES + "." + root + "..").toArray(String[]::new)), platform),
                Arguments.of("the web edge does not depend on messaging",
                        noClasses().that().resideInAPackage("org.investflow.platform.web..")
                                .should().dependOnClassesThat().resideInAPackage("org.investflow.platform.messaging.."), platform),
                Arguments.of("Kafka listeners are made from Inbound registrations, not written",
                        noMethods().should().beAnnotatedWith("org.springframework.kafka.annotation.KafkaListener"), platform));
    }

    ArchRule domainIsPlain() {
        return noClasses().that(domain())
                .should().dependOnClassesThat().resideInAnyPackage(NOT_IN_THE_DOMAIN)
                .allowEmptyShould(true);
    }

    ArchRule onlyOtherServicesEvents() {
        DescribedPredicate<JavaClass> otherServicesCode = new DescribedPredicate<>("another service's code but its events") {
            @Override
            public boolean test(JavaClass target) {
                String name = target.getPackageName();
                for (String root : SERVICE_ROOTS) {
                    String other = SERVICES + "." + root;
                    if (!servicePackage.equals(other) && (name.equals(other) || name.startsWith(other + "."))) {
                        return !name.equals(other + ".events");
                    }
                }
                return false;
            }
        };
        return noClasses().should().dependOnClassesThat(otherServicesCode);
    }

    ArchRule adaptersDoNotCallEachOther() {
        String own = servicePackage + "..";
        return CompositeArchRule.of(noClasses().that().resideInAnyPackage(own + "web..", own + "messaging..")
                        .should().dependOnClassesThat().resideInAPackage(own + "persistence..").allowEmptyShould(true))
                .and(noClasses().that().resideInAPackage(own + "persistence..")
                        .should().dependOnClassesThat().resideInAnyPackage(own + "web..", own + "messaging..").allowEmptyShould(true))
                .and(noClasses().that().resideInAPackage(own + "web..")
                        .should().dependOnClassesThat().resideInAPackage(own + "messaging..").allowEmptyShould(true));
    }

    ArchRule noHandWrittenListeners() {
        return noMethods().should().beAnnotatedWith("org.springframework.kafka.annotation.KafkaListener")
                .allowEmptyShould(true);
    }

    ArchRule subscriptionsOnlyRegister() {
        return classes().that().resideInAPackage(servicePackage + "..messaging..")
                .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "org.investflow.platform.messaging..",
                        "org.investflow.platform.events..", "org.springframework.context.annotation..", "..events..")
                        .or(resideInAPackage(servicePackage + "..").and(not(resideInAnyPackage("..persistence..", "..web..")))))
                .allowEmptyShould(true);
    }

    private DescribedPredicate<JavaClass> domain() {
        String root = servicePackage + ".";
        return new DescribedPredicate<>("are in the domain of " + servicePackage) {
            @Override
            public boolean test(JavaClass type) {
                String name = type.getPackageName();
                return name.startsWith(root) && !isAdapterOrWiring(name.substring(root.length()))
                        && !type.isMetaAnnotatedWith("org.springframework.stereotype.Component")
                        && !type.isAnnotatedWith("org.springframework.boot.context.properties.ConfigurationProperties")
                        && !frozen.contains(type.getName()) && !frozen.contains(outermost(type).getName());
            }
        };
    }

    private static boolean isAdapterOrWiring(String featurePath) {
        List<String> parts = List.of(featurePath.split("\\."));
        return parts.contains("web") || parts.contains("messaging") || parts.contains("persistence")
                || parts.contains("scheduling") || parts.get(0).equals("config");
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass current = type;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }
}
