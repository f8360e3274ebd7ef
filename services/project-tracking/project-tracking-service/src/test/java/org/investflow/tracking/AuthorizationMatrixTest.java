package org.investflow.tracking;

import org.investflow.platform.testkit.LocalClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.tracking.TrackingFixtures.as;
import static org.investflow.tracking.TrackingFixtures.executeContract;
import static org.investflow.tracking.TrackingFixtures.freshCaseId;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.investflow.platform.testkit.Endpoints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may call what, row by row, against the running service: every endpoint × every role × the
 * caller's relation to the case. A case is OWN when it is the calling investor's, or assigned to
 * the calling officer; OTHER when it belongs to another investor and is assigned to another officer;
 * UNKNOWN when no service ever heard of it. Leaders and admins own no case, so they have OTHER and
 * UNKNOWN rows only; the funnel names no case (NONE). Every row gets a fresh case, started through
 * e-signature's golden ContractExecuted, so a write in one row cannot change what another row sees.
 */
@TrackingServiceTest
class AuthorizationMatrixTest {

    enum Relation { OWN, OTHER, UNKNOWN, NONE }

    /** One cell of the matrix: {@code role} calling {@code method path} on a case of {@code relation} gets {@code status}. */
    record Row(HttpMethod method, String path, String role, Relation relation, int status) {

        String endpoint() {
            return method.name() + " " + path;
        }

        @Override
        public String toString() {
            return endpoint() + " as " + role + " on " + relation + " case -> " + status;
        }
    }

    static final String PROJECT = "/api/projects/{caseId}";
    static final String PIPELINE_CASE = "/api/pipeline/cases/{caseId}";

