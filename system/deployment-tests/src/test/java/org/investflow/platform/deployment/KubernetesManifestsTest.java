package org.investflow.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every file under k8s/ is a well-formed manifest, the kustomization deploys them all, and no ConfigMap holds a secret. */
class KubernetesManifestsTest {

    private static final Pattern SECRET_KEY = Pattern.compile("password|passwd|secret|token|credential|private[-_.]?key");
    private static final Pattern CREDENTIALS_IN_URI = Pattern.compile("[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@", Pattern.CASE_INSENSITIVE);

    static List<String> manifestFiles() {
        return KubernetesManifests.files();
    }

    @ParameterizedTest
    @MethodSource("manifestFiles")
    void everyManifestParsesAndNamesItsApiVersionKindAndName(String file) {
        List<JsonNode> documents = Repository.yamlDocuments(KubernetesManifests.directory().resolve(file));

        assertThat(documents).as(file).isNotEmpty().allSatisfy(document -> {
            assertThat(document.path("apiVersion").asString()).as("%s apiVersion", file).isNotBlank();
            assertThat(document.path("kind").asString()).as("%s kind", file).isNotBlank();
            assertThat(document.path("metadata").path("name").asString()).as("%s metadata.name", file).isNotBlank();
        });
    }

    @Test
    void kustomizationDeploysEveryManifestButTheExamples() {
        List<String> expected = KubernetesManifests.files().stream()
                .filter(file -> !file.equals(KubernetesManifests.KUSTOMIZATION))
                .filter(file -> !file.contains(".example."))
                .toList();

        assertThat(KubernetesManifests.kustomizationResources()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theSecretExampleIsNeverDeployed() {
        assertThat(KubernetesManifests.deployed("Secret")).isEmpty();
        assertThat(KubernetesManifests.files()).contains("secret.example.yaml");
    }

    @Test
    void configMapsHoldNoSecrets() {
        List<JsonNode> configMaps = KubernetesManifests.deployed("ConfigMap");

        assertThat(configMaps).isNotEmpty().allSatisfy(configMap -> configMap.path("data").forEachEntry((key, value) -> {
            String name = configMap.path("metadata").path("name").asString() + "/" + key;
            assertThat(looksLikeASecret(key, value.asString())).as("ConfigMap entry %s looks like a secret", name).isFalse();
        }));
    }

    @Test
    void containersGetNoLiteralSecretsInTheirEnvironment() {
        List<JsonNode> env = KubernetesManifests.deployed().stream()
                .flatMap(resource -> resource.path("spec").path("template").path("spec").path("containers").valueStream())
                .flatMap(container -> container.path("env").valueStream())
                .filter(variable -> variable.has("value"))
                .toList();

        assertThat(env).allSatisfy(variable -> assertThat(
                looksLikeASecret(variable.path("name").asString(), variable.path("value").asString()))
                .as("literal env %s", variable.path("name").asString()).isFalse());
    }

    @Test
    void theSecretCheckRecognisesPasswordsAndCredentialsInUris() {
        assertThat(looksLikeASecret("MONGODB_PASSWORD", "s3cr3t")).isTrue();
        assertThat(looksLikeASecret("SPRING_MONGODB_URI", "mongodb://app:s3cr3t@mongo:27017/db")).isTrue();
        assertThat(looksLikeASecret("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")).isFalse();
        assertThat(looksLikeASecret("CLIENT_SECRET", "")).isFalse();
    }

    /** A key naming a secret with a literal value, or any value carrying user:password@ credentials. */
    static boolean looksLikeASecret(String key, String value) {
        boolean secretKey = SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).find() && !value.isBlank();
        return secretKey || CREDENTIALS_IN_URI.matcher(value).find();
    }
}
