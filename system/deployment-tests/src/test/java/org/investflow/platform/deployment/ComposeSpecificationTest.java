package org.investflow.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** docker-compose.yml against the official Compose specification schema (compose-spec/compose-spec). */
class ComposeSpecificationTest {

    private static Schema composeSpec;

    @BeforeAll
    static void loadSchema() {
        // Loaded by location: the schema's relative $id ("compose_spec.json") resolves against it.
        composeSpec = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(SchemaLocation.of("classpath:schemas/compose-spec.json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {ComposeFile.PRODUCTION, ComposeFile.DEVELOPMENT})
    void composeFileConformsToTheComposeSpecification(String file) {
        List<Error> errors = composeSpec.validate(ComposeFile.load(file).root());

        assertThat(errors).as("violations of compose-spec.json in %s", file).isEmpty();
    }

    @Test
    void theSchemaRejectsAComposeFileWithAMisspelledServiceKey() {
        JsonNode compose = ComposeFile.load().root().deepCopy();
        ObjectNode intake = (ObjectNode) compose.path("services").path("intake");
        intake.set("helthcheck", intake.path("healthcheck"));

        assertThat(composeSpec.validate(compose)).as("the schema must bite, or the conformance test proves nothing")
                .isNotEmpty();
    }

    @Test
    void theSchemaRejectsADependencyConditionComposeDoesNotKnow() {
        JsonNode compose = ComposeFile.load().root().deepCopy();
        ((ObjectNode) compose.path("services").path("intake").path("depends_on").path("kafka"))
                .put("condition", "service_ready");

        assertThat(composeSpec.validate(compose)).isNotEmpty();
    }
}
