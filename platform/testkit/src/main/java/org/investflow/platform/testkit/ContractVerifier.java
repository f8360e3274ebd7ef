package org.investflow.platform.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.events.EventType;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Holds an events module's three artefacts per type together: the record, its JSON Schema and its
 * golden example. Fails when they disagree in any direction, and when the Kafka record built from
 * the example is not a valid CloudEvent by the official CloudEvents JSON Schema.
 */
public final class ContractVerifier {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private ContractVerifier() {
    }

    /** Verifies every type of {@code catalog}. */
    public static void verify(EventCatalog catalog) {
        assertThat(catalog.types()).as("event types of " + catalog.topic()).isNotEmpty();
        catalog.types().forEach(type -> verify(catalog, type));
    }

    private static void verify(EventCatalog catalog, EventType<?> type) {
        String example = GoldenEvents.read(catalog.exampleResource(type));
        JsonNode schema = GoldenEvents.tree(GoldenEvents.read(catalog.schemaResource(type)));
        assertValid(SCHEMAS.getSchema(schema), example, type + " golden example against its schema");
        assertSchemaMatchesRecord(schema, type);
        Object record = STRICT.readValue(example, type.recordClass());
        assertThat(STRICT.readTree(STRICT.writeValueAsString(record)))
                .as(type + ": the record serialises back to its golden example")
                .isEqualTo(STRICT.readTree(example));
        assertIsCloudEvent(catalog, type);
    }

    private static void assertSchemaMatchesRecord(JsonNode schema, EventType<?> type) {
        Set<String> components = new TreeSet<>(Arrays.stream(type.recordClass().getRecordComponents())
                .map(RecordComponent::getName).toList());
        Set<String> properties = new TreeSet<>(schema.path("properties").propertyNames());
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        assertThat(properties).as(type + ": schema properties = record components").isEqualTo(components);
        assertThat(required).as(type + ": every record component is required in the schema").isEqualTo(components);
        assertThat(schema.path("properties").path("caseId").isMissingNode())
                .as(type + ": every event names its case").isFalse();
    }

    private static void assertIsCloudEvent(EventCatalog catalog, EventType<?> type) {
        ProducerRecord<String, byte[]> record = GoldenEvents.record(catalog, type.type(), Map.of());
        Map<String, Object> structured = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.key().startsWith("ce_")) {
                structured.put(header.key().substring(3), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        structured.put("datacontenttype", new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
        structured.put("data", STRICT.readTree(record.value()));
        assertThat(structured.get("subject")).as("ce_subject is the case id").isEqualTo(record.key());
        Schema cloudEvents = SCHEMAS.getSchema(GoldenEvents.tree(GoldenEvents.read("/schemas/cloudevents.json")));
        assertValid(cloudEvents, STRICT.writeValueAsString(structured), type + " as a CloudEvent");
        assertThat(structured.get("type")).isEqualTo(type.type());
    }

    private static void assertValid(Schema schema, String json, String what) {
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        assertThat(errors).as(what).isEmpty();
    }

    /** An object node of the example, for tests that break it on purpose. */
    static ObjectNode exampleNode(EventCatalog catalog, EventType<?> type) {
        return (ObjectNode) GoldenEvents.tree(GoldenEvents.read(catalog.exampleResource(type)));
    }
}
