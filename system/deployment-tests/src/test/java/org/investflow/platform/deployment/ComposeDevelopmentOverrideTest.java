package org.investflow.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.dev.yml, layered on the production file ({@code docker compose -f docker-compose.yml
 * -f docker-compose.dev.yml up}), brings what only a developer may have: GreenMail as e-signature's
 * mail server, the demo users, and published ports of the internal services for debugging.
 */
class ComposeDevelopmentOverrideTest {

    private static ComposeFile production;
    private static ComposeFile development;

    @BeforeAll
    static void load() {
        production = ComposeFile.load(ComposeFile.PRODUCTION);
        development = ComposeFile.load(ComposeFile.DEVELOPMENT);
    }

    @Test
    void theOverrideBringsGreenMailAndPointsESignatureAtIt() {
        String mail = development.serviceNames().stream()
                .filter(name -> development.service(name).path("image").asString("").startsWith("greenmail/"))
                .findFirst().orElseThrow(() -> new AssertionError("no GreenMail in " + ComposeFile.DEVELOPMENT));

        assertThat(development.environment("e-signature")).containsEntry("SMTP_HOST", mail);
        assertThat(development.dependsOn("e-signature")).containsKey(mail);
    }

    @Test
    void theOverrideOnlyExtendsServicesOfTheProductionFileOrAddsItsMailServer() {
        assertThat(development.serviceNames()).allSatisfy(name -> assertThat(
                production.serviceNames().contains(name) || development.service(name).path("image").asString("").startsWith("greenmail/"))
                .as("%s of the override", name).isTrue());
    }

    @Test
    void theOverridePublishesTheInternalPortsForLocalDebugging() {
        assertThat(development.serviceNames().stream().flatMap(name -> development.publishedContainerPorts(name).stream()))
                .contains(27017, 3025, 3143);
    }
}