    static final String TABLE = """
            GET  /api/projects/{caseId}             INVESTOR OWN     200
            GET  /api/projects/{caseId}             INVESTOR OTHER   404
            GET  /api/projects/{caseId}             INVESTOR UNKNOWN 404
            GET  /api/projects/{caseId}             OFFICER  OWN     200
            GET  /api/projects/{caseId}             OFFICER  OTHER   200
            GET  /api/projects/{caseId}             OFFICER  UNKNOWN 404
            GET  /api/projects/{caseId}             LEADER   OTHER   200
            GET  /api/projects/{caseId}             LEADER   UNKNOWN 404
            GET  /api/projects/{caseId}             ADMIN    OTHER   200
            GET  /api/projects/{caseId}             ADMIN    UNKNOWN 404
            POST /api/projects/{caseId}/milestones  INVESTOR OWN     403
            POST /api/projects/{caseId}/milestones  INVESTOR OTHER   403
            POST /api/projects/{caseId}/milestones  INVESTOR UNKNOWN 403
            POST /api/projects/{caseId}/milestones  OFFICER  OWN     200
            POST /api/projects/{caseId}/milestones  OFFICER  OTHER   403
            POST /api/projects/{caseId}/milestones  OFFICER  UNKNOWN 404
            POST /api/projects/{caseId}/milestones  LEADER   OTHER   403
            POST /api/projects/{caseId}/milestones  LEADER   UNKNOWN 403
            POST /api/projects/{caseId}/milestones  ADMIN    OTHER   403
            POST /api/projects/{caseId}/milestones  ADMIN    UNKNOWN 403
            POST /api/projects/{caseId}/capital-injections  INVESTOR OWN     403
            POST /api/projects/{caseId}/capital-injections  INVESTOR OTHER   403
            POST /api/projects/{caseId}/capital-injections  INVESTOR UNKNOWN 403
            POST /api/projects/{caseId}/capital-injections  OFFICER  OWN     201
            POST /api/projects/{caseId}/capital-injections  OFFICER  OTHER   403
            POST /api/projects/{caseId}/capital-injections  OFFICER  UNKNOWN 404
            POST /api/projects/{caseId}/capital-injections  LEADER   OTHER   403
            POST /api/projects/{caseId}/capital-injections  LEADER   UNKNOWN 403
            POST /api/projects/{caseId}/capital-injections  ADMIN    OTHER   403
            POST /api/projects/{caseId}/capital-injections  ADMIN    UNKNOWN 403
            POST /api/projects/{caseId}/jobs        INVESTOR OWN     403
            POST /api/projects/{caseId}/jobs        INVESTOR OTHER   403
            POST /api/projects/{caseId}/jobs        INVESTOR UNKNOWN 403
            POST /api/projects/{caseId}/jobs        OFFICER  OWN     201
            POST /api/projects/{caseId}/jobs        OFFICER  OTHER   403
            POST /api/projects/{caseId}/jobs        OFFICER  UNKNOWN 404
            POST /api/projects/{caseId}/jobs        LEADER   OTHER   403
            POST /api/projects/{caseId}/jobs        LEADER   UNKNOWN 403
            POST /api/projects/{caseId}/jobs        ADMIN    OTHER   403
            POST /api/projects/{caseId}/jobs        ADMIN    UNKNOWN 403
            GET  /api/projects/delayed              INVESTOR NONE    403
            GET  /api/projects/delayed              OFFICER  NONE    200
            GET  /api/projects/delayed              LEADER   NONE    200
            GET  /api/projects/delayed              ADMIN    NONE    200
            GET  /api/pipeline/funnel               INVESTOR NONE    403
            GET  /api/pipeline/funnel               OFFICER  NONE    200
            GET  /api/pipeline/funnel               LEADER   NONE    200
            GET  /api/pipeline/funnel               ADMIN    NONE    200
            GET  /api/pipeline/delayed              INVESTOR NONE    403
            GET  /api/pipeline/delayed              OFFICER  NONE    200
            GET  /api/pipeline/delayed              LEADER   NONE    200
            GET  /api/pipeline/delayed              ADMIN    NONE    200
            GET  /api/pipeline/figures              INVESTOR NONE    403
            GET  /api/pipeline/figures              OFFICER  NONE    200
            GET  /api/pipeline/figures              LEADER   NONE    200
            GET  /api/pipeline/figures              ADMIN    NONE    200
            POST /api/pipeline/rebuild              INVESTOR NONE    403
            POST /api/pipeline/rebuild              OFFICER  NONE    403
            POST /api/pipeline/rebuild              LEADER   NONE    403
            POST /api/pipeline/rebuild              ADMIN    NONE    200
            POST /api/pipeline/recount              INVESTOR NONE    403
            POST /api/pipeline/recount              OFFICER  NONE    403
            POST /api/pipeline/recount              LEADER   NONE    403
            POST /api/pipeline/recount              ADMIN    NONE    200
            GET  /api/pipeline/stalled              INVESTOR NONE    403
            GET  /api/pipeline/stalled              OFFICER  NONE    200
            GET  /api/pipeline/stalled              LEADER   NONE    200
            GET  /api/pipeline/stalled              ADMIN    NONE    200
            GET  /api/pipeline/cases.csv            INVESTOR NONE    403
            GET  /api/pipeline/cases.csv            OFFICER  NONE    200
            GET  /api/pipeline/cases.csv            LEADER   NONE    200
            GET  /api/pipeline/cases.csv            ADMIN    NONE    200
            GET  /api/pipeline/cases/{caseId}       INVESTOR OWN     200
            GET  /api/pipeline/cases/{caseId}       INVESTOR OTHER   404
            GET  /api/pipeline/cases/{caseId}       INVESTOR UNKNOWN 404
            GET  /api/pipeline/cases/{caseId}       OFFICER  OWN     200
            GET  /api/pipeline/cases/{caseId}       OFFICER  OTHER   200
            GET  /api/pipeline/cases/{caseId}       OFFICER  UNKNOWN 404
            GET  /api/pipeline/cases/{caseId}       LEADER   OTHER   200
            GET  /api/pipeline/cases/{caseId}       LEADER   UNKNOWN 404
            GET  /api/pipeline/cases/{caseId}       ADMIN    OTHER   200
            GET  /api/pipeline/cases/{caseId}       ADMIN    UNKNOWN 404
            GET  /api/audit/cases/{caseId}          INVESTOR OWN     403
            GET  /api/audit/cases/{caseId}          INVESTOR OTHER   403
            GET  /api/audit/cases/{caseId}          INVESTOR UNKNOWN 403
            GET  /api/audit/cases/{caseId}          OFFICER  OWN     200
            GET  /api/audit/cases/{caseId}          OFFICER  OTHER   200
            GET  /api/audit/cases/{caseId}          OFFICER  UNKNOWN 404
            GET  /api/audit/cases/{caseId}          LEADER   OTHER   200
            GET  /api/audit/cases/{caseId}          LEADER   UNKNOWN 404
            GET  /api/audit/cases/{caseId}          ADMIN    OTHER   200
            GET  /api/audit/cases/{caseId}          ADMIN    UNKNOWN 404
            GET  /api/admin/dead-letters/{topic} INVESTOR NONE 403
            GET  /api/admin/dead-letters/{topic} OFFICER NONE 403
            GET  /api/admin/dead-letters/{topic} LEADER NONE 403
            GET  /api/admin/dead-letters/{topic} ADMIN NONE 404
            POST /api/admin/dead-letters/{topic}/replay INVESTOR NONE 403
            POST /api/admin/dead-letters/{topic}/replay OFFICER NONE 403
            POST /api/admin/dead-letters/{topic}/replay LEADER NONE 403
            POST /api/admin/dead-letters/{topic}/replay ADMIN NONE 404
            POST /api/admin/dead-letters/{topic}/{partition}/{offset}/replay INVESTOR NONE 403
            POST /api/admin/dead-letters/{topic}/{partition}/{offset}/replay OFFICER NONE 403
            POST /api/admin/dead-letters/{topic}/{partition}/{offset}/replay LEADER NONE 403
            POST /api/admin/dead-letters/{topic}/{partition}/{offset}/replay ADMIN NONE 404
            """;

