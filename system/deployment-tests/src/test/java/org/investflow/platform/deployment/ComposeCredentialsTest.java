package org.investflow.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every credential of the Compose files comes from an {@code .env} that is never committed: the files
 * interpolate it, with no default to fall back on, and {@code .env.example} names every variable with a
 * placeholder an operator must replace.
 */
class ComposeCredentialsTest {

    static final String ENV_EXAMPLE = ".env.example";

    /** Setting names that hold credentials; a keystore's path is not one (its password is). */
    static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|JAAS|CREDENTIAL|_KEY(?!STORE)|KEYFILE).*");

    /** A password inside a value: JAAS {@code password="..."} or the user info of a URI. */
    static final Pattern EMBEDDED_PASSWORD = Pattern.compile("password=\\\\?\"([^\"\\\\]*)|://[^/:@\\s]+:(\\$\\{[^}]*}|[^@\\s]+)@");

    /** A value that is one interpolation of a variable the operator must set ({@code ${NAME}} or {@code ${NAME:?why}}). */
    static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*(:?\\?[^}]*)?}");

    /** A container-side reference to the container's own environment, {@code $$NAME} in Compose. */
    static final Pattern CONTAINER_VARIABLE = Pattern.compile("\\$\\$\\{?[A-Za-z_][A-Za-z0-9_]*}?");

    @ParameterizedTest
    @ValueSource(strings = {ComposeFile.PRODUCTION, ComposeFile.DEVELOPMENT})
    void everyCredentialSettingIsARequiredVariable(String file) {
        ComposeFile compose = ComposeFile.load(file);

        assertThat(compose.serviceNames()).allSatisfy(service -> compose.environment(service).forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches()) {
                assertThat(value).as("%s of %s in %s", name, service, file).containsPattern(ComposeFile.INTERPOLATION);
            }
        }));
    }

    @ParameterizedTest
    @ValueSource(strings = {ComposeFile.PRODUCTION, ComposeFile.DEVELOPMENT})
    void everyPasswordWrittenIntoAValueIsARequiredVariable(String file) {
        Matcher password = EMBEDDED_PASSWORD.matcher(ComposeFile.load(file).text());
        int found = 0;
        while (password.find()) {
            String value = password.group(1) != null ? password.group(1) : password.group(2);
            assertThat(REQUIRED_VARIABLE.matcher(value).matches() || CONTAINER_VARIABLE.matcher(value).matches())
                    .as("password '%s' in %s is a literal or has a default", value, file).isTrue();
            found++;
        }
        if (file.equals(ComposeFile.PRODUCTION)) {
            assertThat(found).as("the production file authenticates to MongoDB and Kafka").isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ComposeFile.PRODUCTION, ComposeFile.DEVELOPMENT})
    void noCredentialVariableHasADefault(String file) {
        Matcher interpolation = ComposeFile.INTERPOLATION.matcher(ComposeFile.load(file).text());
        while (interpolation.find()) {
            if (SECRET_NAME.matcher(interpolation.group(1)).matches()) {
                assertThat(interpolation.group(2)).as("${%s%s} in %s", interpolation.group(1), interpolation.group(2), file)
                        .doesNotStartWith(":-").doesNotStartWith("-");
            }
        }
    }

    @Test
    void envExampleNamesEveryVariableTheComposeFilesUse() {
        Map<String, String> example = envExample();

        assertThat(example.keySet()).containsAll(ComposeFile.load(ComposeFile.PRODUCTION).variables())
                .containsAll(ComposeFile.load(ComposeFile.DEVELOPMENT).variables());
    }

    @Test
    void envExampleHoldsPlaceholdersNotCredentials() {
        assertThat(envExample()).allSatisfy((name, value) -> {
            if (SECRET_NAME.matcher(name).matches()) {
                assertThat(value.toLowerCase()).as("%s in %s", name, ENV_EXAMPLE).contains("change-me");
            }
        });
    }

    @Test
    void theEnvFileIsNeverCommitted() {
        assertThat(read(".gitignore").lines().map(String::trim)).containsAnyOf(".env", "/.env");
    }

    @Test
    void grafanaAndKeycloakAdministratorsComeFromTheEnvFile() {
        ComposeFile compose = ComposeFile.load();
        String grafana = compose.serviceNames().stream()
                .filter(name -> compose.service(name).path("image").asString().startsWith("grafana/")).findFirst().orElseThrow();

        assertThat(compose.environment(grafana).get("GF_SECURITY_ADMIN_PASSWORD")).as("Grafana's admin password")
                .isNotNull().matches(REQUIRED_VARIABLE);
        assertThat(compose.environment("keycloak").get("KC_BOOTSTRAP_ADMIN_USERNAME")).matches(REQUIRED_VARIABLE);
        assertThat(compose.environment("keycloak").get("KC_BOOTSTRAP_ADMIN_PASSWORD")).matches(REQUIRED_VARIABLE);
    }

    static Map<String, String> envExample() {
        Map<String, String> variables = new LinkedHashMap<>();
        List<String> lines = read(ENV_EXAMPLE).lines().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        lines.forEach(line -> {
            int split = line.indexOf('=');
            assertThat(split).as("'%s' in %s is NAME=value", line, ENV_EXAMPLE).isPositive();
            variables.put(line.substring(0, split).trim(), line.substring(split + 1).trim());
        });
        return variables;
    }

    private static String read(String file) {
        return Repository.text(Repository.file(file));
    }
}
