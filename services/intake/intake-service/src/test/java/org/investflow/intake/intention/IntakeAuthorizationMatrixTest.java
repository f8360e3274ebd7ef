package org.investflow.intake.intention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.investflow.intake.IntakeTest;
import org.investflow.platform.testkit.Endpoints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;

/**
 * Every endpoint of intake × every role × the caller's relation to the case, with the exact status.
 * OWN: the investor's own case (for staff: an existing case); OTHER: another investor's case;
 * UNKNOWN: a case id that does not exist. A case that is not yours answers like one that does not
 * exist. Intentions are not assigned before an officer accepts them, so any officer may decide.
 */
@IntakeTest
class IntakeAuthorizationMatrixTest {

    enum Relation { OWN, OTHER, UNKNOWN }

    record Row(HttpMethod method, String path, String role, Relation relation, int status) {

        String endpoint() {
            return method.name() + " " + path;
        }

        @Override
        public String toString() {
            return endpoint() + " as " + role + " on " + relation + " case → " + status;
        }
    }

    static final String SUBMIT = "/api/intentions";
    static final String VIEW = "/api/intentions/{caseId}";
    static final String ACCEPT = "/api/intentions/{caseId}/acceptance";
    static final String REJECT = "/api/intentions/{caseId}/rejection";
    static final String AUDIT = "/api/audit/cases/{caseId}";

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(HttpMethod.POST, SUBMIT, "INVESTOR", Relation.OWN, 201));
        Stream.of("OFFICER", "LEADER", "ADMIN").forEach(role -> rows.add(new Row(HttpMethod.POST, SUBMIT, role, Relation.OWN, 403)));
        rows.addAll(List.of(
                new Row(HttpMethod.GET, VIEW, "INVESTOR", Relation.OWN, 200),
                new Row(HttpMethod.GET, VIEW, "INVESTOR", Relation.OTHER, 404),
                new Row(HttpMethod.GET, VIEW, "INVESTOR", Relation.UNKNOWN, 404)));
        for (String staff : List.of("OFFICER", "LEADER", "ADMIN")) {
            rows.add(new Row(HttpMethod.GET, VIEW, staff, Relation.OWN, 200));
            rows.add(new Row(HttpMethod.GET, VIEW, staff, Relation.UNKNOWN, 404));
            rows.add(new Row(HttpMethod.GET, AUDIT, staff, Relation.OWN, 200));
            rows.add(new Row(HttpMethod.GET, AUDIT, staff, Relation.UNKNOWN, 404));
        }
        for (Relation relation : Relation.values()) {
            rows.add(new Row(HttpMethod.GET, AUDIT, "INVESTOR", relation, 403));
        }
        for (String decision : List.of(ACCEPT, REJECT)) {
            rows.add(new Row(HttpMethod.POST, decision, "OFFICER", Relation.OWN, 200));
            rows.add(new Row(HttpMethod.POST, decision, "OFFICER", Relation.UNKNOWN, 404));
            for (Relation relation : Relation.values()) {
                rows.add(new Row(HttpMethod.POST, decision, "INVESTOR", relation, 403));
                rows.add(new Row(HttpMethod.POST, decision, "LEADER", relation, 403));
                rows.add(new Row(HttpMethod.POST, decision, "ADMIN", relation, 403));
            }
        }
        return rows;
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    Intentions api;

    @BeforeEach
    void connect() {
        api = new Intentions(port);
    }

    @Test
    void theMatrixHasRowsForEveryEndpointOfTheService() {
        Set<String> covered = new TreeSet<>(rows().stream().map(Row::endpoint).toList());
        assertThat(covered).isEqualTo(Endpoints.of(context));
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryRoleExactly() {
        return rows().stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> check(row)));
    }

    private void check(Row row) {
        String user = "INVESTOR".equals(row.role()) ? "investor-own" : row.role().toLowerCase() + "-1";
        String caseId = switch (row.relation()) {
            case OWN -> api.submit("investor-own");
            case OTHER -> api.submit("investor-other");
            case UNKNOWN -> "CQ-2026-" + (900000 + (int) (Math.random() * 99999));
        };
        var request = api.as(user, row.role(), row.method(), row.path().replace("{caseId}", caseId));
        var response = row.method() == HttpMethod.POST && row.path().equals(SUBMIT)
                ? request.header("Idempotency-Key", "key-" + UUID.randomUUID()).bodyValue(Intentions.form()).exchange()
                : row.path().equals(REJECT) ? request.bodyValue(Map.of("reason", "not for us")).exchange() : request.exchange();
        response.expectStatus().isEqualTo(row.status());
    }
}
