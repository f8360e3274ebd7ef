package org.investflow.tracking.pipeline.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.investflow.platform.testkit.LocalClient;
import org.investflow.tracking.TrackingServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pipeline's part of the OpenAPI document, from which the portal generates its types: the filters are the
 * query parameters they are on the wire (not one object named {@code query}), and the figures' capital and jobs
 * are schemas of their own, not merged into the project view's {@code Capital} and {@code Jobs} of the same name.
 */
@TrackingServiceTest
class PipelineApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void theFiltersAreQueryParametersAndTheFiguresKeepTheirOwnCapitalAndJobs() {
        LocalClient.to(port).get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/pipeline/figures'].get.parameters[*].name")
                .value(names -> assertThat(names.toString())
                        .contains("country", "industryCode", "district", "from", "to").doesNotContain("query"))
                .jsonPath("$.paths['/api/pipeline/funnel'].get.parameters[?(@.name == 'country')].in").isEqualTo("query")
                .jsonPath("$.components.schemas.CommissionFigures.properties.capital.$ref")
                .isEqualTo("#/components/schemas/CapitalFigures")
                .jsonPath("$.components.schemas.CapitalFigures.properties.committed").exists()
                .jsonPath("$.components.schemas.JobsFigures.properties.created").exists()
                .jsonPath("$.components.schemas.Capital.properties.injections").exists();
    }
}
