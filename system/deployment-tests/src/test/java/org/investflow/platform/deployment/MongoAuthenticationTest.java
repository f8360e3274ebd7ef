package org.investflow.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compose's MongoDB requires authentication: a root user from the {@code .env}, and one user per service
 * created by {@value MongoInitScript#FILE} with read and write on that service's database only; each
 * service connects as its own user.
 */
class MongoAuthenticationTest {

    private static ComposeFile compose;
    private static String mongo;

    @BeforeAll
    static void load() {
        compose = ComposeFile.load();
        mongo = compose.serviceReachableAs(ComposeFile.uri(compose.environment("intake").get("SPRING_MONGODB_URI")).getHost())
                .orElseThrow();
    }

    static List<InvestFlowService> services() {
        return InvestFlowService.deployables();
    }

    @Test
    void mongoHasARootUserFromTheEnvFileAndAuthenticatesItsReplicaSetMembers() {
        Map<String, String> environment = compose.environment(mongo);

        assertThat(environment.get("MONGO_INITDB_ROOT_USERNAME")).matches(ComposeCredentialsTest.REQUIRED_VARIABLE);
        assertThat(environment.get("MONGO_INITDB_ROOT_PASSWORD")).matches(ComposeCredentialsTest.REQUIRED_VARIABLE);
        assertThat(compose.script(mongo)).as("a replica set with authentication needs a key file").contains("--keyFile");
        assertThat(compose.healthcheck(mongo)).as("the healthcheck must log in to initiate the set").contains("MONGO_INITDB_ROOT_PASSWORD");
    }

    @Test
    void theInitScriptRunsOnFirstStart() {
        assertThat(compose.mountTargets(mongo, "./" + MongoInitScript.FILE))
                .singleElement().asString().startsWith("/docker-entrypoint-initdb.d/");
    }

    @Test
    void theInitScriptGrantsEachUserReadWriteOnItsOwnDatabaseAndNothingElse() {
        String script = MongoInitScript.text();

        assertThat(script.split("createUser\\(", -1)).as("one createUser call, for every account alike").hasSize(2);
        assertThat(script).contains("roles: [{ role: 'readWrite', db: account.db }]")
                .doesNotContain("AnyDatabase").doesNotContain("dbOwner").doesNotContain("'root'").doesNotContain("dbAdmin");
        assertThat(MongoInitScript.accounts()).extracting(MongoInitScript.Account::database)
                .containsExactlyInAnyOrderElementsOf(services().stream().map(InvestFlowService::database).toList());
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyServiceConnectsAsItsOwnUserToItsOwnDatabase(InvestFlowService service) {
        MongoInitScript.Account account = MongoInitScript.accountFor(service.database())
                .orElseThrow(() -> new AssertionError(MongoInitScript.FILE + " creates no user for " + service.database()));
        String uri = compose.environment(service.name()).get("SPRING_MONGODB_URI");
        URI parsed = ComposeFile.uri(uri);

        assertThat(account.user()).isEqualTo(service.name());
        assertThat(parsed.getUserInfo()).startsWith(account.user() + ":");
        assertThat(parsed.getQuery()).contains("authSource=" + service.database());
        assertThat(passwordVariable(uri)).as("password of %s in its URI", service).isEqualTo(account.passwordVariable());
        assertThat(compose.environment(mongo).get(account.passwordVariable()))
                .as("%s handed to the mongo container for the init script", account.passwordVariable())
                .isNotNull().startsWith("${" + account.passwordVariable());
    }

    private static String passwordVariable(String uri) {
        Matcher interpolation = ComposeFile.INTERPOLATION.matcher(uri.substring(uri.indexOf("://") + 3, uri.indexOf('@')));
        assertThat(interpolation.find()).as("%s carries its password as a variable", uri).isTrue();
        return interpolation.group(1);
    }
}