    static final List<Row> ROWS = TABLE.lines().map(String::trim).filter(line -> !line.isEmpty())
            .map(line -> line.split("\\s+"))
            .map(cells -> new Row(HttpMethod.valueOf(cells[0]), cells[1], cells[2], Relation.valueOf(cells[3]),
                    Integer.parseInt(cells[4])))
            .toList();

    /** The callers, one per role; OWN cases are theirs, OTHER cases belong to the "-b" users. */
    static final Map<String, String> CALLER = Map.of("INVESTOR", "investor-a", "OFFICER", "officer-a",
            "LEADER", "leader-a", "ADMIN", "admin-a");
    static final String OTHER_INVESTOR = "investor-b";
    static final String OTHER_OFFICER = "officer-b";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    WebTestClient http;

    @BeforeEach
    void connect() {
        http = LocalClient.to(port);
    }

    static List<Row> rows() {
        return ROWS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachCallerGetsExactlyTheStatusOfItsRow(Row row) {
        String caseId = caseFor(row.relation());
        EntityExchangeResult<String> result = call(row, caseId);
        assertThat(result.getStatus().value()).as(row.toString()).isEqualTo(row.status());
        if (row.status() >= 400) {
            assertThat(result.getResponseHeaders().getContentType()).as(row + " content type")
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void theTableCoversEveryEndpointTheServiceMapsAndNoOther() {
        Set<String> tabled = ROWS.stream().map(Row::endpoint).collect(Collectors.toSet());
        assertThat(Endpoints.of(context)).isEqualTo(tabled);
    }

    @Test
    void everyEndpointHasRowsForEveryRole() {
        Map<String, Set<String>> rolesByEndpoint = ROWS.stream()
                .collect(Collectors.groupingBy(Row::endpoint, Collectors.mapping(Row::role, Collectors.toSet())));
        rolesByEndpoint.forEach((endpoint, roles) ->
                assertThat(roles).as(endpoint).containsExactlyInAnyOrderElementsOf(CALLER.keySet()));
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {PROJECT, PIPELINE_CASE})
    void anotherInvestorsCaseAnswersExactlyLikeAnUnknownOne(String path) {
        String other = caseFor(Relation.OTHER);
        String unknown = caseFor(Relation.UNKNOWN);
        EntityExchangeResult<String> ofOther = call(new Row(HttpMethod.GET, path, "INVESTOR", Relation.OTHER, 404), other);
        EntityExchangeResult<String> ofUnknown = call(new Row(HttpMethod.GET, path, "INVESTOR", Relation.UNKNOWN, 404), unknown);

        assertThat(ofOther.getStatus()).isEqualTo(ofUnknown.getStatus());
        assertThat(ofOther.getResponseHeaders().getContentType()).isEqualTo(ofUnknown.getResponseHeaders().getContentType());
        assertThat(ofOther.getResponseBody().replace(other, "{caseId}"))
                .isEqualTo(ofUnknown.getResponseBody().replace(unknown, "{caseId}"));
    }

    private String caseFor(Relation relation) {
        String caseId = freshCaseId();
        switch (relation) {
            case OWN -> executeContract(http, caseId, CALLER.get("INVESTOR"), CALLER.get("OFFICER"));
            case OTHER -> executeContract(http, caseId, OTHER_INVESTOR, OTHER_OFFICER);
            case UNKNOWN, NONE -> { }
        }
        return caseId;
    }

    private EntityExchangeResult<String> call(Row row, String caseId) {
        WebTestClient.RequestBodySpec request = as(http, CALLER.get(row.role()), row.role(), row.method(),
                row.path().replace("{caseId}", caseId).replace("{topic}", "no-such.events")
                        .replace("{partition}", "0").replace("{offset}", "0"));
        if (row.path().endsWith("/capital-injections")) {
            request.bodyValue(Map.of("amount", new java.math.BigDecimal("1000000.00"), "currency", "EUR",
                    "injectedOn", lastWeek().toString()));
        } else if (row.path().endsWith("/jobs")) {
            request.bodyValue(Map.of("jobsCreated", 12, "asOf", lastWeek().toString()));
        } else if (row.path().endsWith("/rebuild") || row.path().endsWith("/recount")) {
            return request.exchange().expectBody(String.class).returnResult();
        } else if (row.method() == HttpMethod.POST) {
            request.bodyValue(Map.of("milestone", "BUSINESS_REGISTERED", "achievedOn", lastWeek().toString()));
        }
        return request.exchange().expectBody(String.class).returnResult();
    }

    private static LocalDate lastWeek() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(7);
    }
}
