package org.investflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;

class OpenApiConventionsTest {

    static class SigningLinkController {
        @ApiResponse(responseCode = "201", description = "created")
        void submitIntention(Caller caller, String body) {
        }

        void readCase(String caseId) {
        }
    }

    @Test
    void anOperationWithoutSummaryGetsItsMethodNameInWordsAndATagNamedByItsFeature() throws Exception {
        Operation operation = OpenApiConventions.customize(new Operation().tags(new java.util.ArrayList<>(java.util.List.of("signing-link-controller"))),
                handler("readCase", String.class));

        assertThat(operation.getSummary()).isEqualTo("Read case");
        assertThat(operation.getTags()).containsExactly("Signing link");
    }

    @Test
    void aCreatingOperationIsDocumentedWithItsOwnStatusJsonAndProblemJsonErrors() throws Exception {
        Operation operation = new Operation().summary("Submit")
                .requestBody(new RequestBody().content(new Content().addMediaType("*/*", new MediaType())))
                .responses(new ApiResponses()
                        .addApiResponse("200", new io.swagger.v3.oas.models.responses.ApiResponse().content(new Content().addMediaType("*/*", new MediaType())))
                        .addApiResponse("201", new io.swagger.v3.oas.models.responses.ApiResponse().content(new Content().addMediaType("*/*", new MediaType()))));

        OpenApiConventions.customize(operation, handler("submitIntention", Caller.class, String.class));

        assertThat(operation.getSummary()).isEqualTo("Submit");
        assertThat(operation.getResponses()).doesNotContainKey("200").containsKeys("201", "400", "401", "403").doesNotContainKey("404");
        assertThat(operation.getResponses().get("201").getContent()).containsOnlyKeys("application/json");
        assertThat(operation.getRequestBody().getContent()).containsOnlyKeys("application/json");
        assertThat(operation.getResponses().get("400").getContent()).containsOnlyKeys("application/problem+json");
    }

    @Test
    void anOperationOnAResourceDocumentsNotFoundButNoBadRequestWithoutInput() throws Exception {
        Operation operation = new Operation().addParametersItem(new Parameter().in("path").name("caseId"))
                .responses(new ApiResponses().addApiResponse("200", new io.swagger.v3.oas.models.responses.ApiResponse()));

        OpenApiConventions.customize(operation, handler("readCase", String.class));

        assertThat(operation.getResponses()).containsKeys("200", "401", "403", "404").doesNotContainKey("400");
        assertThat(operation.getResponses().get("404").getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
    }

    private static HandlerMethod handler(String name, Class<?>... parameters) throws NoSuchMethodException {
        return new HandlerMethod(new SigningLinkController(), SigningLinkController.class.getDeclaredMethod(name, parameters));
    }
}
