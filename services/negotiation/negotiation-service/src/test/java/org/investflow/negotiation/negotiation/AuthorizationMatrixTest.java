package org.investflow.negotiation.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.negotiation.negotiation.AuthorizationMatrixTest.Relation.OTHER;
import static org.investflow.negotiation.negotiation.AuthorizationMatrixTest.Relation.OWN;
import static org.investflow.negotiation.negotiation.AuthorizationMatrixTest.Relation.UNKNOWN;
import static org.investflow.platform.events.Role.ADMIN;
import static org.investflow.platform.events.Role.INVESTOR;
import static org.investflow.platform.events.Role.LEADER;
import static org.investflow.platform.events.Role.OFFICER;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.investflow.negotiation.negotiation.persistence.NegotiationRepository;
import org.investflow.platform.testkit.Endpoints;
import org.investflow.platform.testkit.ServiceIntegrationTest;
import org.investflow.platform.events.Role;
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
 * acceptance; for an acceptance, with version 1 proposed by the assigned officer, and for the
 * officer's own acceptance countered by the investor as version 2; for an approval or rejection,
 * with version 1 waiting for approval; for a diff, with version 1), and a refused write must leave
 * that case exactly as it was. The pending-approvals report has no case: its rows are the same for
 * every relation.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"spring.config.name=negotiation", "investflow.web.investor-requests=100000",
        "management.health.mongodb.enabled=false"})
class AuthorizationMatrixTest {

    enum Relation { OWN, OTHER, UNKNOWN }

    static final String NEGOTIATION = "/api/negotiations/{caseId}";
    static final String PROPOSALS = "/api/negotiations/{caseId}/proposals";
    static final String ACCEPTANCE = "/api/negotiations/{caseId}/proposals/{version}/acceptance";
    static final String APPROVAL = "/api/negotiations/{caseId}/proposals/{version}/approval";
    static final String REJECTION = "/api/negotiations/{caseId}/proposals/{version}/rejection";
    static final String DIFF = "/api/negotiations/{caseId}/diff";
    static final String COMMENTS = "/api/negotiations/{caseId}/comments";
    static final String WITHDRAWAL = "/api/negotiations/{caseId}/withdrawal";
    static final String PENDING = "/api/approvals/pending";
    static final String AUDIT = "/api/audit/cases/{caseId}";
    /** platform/messaging's dead-letter API, asked for a topic negotiation does not consume: administrators find none. */
    static final List<String> DEAD_LETTERS = List.of("/api/admin/dead-letters/{topic}",
            "/api/admin/dead-letters/{topic}/replay", "/api/admin/dead-letters/{topic}/{partition}/{offset}/replay");

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

            row("POST", PROPOSALS, INVESTOR, OWN, 201),
            row("POST", PROPOSALS, INVESTOR, OTHER, 404),
            row("POST", PROPOSALS, INVESTOR, UNKNOWN, 404),
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
            row("POST", ACCEPTANCE, OFFICER, OWN, 200),
            row("POST", ACCEPTANCE, OFFICER, OTHER, 403),
            row("POST", ACCEPTANCE, OFFICER, UNKNOWN, 404),
            row("POST", ACCEPTANCE, LEADER, OTHER, 403),
            row("POST", ACCEPTANCE, LEADER, UNKNOWN, 403),
            row("POST", ACCEPTANCE, ADMIN, OTHER, 403),
            row("POST", ACCEPTANCE, ADMIN, UNKNOWN, 403),

            row("POST", APPROVAL, INVESTOR, OWN, 403),
            row("POST", APPROVAL, INVESTOR, OTHER, 403),
            row("POST", APPROVAL, INVESTOR, UNKNOWN, 403),
            row("POST", APPROVAL, OFFICER, OWN, 403),
            row("POST", APPROVAL, OFFICER, OTHER, 403),
            row("POST", APPROVAL, OFFICER, UNKNOWN, 403),
            row("POST", APPROVAL, LEADER, OTHER, 200),
            row("POST", APPROVAL, LEADER, UNKNOWN, 404),
            row("POST", APPROVAL, ADMIN, OTHER, 403),
            row("POST", APPROVAL, ADMIN, UNKNOWN, 403),

            row("POST", REJECTION, INVESTOR, OWN, 403),
            row("POST", REJECTION, INVESTOR, OTHER, 403),
            row("POST", REJECTION, INVESTOR, UNKNOWN, 403),
            row("POST", REJECTION, OFFICER, OWN, 403),
            row("POST", REJECTION, OFFICER, OTHER, 403),
            row("POST", REJECTION, OFFICER, UNKNOWN, 403),
            row("POST", REJECTION, LEADER, OTHER, 200),
            row("POST", REJECTION, LEADER, UNKNOWN, 404),
            row("POST", REJECTION, ADMIN, OTHER, 403),
            row("POST", REJECTION, ADMIN, UNKNOWN, 403),

            row("GET", DIFF, INVESTOR, OWN, 200),
            row("GET", DIFF, INVESTOR, OTHER, 404),
            row("GET", DIFF, INVESTOR, UNKNOWN, 404),
            row("GET", DIFF, OFFICER, OWN, 200),
            row("GET", DIFF, OFFICER, OTHER, 200),
            row("GET", DIFF, OFFICER, UNKNOWN, 404),
            row("GET", DIFF, LEADER, OTHER, 200),
            row("GET", DIFF, LEADER, UNKNOWN, 404),
            row("GET", DIFF, ADMIN, OTHER, 200),
            row("GET", DIFF, ADMIN, UNKNOWN, 404),

