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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every endpoint of intake × every role × the caller's relation to the case, with the exact status.
 * OWN: the investor's own case, or for an officer a case assigned to them (for leaders and admins:
 * an existing case); OTHER: another investor's case, or a case assigned to another officer;
 * UNASSIGNED: the investor's case that no rule routed (it waits for a leader); DRAFT: the investor's
 * unsubmitted draft; UNKNOWN: a case id that does not exist. A case that is not yours answers like one
 * that does not exist; an officer may read every submitted case but act only on their own; a draft is
 * its investor's alone.
 */
@IntakeTest
class IntakeAuthorizationMatrixTest {

    enum Relation { OWN, OTHER, UNASSIGNED, DRAFT, UNKNOWN }

    /** ISIC O84: valid, not on the negative list, covered by no officer. */
    static final String UNCOVERED_INDUSTRY = "O84";

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
    static final String QUEUE = "/api/intentions";
    static final String VIEW = "/api/intentions/{caseId}";
    static final String UPDATE = "/api/intentions/{caseId}";
    static final String ACCEPT = "/api/intentions/{caseId}/acceptance";
    static final String INFORMATION = "/api/intentions/{caseId}/information-request";
    static final String REJECT = "/api/intentions/{caseId}/rejection";
    static final String WITHDRAW = "/api/intentions/{caseId}/withdrawal";
    static final String REASSIGN = "/api/intentions/{caseId}/assignment";
    static final String AUDIT = "/api/audit/cases/{caseId}";
    /** The officers a leader may reassign to: staff only, no case involved. */
    static final String OFFICERS = "/api/officers";
    /** platform/messaging's dead-letter API: intake consumes no topic, so an administrator finds none. */
    static final List<String> DEAD_LETTERS = List.of("/api/admin/dead-letters/{topic}",
            "/api/admin/dead-letters/{topic}/replay", "/api/admin/dead-letters/{topic}/{partition}/{offset}/replay");
    static final String DRAFTS = "/api/intentions/drafts";
    static final String REDRAFT = "/api/intentions/{caseId}/draft";
    static final String SUBMIT_DRAFT = "/api/intentions/{caseId}/submission";
    static final List<String> ROLES = List.of("INVESTOR", "OFFICER", "LEADER", "ADMIN");
    static final List<String> REFERENCE = List.of("/api/reference/industries", "/api/reference/districts",
            "/api/reference/negative-list");

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String role : ROLES) {
            REFERENCE.forEach(path -> rows.add(new Row(HttpMethod.GET, path, role, Relation.OWN, 200)));
            rows.add(new Row(HttpMethod.POST, SUBMIT, role, Relation.OWN, "INVESTOR".equals(role) ? 201 : 403));
            rows.add(new Row(HttpMethod.POST, DRAFTS, role, Relation.OWN, "INVESTOR".equals(role) ? 201 : 403));
            rows.add(new Row(HttpMethod.GET, QUEUE, role, Relation.OWN, 200));
            rows.add(new Row(HttpMethod.GET, OFFICERS, role, Relation.OWN, "INVESTOR".equals(role) ? 403 : 200));
            rows.add(new Row(HttpMethod.GET, VIEW, role, Relation.DRAFT, "INVESTOR".equals(role) ? 200 : 404));
            rows.add(new Row(HttpMethod.GET, VIEW, role, Relation.UNASSIGNED, 200));
            for (String decision : List.of(ACCEPT, INFORMATION, REJECT)) {
                rows.add(new Row(HttpMethod.POST, decision, role, Relation.UNASSIGNED, 403));
            }
            rows.add(new Row(HttpMethod.POST, REASSIGN, role, Relation.UNASSIGNED, "LEADER".equals(role) ? 200 : 403));
            for (String path : DEAD_LETTERS) {
                rows.add(new Row(path.endsWith("/replay") ? HttpMethod.POST : HttpMethod.GET, path, role, Relation.OWN,
                        "ADMIN".equals(role) ? 404 : 403));
            }
            for (Relation relation : List.of(Relation.OWN, Relation.OTHER, Relation.UNKNOWN)) {
                rows.add(new Row(HttpMethod.GET, VIEW, role, relation, view(role, relation)));
                rows.add(new Row(HttpMethod.PUT, UPDATE, role, relation, investorAction(role, relation)));
                rows.add(new Row(HttpMethod.POST, WITHDRAW, role, relation, investorAction(role, relation)));
                rows.add(new Row(HttpMethod.PUT, REDRAFT, role, relation, investorAction(role, relation)));
                rows.add(new Row(HttpMethod.POST, SUBMIT_DRAFT, role, relation, investorAction(role, relation)));
                for (String decision : List.of(ACCEPT, INFORMATION, REJECT)) {
                    rows.add(new Row(HttpMethod.POST, decision, role, relation, officerAction(role, relation)));
                }
                rows.add(new Row(HttpMethod.POST, REASSIGN, role, relation,
                        "LEADER".equals(role) ? (relation == Relation.UNKNOWN ? 404 : 200) : 403));
                rows.add(new Row(HttpMethod.GET, AUDIT, role, relation,
                        "INVESTOR".equals(role) ? 403 : relation == Relation.UNKNOWN ? 404 : 200));
            }
        }
        return rows;
    }

    private static int view(String role, Relation relation) {
        if (relation == Relation.UNKNOWN) {
            return 404;
        }
        return "INVESTOR".equals(role) && relation == Relation.OTHER ? 404 : 200;
    }

    private static int investorAction(String role, Relation relation) {
        if (!"INVESTOR".equals(role)) {
            return 403;
        }
        return relation == Relation.OWN ? 200 : 404;
    }

    private static int officerAction(String role, Relation relation) {
        if (!"OFFICER".equals(role)) {
            return 403;
        }
        return switch (relation) {
            case OWN -> 200;
            case OTHER, UNASSIGNED -> 403;
            case DRAFT, UNKNOWN -> 404;
        };
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

    static Stream<String> referenceData() {
        return REFERENCE.stream();
    }

    @ParameterizedTest
    @MethodSource("referenceData")
    void eachListOfTheFormsReferenceDataIsPublic(String path) {
        api.http().get().uri(path).exchange().expectStatus().isOk();
    }

    @Test
    void staffAreToldTheOfficersACaseMayBeReassignedTo() {
        api.as("leader-1", "LEADER", HttpMethod.GET, OFFICERS).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[*].id").value(ids -> assertThat(ids.toString()).contains("officer-li", "officer-wang"));
    }

    @Test
    void theFormsReferenceDataNamesIndustries() {
        api.http().get().uri("/api/reference/industries").exchange().expectBody()
                .jsonPath("$[?(@.code == 'C29')].name").isEqualTo("Manufacture of motor vehicles, trailers and semi-trailers");
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryRoleExactly() {
        return rows().stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> check(row)));
    }

    private void check(Row row) {
        if (row.path().startsWith("/api/reference") || row.path().equals(OFFICERS)) {
            api.as("someone", row.role(), row.method(), row.path()).exchange().expectStatus().isEqualTo(row.status());
            return;
        }
        String owner = row.relation() == Relation.OTHER && "INVESTOR".equals(row.role()) ? "investor-other" : "investor-own";
        boolean draft = row.path().equals(REDRAFT) || row.path().equals(SUBMIT_DRAFT);
        String caseId = caseOf(row, owner, draft);
        if (row.path().equals(UPDATE) && (row.relation() == Relation.OWN || row.relation() == Relation.OTHER)) {
            askForInformation(caseId);
        }
        String user = user(row, caseId);
        WebTestClient.RequestBodySpec request = api.as(user, row.role(), row.method(), row.path().replace("{caseId}", caseId)
                .replace("{topic}", "intake.events").replace("{partition}", "0").replace("{offset}", "0"));
        body(row, request).expectStatus().isEqualTo(row.status());
    }

    private String caseOf(Row row, String owner, boolean draft) {
        return switch (row.relation()) {
            case UNKNOWN -> "CQ-2026-" + (900000 + (int) (Math.random() * 99999));
            case DRAFT -> api.draft(owner, Intentions.form());
            case UNASSIGNED -> {
                Map<String, Object> form = Intentions.form();
                form.put("industryCode", UNCOVERED_INDUSTRY);
                yield api.submitted(owner, form).get("caseId").toString();
            }
            default -> draft ? api.draft(owner, Intentions.form()) : api.submit(owner);
        };
    }

    private String user(Row row, String caseId) {
        return switch (row.role()) {
            case "INVESTOR" -> "investor-own";
            case "OFFICER" -> row.relation() == Relation.UNKNOWN || row.relation() == Relation.UNASSIGNED
                    || row.relation() == Relation.DRAFT || row.path().equals(REDRAFT) || row.path().equals(SUBMIT_DRAFT)
                    ? "officer-li"
                    : row.relation() == Relation.OWN ? api.officerOf(caseId) : api.otherOfficerThan(caseId);
            case "LEADER" -> "leader-chen";
            default -> "admin-zhao";
        };
    }

    private void askForInformation(String caseId) {
        api.as(api.officerOf(caseId), "OFFICER", HttpMethod.POST, "/api/intentions/" + caseId + "/information-request")
                .bodyValue(Map.of("message", "please add the licence")).exchange().expectStatus().isOk();
    }

    private static WebTestClient.ResponseSpec body(Row row, WebTestClient.RequestBodySpec request) {
        if (row.method() == HttpMethod.POST && (row.path().equals(SUBMIT) || row.path().equals(DRAFTS))) {
            return request.header("Idempotency-Key", "key-" + UUID.randomUUID()).bodyValue(Intentions.form()).exchange();
        }
        Object body = switch (row.path()) {
            case UPDATE -> row.method() == HttpMethod.PUT ? Intentions.form() : null;
            case REDRAFT -> Intentions.form();
            case REJECT -> Map.of("reasonCode", "OUT_OF_SCOPE", "reason", "not for us");
            case INFORMATION -> Map.of("message", "please add the licence");
            case WITHDRAW -> Map.of("reason", "postponed");
            case REASSIGN -> Map.of("officerId", "officer-wang");
            default -> null;
        };
        return body == null ? request.exchange() : request.bodyValue(body).exchange();
    }
}
