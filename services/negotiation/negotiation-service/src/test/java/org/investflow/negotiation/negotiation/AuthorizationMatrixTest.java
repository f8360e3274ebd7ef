package org.investflow.negotiation.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.negotiation.negotiation.AuthorizationMatrixTest.Relation.OTHER;
import static org.investflow.negotiation.negotiation.AuthorizationMatrixTest.Relation.OWN;
import static org.investflow.negotiation.negotiation.AuthorizationMatrixTest.Relation.UNKNOWN;
import static org.investflow.platform.web.Role.ADMIN;
import static org.investflow.platform.web.Role.INVESTOR;
import static org.investflow.platform.web.Role.LEADER;
import static org.investflow.platform.web.Role.OFFICER;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.investflow.negotiation.negotiation.persistence.NegotiationRepository;
import org.investflow.platform.testkit.Endpoints;
import org.investflow.platform.testkit.ServiceIntegrationTest;
import org.investflow.platform.web.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may call which endpoint on which case, row by row against the running service. A row names
 * the endpoint, the caller's role, how the case relates to the caller and the exact status:
 * <ul>
 *   <li>{@code OWN}: the investor's own case, or the case assigned to the officer;</li>
 *   <li>{@code OTHER}: an existing case of another investor, assigned to another officer;</li>
 *   <li>{@code UNKNOWN}: a case id negotiation has never seen.</li>
 * </ul>
 * Leaders and admins have no cases of their own, so their rows are {@code OTHER} and {@code UNKNOWN}.
 * Each row gets a fresh case in the state its endpoint needs (opened by intake's golden
 * acceptance; for an acceptance, with version 1 proposed by the assigned officer), and a refused
 * write must leave that case exactly as it was.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"spring.config.name=negotiation", "investflow.web.investor-requests=100000",
        "management.health.mongodb.enabled=false"})
class AuthorizationMatrixTest {

    enum Relation { OWN, OTHER, UNKNOWN }

    static final String NEGOTIATION = "/api/negotiations/{caseId}";
    static final String PROPOSALS = "/api/negotiations/{caseId}/proposals";
    static final String ACCEPTANCE = "/api/negotiations/{caseId}/proposals/{version}/acceptance";
    static final String AUDIT = "/api/audit/cases/{caseId}";

    static final String OWNER = "investor-owner";
    static final String ASSIGNED = "officer-assigned";

    static final List<Row> MATRIX = List.of(
            row("GET", NEGOTIATION, INVESTOR, OWN, 200),
            row("GET", NEGOTIATION, INVESTOR, OTHER, 404),
            row("GET", NEGOTIATION, INVESTOR, UNKNOWN, 404),
            row("GET", NEGOTIATION, OFFICER, OWN, 200),
            row("GET", NEGOTIATION, OFFICER, OTHER, 200),
            row("GET", NEGOTIATION, OFFICER, UNKNOWN, 404),
            row("GET", NEGOTIATION, LEADER, OTHER, 200),
            row("GET", NEGOTIATION, LEADER, UNKNOWN, 404),
            row("GET", NEGOTIATION, ADMIN, OTHER, 200),
            row("GET", NEGOTIATION, ADMIN, UNKNOWN, 404),

            row("POST", PROPOSALS, INVESTOR, OWN, 403),
            row("POST", PROPOSALS, INVESTOR, OTHER, 403),
            row("POST", PROPOSALS, INVESTOR, UNKNOWN, 403),
            row("POST", PROPOSALS, OFFICER, OWN, 201),
            row("POST", PROPOSALS, OFFICER, OTHER, 403),
            row("POST", PROPOSALS, OFFICER, UNKNOWN, 404),
            row("POST", PROPOSALS, LEADER, OTHER, 403),
            row("POST", PROPOSALS, LEADER, UNKNOWN, 403),
            row("POST", PROPOSALS, ADMIN, OTHER, 403),
            row("POST", PROPOSALS, ADMIN, UNKNOWN, 403),

            row("POST", ACCEPTANCE, INVESTOR, OWN, 200),
            row("POST", ACCEPTANCE, INVESTOR, OTHER, 404),
            row("POST", ACCEPTANCE, INVESTOR, UNKNOWN, 404),
            row("POST", ACCEPTANCE, OFFICER, OWN, 403),
            row("POST", ACCEPTANCE, OFFICER, OTHER, 403),
            row("POST", ACCEPTANCE, OFFICER, UNKNOWN, 403),
            row("POST", ACCEPTANCE, LEADER, OTHER, 403),
            row("POST", ACCEPTANCE, LEADER, UNKNOWN, 403),
            row("POST", ACCEPTANCE, ADMIN, OTHER, 403),
            row("POST", ACCEPTANCE, ADMIN, UNKNOWN, 403),

            row("GET", AUDIT, INVESTOR, OWN, 403),
            row("GET", AUDIT, INVESTOR, OTHER, 403),
            row("GET", AUDIT, INVESTOR, UNKNOWN, 403),
            row("GET", AUDIT, OFFICER, OWN, 200),
            row("GET", AUDIT, OFFICER, OTHER, 200),
            row("GET", AUDIT, OFFICER, UNKNOWN, 404),
            row("GET", AUDIT, LEADER, OTHER, 200),
            row("GET", AUDIT, LEADER, UNKNOWN, 404),
            row("GET", AUDIT, ADMIN, OTHER, 200),
            row("GET", AUDIT, ADMIN, UNKNOWN, 404));