            row("POST", COMMENTS, INVESTOR, OWN, 201),
            row("POST", COMMENTS, INVESTOR, OTHER, 404),
            row("POST", COMMENTS, INVESTOR, UNKNOWN, 404),
            row("POST", COMMENTS, OFFICER, OWN, 201),
            row("POST", COMMENTS, OFFICER, OTHER, 403),
            row("POST", COMMENTS, OFFICER, UNKNOWN, 404),
            row("POST", COMMENTS, LEADER, OTHER, 403),
            row("POST", COMMENTS, LEADER, UNKNOWN, 403),
            row("POST", COMMENTS, ADMIN, OTHER, 403),
            row("POST", COMMENTS, ADMIN, UNKNOWN, 403),

            row("POST", WITHDRAWAL, INVESTOR, OWN, 200),
            row("POST", WITHDRAWAL, INVESTOR, OTHER, 404),
            row("POST", WITHDRAWAL, INVESTOR, UNKNOWN, 404),
            row("POST", WITHDRAWAL, OFFICER, OWN, 200),
            row("POST", WITHDRAWAL, OFFICER, OTHER, 403),
            row("POST", WITHDRAWAL, OFFICER, UNKNOWN, 404),
            row("POST", WITHDRAWAL, LEADER, OTHER, 403),
            row("POST", WITHDRAWAL, LEADER, UNKNOWN, 403),
            row("POST", WITHDRAWAL, ADMIN, OTHER, 403),
            row("POST", WITHDRAWAL, ADMIN, UNKNOWN, 403),

            row("GET", PENDING, INVESTOR, OWN, 403),
            row("GET", PENDING, INVESTOR, OTHER, 403),
            row("GET", PENDING, INVESTOR, UNKNOWN, 403),
            row("GET", PENDING, OFFICER, OWN, 403),
            row("GET", PENDING, OFFICER, OTHER, 403),
            row("GET", PENDING, OFFICER, UNKNOWN, 403),
            row("GET", PENDING, LEADER, OTHER, 200),
            row("GET", PENDING, LEADER, UNKNOWN, 200),
            row("GET", PENDING, ADMIN, OTHER, 200),
            row("GET", PENDING, ADMIN, UNKNOWN, 200),

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

    static final List<Row> DEAD_LETTER_ROWS = DEAD_LETTERS.stream()
            .flatMap(path -> Role.userRoles().stream()
                    .map(role -> row(path.endsWith("/replay") ? "POST" : "GET", path, role, UNKNOWN, role == ADMIN ? 404 : 403)))
            .toList();

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
        return java.util.stream.Stream.concat(MATRIX.stream(), DEAD_LETTER_ROWS.stream()).toList();
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
        assertThat(Endpoints.of(application)).isEqualTo(matrix().stream().map(Row::endpoint).collect(Collectors.toSet()));
    }

    @Test
    void everyEndpointHasARowForEveryRoleAndRelation() {
        Set<String> expected = Role.userRoles().stream()
                .flatMap(role -> relationsOf(role).stream().map(relation -> role + " " + relation))
                .collect(Collectors.toSet());
        Map<String, Set<String>> byEndpoint = MATRIX.stream().collect(Collectors.groupingBy(Row::endpoint,
                Collectors.mapping(row -> row.role() + " " + row.relation(), Collectors.toSet())));
        assertThat(byEndpoint).allSatisfy((endpoint, cells) -> assertThat(cells).as(endpoint).isEqualTo(expected));
        assertThat(MATRIX).extracting(Row::toString).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"read", "accept"})
    void anotherInvestorsCaseAnswersExactlyLikeAnUnknownOne(String action) {
        String other = desk.proposed(OWNER, ASSIGNED);
        String unknown = Cases.fresh();
        Function<String, WebTestClient.ResponseSpec> call = action.equals("read")
                ? caseId -> desk.http().get().uri(NEGOTIATION, caseId).headers(CaseDesk.bearer("investor-curious", "INVESTOR")).exchange()
                : caseId -> desk.accept(caseId, 1, "investor-curious");
        assertThat(problem(call.apply(other), other)).isEqualTo(problem(call.apply(unknown), unknown));
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
        return switch (row.path()) {
            case ACCEPTANCE -> row.role() == OFFICER && row.relation() == OWN
                    ? desk.countered(investor, officer) : desk.proposed(investor, officer);
            case APPROVAL, REJECTION -> desk.awaitingApproval(investor, officer);
            case DIFF -> desk.proposed(investor, officer);
            default -> desk.opened(investor, officer);
        };
    }

    private WebTestClient.ResponseSpec call(Row row, String caseId) {
        int version = row.path().equals(ACCEPTANCE) && row.role() == OFFICER && row.relation() == OWN ? 2 : 1;
        String uri = row.path().equals(DIFF) ? row.path() + "?from=1&to=1" : row.path();
        WebTestClient.RequestBodySpec request = desk.http().method(HttpMethod.valueOf(row.method()))
                .uri(uri, Map.of("caseId", caseId, "version", version, "topic", "no-such.events", "partition", 0, "offset", 0))
                .headers(CaseDesk.bearer(user(row.role()), row.role().name()));
        return switch (row.path()) {
            case PROPOSALS -> request.bodyValue(Cases.terms()).exchange();
            case APPROVAL, REJECTION, WITHDRAWAL -> request.bodyValue(Map.of("reason", "as the matrix says")).exchange();
            case COMMENTS -> request.bodyValue(Map.of("text", "a remark")).exchange();
            default -> request.exchange();
        };
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
