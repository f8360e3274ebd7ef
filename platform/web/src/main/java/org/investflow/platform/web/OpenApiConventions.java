package org.investflow.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * One place that makes every service's OpenAPI document ({@code /v3/api-docs}) say what the API does,
 * so that clients generated from it (the portal's API types) and linters (Redocly's recommended rules)
 * see the truth without each controller repeating it:
 * <ul>
 *   <li>the {@link Caller} argument is resolved from the bearer token, never a request parameter: hidden;</li>
 *   <li>every operation has a summary (its own, or its method name in words) and a tag named by its
 *       feature (the controller's name without "Controller", unless it names a {@link Tag});</li>
 *   <li>bodies the code leaves as {@code *}{@code /*} are {@code application/json};</li>
 *   <li>the errors every endpoint can answer are documented as {@code application/problem+json}
 *       ({@link #PROBLEM_SCHEMA}): 401 and 403 always, 400 when it takes input, 404 when the path
 *       names a resource.</li>
 * </ul>
 */
@AutoConfiguration
@ConditionalOnClass(OperationCustomizer.class)
public class OpenApiConventions {

    static final String PROBLEM = "application/problem+json";
    static final String PROBLEM_SCHEMA = "Problem";
    private static final String ANY = "*/*";
    private static final String JSON = "application/json";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OperationCustomizer investflowOperationConventions() {
        return OpenApiConventions::customize;
    }

    @Bean
    OpenApiCustomizer investflowProblemSchema() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
        };
    }

    static Operation customize(Operation operation, HandlerMethod handler) {
        if (operation.getSummary() == null || operation.getSummary().isBlank()) {
            operation.setSummary(words(handler.getMethod().getName()));
        }
        if (!AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), Tag.class)) {
            operation.setTags(new ArrayList<>(List.of(feature(handler.getBeanType()))));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        if (declaresSuccessOtherThanOk(handler)) {
            // the code answers only what it declares (201, 202, 204): no generic 200 beside it
            responses.remove("200");
        }
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(problemContent());
            } else {
                response.setContent(json(response.getContent()));
            }
        });
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (operation.getRequestBody() != null || parameters.stream().anyMatch(parameter -> !"path".equals(parameter.getIn()))) {
            responses.putIfAbsent("400", problem("The input is invalid; the problem names each field"));
        }
        responses.putIfAbsent("401", problem("No valid bearer token"));
        responses.putIfAbsent("403", problem("The caller's role may not do this"));
        if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
            responses.putIfAbsent("404", problem("No such resource, or not the caller's"));
        }
        if (operation.getRequestBody() != null) {
            operation.getRequestBody().setContent(json(operation.getRequestBody().getContent()));
        }
        operation.setResponses(responses);
        return operation;
    }

    private static boolean declaresSuccessOtherThanOk(HandlerMethod handler) {
        List<String> declared = AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(),
                io.swagger.v3.oas.annotations.responses.ApiResponse.class).stream()
                .map(io.swagger.v3.oas.annotations.responses.ApiResponse::responseCode).toList();
        return declared.stream().anyMatch(code -> code.startsWith("2")) && !declared.contains("200");
    }

    /** {@code submitIntention} → "Submit intention". */
    static String words(String camelCase) {
        String spaced = camelCase.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** {@code SigningLinkController} → "Signing link". */
    static String feature(Class<?> controller) {
        String name = controller.getSimpleName().replaceFirst("Controller$", "");
        return words(name.isEmpty() ? controller.getSimpleName() : name);
    }

    private static Content json(Content content) {
        if (content == null || !content.containsKey(ANY)) {
            return content;
        }
        Content renamed = new Content();
        content.forEach((type, media) -> renamed.addMediaType(ANY.equals(type) ? JSON : type, media));
        return renamed;
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)));
    }

    /** RFC 9457 problem details as ProblemResponses writes them, with the field errors of invalid input. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri-reference").description("what kind of problem"));
        properties.put("title", new StringSchema());
        properties.put("status", new IntegerSchema().format("int32"));
        properties.put("detail", new StringSchema());
        properties.put("instance", new StringSchema().format("uri-reference"));
        properties.put("errors", new ArraySchema().description("invalid input: one entry per field")
                .items(new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema())
                        .addProperty("code", new StringSchema().description("the constraint broken (NotBlank, Size, Pattern, typeMismatch…), "
                                + "for a client to say it in its user's language; absent for a rule of the domain"))));
        ObjectSchema problem = new ObjectSchema();
        problem.setProperties(properties);
        return problem.description("RFC 9457 problem details");
    }
}