    @LocalServerPort
    int port;

    @Autowired
    NegotiationRepository negotiations;

    @Autowired
    ApplicationContext application;

    CaseDesk desk;

    @BeforeEach
    void connect() {
        desk = new CaseDesk(port, negotiations);
    }

    static List<Row> matrix() {
        return MATRIX;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void answersExactlyAsTheMatrixSays(Row row) {
        String caseId = prepare(row);
        Negotiation before = row.relation() == UNKNOWN ? null : desk.stored(caseId);

        WebTestClient.ResponseSpec response = call(row, caseId).expectStatus().isEqualTo(row.status());

        if (row.status() >= 400) {
            response.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            if (before != null) {
                assertThat(desk.stored(caseId).version()).as("a refused call changes nothing").isEqualTo(before.version());
            }
        }
    }

    @Test
    void everyEndpointOfTheServiceHasRowsAndEveryRowIsAnEndpoint() {
        assertThat(Endpoints.of(application)).isEqualTo(MATRIX.stream().map(Row::endpoint).collect(Collectors.toSet()));
    }

    @Test
    void everyEndpointHasARowForEveryRoleAndRelation() {
        Set<String> expected = EnumSet.allOf(Role.class).stream()
                .flatMap(role -> relationsOf(role).stream().map(relation -> role + " " + relation))
                .collect(Collectors.toSet());
        Map<String, Set<String>> byEndpoint = MATRIX.stream().collect(Collectors.groupingBy(Row::endpoint,
                Collectors.mapping(row -> row.role() + " " + row.relation(), Collectors.toSet())));
        assertThat(byEndpoint).allSatisfy((endpoint, cells) -> assertThat(cells).as(endpoint).isEqualTo(expected));
        assertThat(MATRIX).extracting(Row::toString).doesNotHaveDuplicates();
    }

    @Test
    void anotherInvestorsCaseAnswersExactlyLikeAnUnknownOne() {
        String other = desk.proposed(OWNER, ASSIGNED);
        String unknown = Cases.fresh();
        for (Function<String, WebTestClient.ResponseSpec> call : List.<Function<String, WebTestClient.ResponseSpec>>of(
                caseId -> desk.http().get().uri(NEGOTIATION, caseId).headers(CaseDesk.bearer("investor-curious", "INVESTOR")).exchange(),
                caseId -> desk.accept(caseId, 1, "investor-curious"))) {
            assertThat(problem(call.apply(other), other)).isEqualTo(problem(call.apply(unknown), unknown));
        }
    }

    /** The status, content type and body of a refusal, with the case id masked. */
    private static String problem(WebTestClient.ResponseSpec response, String caseId) {
        var result = response.expectBody(String.class).returnResult();
        return result.getStatus() + " " + result.getResponseHeaders().getContentType() + " "
                + result.getResponseBody().replace(caseId, "{caseId}");
    }

    private String prepare(Row row) {
        if (row.relation() == UNKNOWN) {
            return Cases.fresh();
        }
        String investor = row.relation() == OWN && row.role() == INVESTOR ? user(INVESTOR) : OWNER;
        String officer = row.relation() == OWN && row.role() == OFFICER ? user(OFFICER) : ASSIGNED;
        return row.path().equals(ACCEPTANCE) ? desk.proposed(investor, officer) : desk.opened(investor, officer);
    }

    private WebTestClient.ResponseSpec call(Row row, String caseId) {
        WebTestClient.RequestBodySpec request = desk.http().method(HttpMethod.valueOf(row.method()))
                .uri(row.path(), Map.of("caseId", caseId, "version", 1))
                .headers(CaseDesk.bearer(user(row.role()), row.role().name()));
        return row.path().equals(PROPOSALS) ? request.bodyValue(Cases.terms()).exchange() : request.exchange();
    }

    private static String user(Role role) {
        return role.name().toLowerCase() + "-matrix";
    }

    private static Set<Relation> relationsOf(Role role) {
        return role == INVESTOR || role == OFFICER ? EnumSet.allOf(Relation.class) : EnumSet.of(OTHER, UNKNOWN);
    }

    private static Row row(String method, String path, Role role, Relation relation, int status) {
        return new Row(method, path, role, relation, status);
    }

    /** One cell of the matrix. */
    record Row(String method, String path, Role role, Relation relation, int status) {

        String endpoint() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return role + " " + relation + " " + method + " " + path + " -> " + status;
        }
    }
}
