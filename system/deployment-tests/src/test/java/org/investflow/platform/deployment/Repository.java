package org.investflow.platform.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The repository under test: found by walking up from the working directory to the directory
 * holding {@code services/} and {@code docker-compose.yml}, or named by the system property
 * {@value #ROOT_PROPERTY}.
 */
final class Repository {

    static final String ROOT_PROPERTY = "investflow.repo.root";

    private static final YAMLMapper YAML = YAMLMapper.shared();

    private Repository() {
    }

    static Path root() {
        return locateRoot();
    }

    static Path file(String relativePath) {
        Path file = root().resolve(relativePath);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("expected file " + file + " (repository root " + root() + ")");
        }
        return file;
    }

    /** A file's text, UTF-8. */
    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The single YAML document of a file. */
    static JsonNode yaml(Path file) {
        List<JsonNode> documents = yamlDocuments(file);
        if (documents.size() != 1) {
            throw new AssertionError(file + " holds " + documents.size() + " YAML documents, expected 1");
        }
        return documents.get(0);
    }

    /** Every non-empty YAML document of a file ({@code ---} separated). */
    static List<JsonNode> yamlDocuments(Path file) {
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file)) {
            return documents.readAll().stream().filter(node -> node != null && !node.isMissingNode() && !node.isNull()).toList();
        }
    }

    private static Path locateRoot() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("services")) && Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory holding services/ and docker-compose.yml above "
                + Paths.get("").toAbsolutePath() + "; set -D" + ROOT_PROPERTY);
    }
}
