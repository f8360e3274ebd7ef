package org.investflow.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.signing.AuthorizationMatrixTest.Relation.OTHER;
import static org.investflow.signing.AuthorizationMatrixTest.Relation.OWN;
import static org.investflow.signing.AuthorizationMatrixTest.Relation.UNKNOWN;
import static org.investflow.signing.SigningDriver.AUDIT;
import static org.investflow.signing.SigningDriver.AUDIT_TRAIL;
import static org.investflow.signing.SigningDriver.CERTIFICATE;
import static org.investflow.signing.SigningDriver.VIEWS;
import static org.investflow.signing.SigningDriver.CONTRACT;
import static org.investflow.signing.SigningDriver.EXECUTED_CONTRACT;
import static org.investflow.signing.SigningDriver.VERIFICATIONS;
import static org.investflow.signing.SigningDriver.ENVELOPE;
import static org.investflow.signing.SigningDriver.LINK_CODES;
import static org.investflow.signing.SigningDriver.LINK_DECLINES;
import static org.investflow.signing.SigningDriver.LINK_SIGNATURES;
import static org.investflow.signing.SigningDriver.LINK_VIEWS;
import static org.investflow.signing.SigningDriver.VOIDS;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.investflow.signing.contract.ContractTemplate;
import org.investflow.signing.contract.Particulars;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.investflow.platform.testkit.Endpoints;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call which endpoint on which case, as one table run against the running service. The
 * relation is the case's relation to the caller: {@code OWN} names the caller (as its investor for
 * an investor, as its assigned officer for staff — for leaders and admins this proves being named
 * on a case grants no signing), {@code OTHER} names someone else, {@code UNKNOWN} does not exist.
 * Every row that writes gets a fresh case that waits for the caller's signature (a sent envelope for investors,
 * one signed by its investor for staff), so a refusal is always about who, never about when. The rows that only
 * read ({@code GET}) change nothing, so they share their case, sent (executed for the executed contract and the
 * certificate): for {@code OWN}, one per role naming the first such row's caller, who reads it in every such row;
 * for {@code OTHER}, one naming nobody in the table, which every such row's own caller reads.
 */
class AuthorizationMatrixTest extends SigningHttpTest {

    enum Relation { OWN, OTHER, UNKNOWN }

    record Row(HttpMethod method, String path, String role, Relation relation, int status) {

        String endpoint() {
            return method.name() + " " + path;
        }

        @Override
        public String toString() {
            return endpoint() + " as " + role + " on " + relation + " case -> " + status;
        }
    }

    static final List<String> ROLES = List.of("INVESTOR", "OFFICER", "LEADER", "ADMIN");
    static final List<Row> TABLE = List.of(
            row(GET, ENVELOPE, "INVESTOR", OWN, 200),
            row(GET, ENVELOPE, "INVESTOR", OTHER, 404),
            row(GET, ENVELOPE, "INVESTOR", UNKNOWN, 404),
            row(GET, ENVELOPE, "OFFICER", OWN, 200),
            row(GET, ENVELOPE, "OFFICER", OTHER, 200),
            row(GET, ENVELOPE, "OFFICER", UNKNOWN, 404),
            row(GET, ENVELOPE, "LEADER", OWN, 200),
            row(GET, ENVELOPE, "LEADER", OTHER, 200),
            row(GET, ENVELOPE, "LEADER", UNKNOWN, 404),
            row(GET, ENVELOPE, "ADMIN", OWN, 200),
            row(GET, ENVELOPE, "ADMIN", OTHER, 200),
            row(GET, ENVELOPE, "ADMIN", UNKNOWN, 404),

            row(GET, CONTRACT, "INVESTOR", OWN, 200),
            row(GET, CONTRACT, "INVESTOR", OTHER, 404),
            row(GET, CONTRACT, "INVESTOR", UNKNOWN, 404),
            row(GET, CONTRACT, "OFFICER", OWN, 200),
            row(GET, CONTRACT, "OFFICER", OTHER, 200),
            row(GET, CONTRACT, "OFFICER", UNKNOWN, 404),
            row(GET, CONTRACT, "LEADER", OWN, 200),
            row(GET, CONTRACT, "LEADER", OTHER, 200),
            row(GET, CONTRACT, "LEADER", UNKNOWN, 404),
            row(GET, CONTRACT, "ADMIN", OWN, 200),
            row(GET, CONTRACT, "ADMIN", OTHER, 200),
            row(GET, CONTRACT, "ADMIN", UNKNOWN, 404),

            row(GET, EXECUTED_CONTRACT, "INVESTOR", OWN, 200),
            row(GET, EXECUTED_CONTRACT, "INVESTOR", OTHER, 404),
            row(GET, EXECUTED_CONTRACT, "INVESTOR", UNKNOWN, 404),
            row(GET, EXECUTED_CONTRACT, "OFFICER", OWN, 200),
            row(GET, EXECUTED_CONTRACT, "OFFICER", OTHER, 200),
            row(GET, EXECUTED_CONTRACT, "OFFICER", UNKNOWN, 404),
            row(GET, EXECUTED_CONTRACT, "LEADER", OWN, 200),
            row(GET, EXECUTED_CONTRACT, "LEADER", OTHER, 200),
            row(GET, EXECUTED_CONTRACT, "LEADER", UNKNOWN, 404),
            row(GET, EXECUTED_CONTRACT, "ADMIN", OWN, 200),
            row(GET, EXECUTED_CONTRACT, "ADMIN", OTHER, 200),
            row(GET, EXECUTED_CONTRACT, "ADMIN", UNKNOWN, 404),

            row(POST, VERIFICATIONS, "INVESTOR", OWN, 200),
            row(POST, VERIFICATIONS, "INVESTOR", OTHER, 200),
            row(POST, VERIFICATIONS, "INVESTOR", UNKNOWN, 200),
            row(POST, VERIFICATIONS, "OFFICER", OWN, 200),
            row(POST, VERIFICATIONS, "OFFICER", OTHER, 200),
            row(POST, VERIFICATIONS, "OFFICER", UNKNOWN, 200),
            row(POST, VERIFICATIONS, "LEADER", OWN, 200),
            row(POST, VERIFICATIONS, "LEADER", OTHER, 200),
            row(POST, VERIFICATIONS, "LEADER", UNKNOWN, 200),
            row(POST, VERIFICATIONS, "ADMIN", OWN, 200),
            row(POST, VERIFICATIONS, "ADMIN", OTHER, 200),
            row(POST, VERIFICATIONS, "ADMIN", UNKNOWN, 200),

            row(POST, VOIDS, "INVESTOR", OWN, 403),
            row(POST, VOIDS, "INVESTOR", OTHER, 403),
            row(POST, VOIDS, "INVESTOR", UNKNOWN, 403),
            row(POST, VOIDS, "OFFICER", OWN, 200),
            row(POST, VOIDS, "OFFICER", OTHER, 403),
            row(POST, VOIDS, "OFFICER", UNKNOWN, 404),
            row(POST, VOIDS, "LEADER", OWN, 200),
            row(POST, VOIDS, "LEADER", OTHER, 200),
            row(POST, VOIDS, "LEADER", UNKNOWN, 404),
            row(POST, VOIDS, "ADMIN", OWN, 403),
            row(POST, VOIDS, "ADMIN", OTHER, 403),
            row(POST, VOIDS, "ADMIN", UNKNOWN, 403),

            row(POST, LINK_CODES, "INVESTOR", OWN, 202),
            row(POST, LINK_CODES, "INVESTOR", OTHER, 202),
            row(POST, LINK_CODES, "INVESTOR", UNKNOWN, 404),
            row(POST, LINK_CODES, "OFFICER", OWN, 202),
            row(POST, LINK_CODES, "OFFICER", OTHER, 202),
            row(POST, LINK_CODES, "OFFICER", UNKNOWN, 404),
            row(POST, LINK_CODES, "LEADER", OWN, 202),
            row(POST, LINK_CODES, "LEADER", OTHER, 202),
            row(POST, LINK_CODES, "LEADER", UNKNOWN, 404),
            row(POST, LINK_CODES, "ADMIN", OWN, 202),
            row(POST, LINK_CODES, "ADMIN", OTHER, 202),
            row(POST, LINK_CODES, "ADMIN", UNKNOWN, 404),

            row(POST, LINK_VIEWS, "INVESTOR", OWN, 200),
            row(POST, LINK_VIEWS, "INVESTOR", OTHER, 200),
            row(POST, LINK_VIEWS, "INVESTOR", UNKNOWN, 404),
            row(POST, LINK_VIEWS, "OFFICER", OWN, 200),
            row(POST, LINK_VIEWS, "OFFICER", OTHER, 200),
            row(POST, LINK_VIEWS, "OFFICER", UNKNOWN, 404),
            row(POST, LINK_VIEWS, "LEADER", OWN, 200),
            row(POST, LINK_VIEWS, "LEADER", OTHER, 200),
            row(POST, LINK_VIEWS, "LEADER", UNKNOWN, 404),
            row(POST, LINK_VIEWS, "ADMIN", OWN, 200),
            row(POST, LINK_VIEWS, "ADMIN", OTHER, 200),
            row(POST, LINK_VIEWS, "ADMIN", UNKNOWN, 404),

            row(POST, LINK_SIGNATURES, "INVESTOR", OWN, 200),
            row(POST, LINK_SIGNATURES, "INVESTOR", OTHER, 200),
            row(POST, LINK_SIGNATURES, "INVESTOR", UNKNOWN, 404),
            row(POST, LINK_SIGNATURES, "OFFICER", OWN, 200),
            row(POST, LINK_SIGNATURES, "OFFICER", OTHER, 200),
            row(POST, LINK_SIGNATURES, "OFFICER", UNKNOWN, 404),
            row(POST, LINK_SIGNATURES, "LEADER", OWN, 200),
            row(POST, LINK_SIGNATURES, "LEADER", OTHER, 200),
            row(POST, LINK_SIGNATURES, "LEADER", UNKNOWN, 404),
            row(POST, LINK_SIGNATURES, "ADMIN", OWN, 200),
            row(POST, LINK_SIGNATURES, "ADMIN", OTHER, 200),
            row(POST, LINK_SIGNATURES, "ADMIN", UNKNOWN, 404),

            row(POST, LINK_DECLINES, "INVESTOR", OWN, 200),
            row(POST, LINK_DECLINES, "INVESTOR", OTHER, 200),
            row(POST, LINK_DECLINES, "INVESTOR", UNKNOWN, 404),
            row(POST, LINK_DECLINES, "OFFICER", OWN, 200),
            row(POST, LINK_DECLINES, "OFFICER", OTHER, 200),
            row(POST, LINK_DECLINES, "OFFICER", UNKNOWN, 404),
            row(POST, LINK_DECLINES, "LEADER", OWN, 200),
            row(POST, LINK_DECLINES, "LEADER", OTHER, 200),
            row(POST, LINK_DECLINES, "LEADER", UNKNOWN, 404),
            row(POST, LINK_DECLINES, "ADMIN", OWN, 200),
            row(POST, LINK_DECLINES, "ADMIN", OTHER, 200),
            row(POST, LINK_DECLINES, "ADMIN", UNKNOWN, 404),

            row(POST, VIEWS, "INVESTOR", OWN, 204),
            row(POST, VIEWS, "INVESTOR", OTHER, 404),
            row(POST, VIEWS, "INVESTOR", UNKNOWN, 404),
            row(POST, VIEWS, "OFFICER", OWN, 204),
            row(POST, VIEWS, "OFFICER", OTHER, 403),
            row(POST, VIEWS, "OFFICER", UNKNOWN, 404),
            row(POST, VIEWS, "LEADER", OWN, 403),
            row(POST, VIEWS, "LEADER", OTHER, 403),
            row(POST, VIEWS, "LEADER", UNKNOWN, 403),
            row(POST, VIEWS, "ADMIN", OWN, 403),
            row(POST, VIEWS, "ADMIN", OTHER, 403),
            row(POST, VIEWS, "ADMIN", UNKNOWN, 403),

            row(GET, AUDIT_TRAIL, "INVESTOR", OWN, 200),
            row(GET, AUDIT_TRAIL, "INVESTOR", OTHER, 404),
            row(GET, AUDIT_TRAIL, "INVESTOR", UNKNOWN, 404),
            row(GET, AUDIT_TRAIL, "OFFICER", OWN, 200),
            row(GET, AUDIT_TRAIL, "OFFICER", OTHER, 200),
            row(GET, AUDIT_TRAIL, "OFFICER", UNKNOWN, 404),
            row(GET, AUDIT_TRAIL, "LEADER", OWN, 200),
            row(GET, AUDIT_TRAIL, "LEADER", OTHER, 200),
            row(GET, AUDIT_TRAIL, "LEADER", UNKNOWN, 404),
            row(GET, AUDIT_TRAIL, "ADMIN", OWN, 200),
            row(GET, AUDIT_TRAIL, "ADMIN", OTHER, 200),
            row(GET, AUDIT_TRAIL, "ADMIN", UNKNOWN, 404),

            row(GET, CERTIFICATE, "INVESTOR", OWN, 200),
            row(GET, CERTIFICATE, "INVESTOR", OTHER, 404),
            row(GET, CERTIFICATE, "INVESTOR", UNKNOWN, 404),
            row(GET, CERTIFICATE, "OFFICER", OWN, 200),
            row(GET, CERTIFICATE, "OFFICER", OTHER, 200),
            row(GET, CERTIFICATE, "OFFICER", UNKNOWN, 404),
            row(GET, CERTIFICATE, "LEADER", OWN, 200),
            row(GET, CERTIFICATE, "LEADER", OTHER, 200),
            row(GET, CERTIFICATE, "LEADER", UNKNOWN, 404),
            row(GET, CERTIFICATE, "ADMIN", OWN, 200),
            row(GET, CERTIFICATE, "ADMIN", OTHER, 200),
            row(GET, CERTIFICATE, "ADMIN", UNKNOWN, 404),

            row(GET, AUDIT, "INVESTOR", OWN, 403),
            row(GET, AUDIT, "INVESTOR", OTHER, 403),
            row(GET, AUDIT, "INVESTOR", UNKNOWN, 403),
            row(GET, AUDIT, "OFFICER", OWN, 200),
            row(GET, AUDIT, "OFFICER", OTHER, 200),
            row(GET, AUDIT, "OFFICER", UNKNOWN, 404),
            row(GET, AUDIT, "LEADER", OWN, 200),
            row(GET, AUDIT, "LEADER", OTHER, 200),
            row(GET, AUDIT, "LEADER", UNKNOWN, 404),
            row(GET, AUDIT, "ADMIN", OWN, 200),
            row(GET, AUDIT, "ADMIN", OTHER, 200),
            row(GET, AUDIT, "ADMIN", UNKNOWN, 404),
            // platform/messaging's dead-letter API, asked for a topic e-signature does not consume
            row(GET, "/api/admin/dead-letters/{topic}", "INVESTOR", OWN, 403),
            row(GET, "/api/admin/dead-letters/{topic}", "INVESTOR", OTHER, 403),
            row(GET, "/api/admin/dead-letters/{topic}", "INVESTOR", UNKNOWN, 403),
            row(GET, "/api/admin/dead-letters/{topic}", "OFFICER", OWN, 403),
            row(GET, "/api/admin/dead-letters/{topic}", "OFFICER", OTHER, 403),
            row(GET, "/api/admin/dead-letters/{topic}", "OFFICER", UNKNOWN, 403),
            row(GET, "/api/admin/dead-letters/{topic}", "LEADER", OWN, 403),
            row(GET, "/api/admin/dead-letters/{topic}", "LEADER", OTHER, 403),
            row(GET, "/api/admin/dead-letters/{topic}", "LEADER", UNKNOWN, 403),
            row(GET, "/api/admin/dead-letters/{topic}", "ADMIN", OWN, 404),
            row(GET, "/api/admin/dead-letters/{topic}", "ADMIN", OTHER, 404),
            row(GET, "/api/admin/dead-letters/{topic}", "ADMIN", UNKNOWN, 404),
            row(POST, "/api/admin/dead-letters/{topic}/replay", "INVESTOR", OWN, 403),
            row(POST, "/api/admin/dead-letters/{topic}/replay", "INVESTOR", OTHER, 403),
            row(POST, "/api/admin/dead-letters/{topic}/replay", "INVESTOR", UNKNOWN, 403),
            row(POST, "/api/admin/dead-letters/{topic}/replay", "OFFICER", OWN, 403),
            row(POST, "/api/admin/dead-letters/{topic}/replay", "OFFICER", OTHER, 403),
            row(POST, "/api/admin/dead-letters/{topic}/replay", "OFFICER", UNKNOWN, 403),
            row(POST, "/api/admin/dead-letters/{topic}/replay", "LEADER", OWN, 403),
            row(POST, "/api/admin/dead-letters/{topic}/replay", "LEADER", OTHER, 403),
            row(POST, "/api/admin/dead-letters/{topic}/replay", "LEADER", UNKNOWN, 403),
            row(POST, "/api/admin/dead-letters/{topic}/replay", "ADMIN", OWN, 404),
            row(POST, "/api/admin/dead-letters/{topic}/replay", "ADMIN", OTHER, 404),
            row(POST, "/api/admin/dead-letters/{topic}/replay", "ADMIN", UNKNOWN, 404),
            row(POST, "/api/admin/dead-letters/{topic}/{partition}/{offset}/replay", "INVESTOR", OWN, 403),
            row(POST, "/api/admin/dead-letters/{topic}/{partition}/{offset}/replay", "INVESTOR", OTHER, 403),
            row(POST, "/api/admin/dead-letters/{topic}/{partition}/{offset}/replay", "INVESTOR", UNKNOWN, 403),
            row(POST, "/api/admin/dead-letters/{topic}/{partition}/{offset}/replay", "OFFICER", OWN, 403),
            row(POST, "/api/admin/dead-letters/{topic}/{partition}/{offset}/replay", "OFFICER", OTHER, 403),
            row(POST, "/api/admin/dead-letters/{topic}/{partition}/{offset}/replay", "OFFICER", UNKNOWN, 403),
            row(POST, "/api/admin/dead-letters/{topic}/{partition}/{offset}/replay", "LEADER", OWN, 403),
            row(POST, "/api/admin/dead-letters/{topic}/{partition}/{offset}/replay", "LEADER", OTHER, 403),
            row(POST, "/api/admin/dead-letters/{topic}/{partition}/{offset}/replay", "LEADER", UNKNOWN, 403),
            row(POST, "/api/admin/dead-letters/{topic}/{partition}/{offset}/replay", "ADMIN", OWN, 404),
            row(POST, "/api/admin/dead-letters/{topic}/{partition}/{offset}/replay", "ADMIN", OTHER, 404),
            row(POST, "/api/admin/dead-letters/{topic}/{partition}/{offset}/replay", "ADMIN", UNKNOWN, 404));

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final AtomicInteger USERS = new AtomicInteger();

    /** The contract every verification row uploads, rendered once: the template renders it byte for byte the same every time. */
    static final byte[] UPLOADED = ContractTemplate.draft(Particulars.agreed()).bytes();

    /** The cases the reading rows share, by relation (and role, for {@code OWN}) and state, each with the caller it was made for. */
    static final Map<String, Reader> READERS = new HashMap<>();

    /** A caller and a case in the row's relation to them. */
    record Reader(String caller, String caseId) {
    }

    @Autowired
    ApplicationContext context;

    @AfterAll
    static void forgetTheReadCases() {
        READERS.clear();
    }

    static Row row(HttpMethod method, String path, String role, Relation relation, int status) {
        return new Row(method, path, role, relation, status);
    }

    @TestFactory
    Stream<DynamicTest> everyRoleOnEveryEndpointGetsExactlyTheStatusOfItsRow() {
        return TABLE.stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> check(row)));
    }

    private void check(Row row) {
        String caller = row.role().toLowerCase() + "-m" + USERS.incrementAndGet();
        if (row.path().equals(VERIFICATIONS)) {
            checkVerification(row, caller);
            return;
        }
        if (row.path().startsWith("/api/signing-links")) {
            checkLink(row, caller);
            return;
        }
        if (row.path().startsWith("/api/admin/dead-letters")) {
            String path = row.path().replace("{topic}", "no-such.events").replace("{partition}", "0").replace("{offset}", "0");
            driver.as(caller, row.role(), row.method(), path, "unused").exchange().expectStatus().isEqualTo(row.status())
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            return;
        }
        Reader reader = row.method() == GET && row.relation() != UNKNOWN
                ? READERS.computeIfAbsent((row.relation() == OWN ? row.role() + "/" : "") + row.relation() + "/" + executed(row),
                        key -> new Reader(caller, caseFor(row, caller)))
                : new Reader(caller, caseFor(row, caller));
        String caseId = reader.caseId();
        String as = row.relation() == OWN ? reader.caller() : caller;
        WebTestClient.ResponseSpec response = row.path().equals(VOIDS)
                ? driver.as(as, row.role(), POST, VOIDS, caseId).bodyValue(Map.of("reason", "Voided by " + as)).exchange()
                : driver.as(as, row.role(), row.method(), row.path(), caseId).exchange();
        response.expectStatus().isEqualTo(row.status());
        if (row.status() >= 400) {
            response.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    /**
     * The link endpoints are open: the link (and the code mailed to its signer) is the credential, so
     * whoever calls, with whatever token, a valid link works ({@code OWN}: the caller is the case's
     * investor; {@code OTHER}: someone else is) and a forged one ({@code UNKNOWN}) is an invalid link.
     */
    private void checkLink(Row row, String caller) {
        String investor = row.relation() == OWN && row.role().equals("INVESTOR") ? caller : "investor-of-" + caller;
        String caseId = driver.sentCase(investor, "officer-of-" + caller);
        String token = row.relation() == UNKNOWN ? "forged-" + caller : TestMail.awaitLink(investor, caseId);
        String code = row.relation() == UNKNOWN || row.path().equals(LINK_CODES) ? "123456" : driver.code(investor, caseId, token);
        Map<String, Object> body = switch (row.path()) {
            case LINK_CODES -> Map.of("token", token);
            case LINK_VIEWS -> Map.of("token", token, "code", code);
            case LINK_SIGNATURES -> Map.of("token", token, "code", code, "typedName", "Signed by " + investor, "consent", true);
            default -> Map.of("token", token, "code", code, "category", "TERMS", "reason", "Declined by " + investor);
        };
        WebTestClient.ResponseSpec response = driver.as(caller, row.role(), POST, row.path(), "unused").bodyValue(body).exchange();
        response.expectStatus().isEqualTo(row.status());
        if (row.status() >= 400) {
            response.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isEqualTo("invalid link");
        }
    }

    /** Verification is open to everyone, whatever the case: the row's caller uploads a contract. */
    private void checkVerification(Row row, String caller) {
        driver.as(caller, row.role(), POST, VERIFICATIONS, "unused").contentType(MediaType.APPLICATION_PDF)
                .bodyValue(UPLOADED).exchange()
                .expectStatus().isEqualTo(row.status());
    }

    /** A fresh case in the relation of the row to {@code caller}, waiting for the caller's signature (executed for the executed contract). */
    private String caseFor(Row row, String caller) {
        if (row.relation() == UNKNOWN) {
            return SigningDriver.newCase();
        }
        boolean own = row.relation() == OWN;
        boolean investor = row.role().equals("INVESTOR");
        String investorId = investor && own ? caller : "investor-of-" + caller;
        String officerId = !investor && own ? caller : "officer-of-" + caller;
        if (executed(row)) {
            return driver.executedCase(investorId, officerId);
        }
        return investor || row.method() != POST || row.path().equals(VOIDS)
                ? driver.sentCase(investorId, officerId)
                : driver.partiallySignedCase(investorId, officerId);
    }

    /** Whether the row reads a document of an executed envelope. */
    private static boolean executed(Row row) {
        return row.path().equals(EXECUTED_CONTRACT) || row.path().equals(CERTIFICATE);
    }

    @Test
    void theTableCoversExactlyTheEndpointsTheServiceMaps() {
        Set<String> tabled = TABLE.stream().map(Row::endpoint).collect(Collectors.toSet());
        assertThat(Endpoints.of(context)).containsExactlyInAnyOrderElementsOf(tabled);
    }

    @Test
    void everyEndpointHasOneRowForEveryRoleAndRelation() {
        Map<String, List<String>> cells = TABLE.stream().collect(Collectors.groupingBy(Row::endpoint,
                Collectors.mapping(row -> row.role() + "/" + row.relation(), Collectors.toList())));
        List<String> expected = ROLES.stream().flatMap(role -> Stream.of(Relation.values()).map(relation -> role + "/" + relation)).toList();
        cells.values().forEach(combinations -> assertThat(combinations).containsExactlyInAnyOrderElementsOf(expected));
    }

    @Test
    void anotherInvestorsCaseAnswersExactlyLikeAnUnknownOne() {
        String theirs = driver.sentCase("investor-owner-" + USERS.incrementAndGet(), "officer-li");
        String unknown = SigningDriver.newCase();
        String mallory = "investor-mallory-" + USERS.incrementAndGet();
        assertThat(refusal(driver.as(mallory, "INVESTOR", GET, ENVELOPE, theirs).exchange(), theirs))
                .isEqualTo(refusal(driver.as(mallory, "INVESTOR", GET, ENVELOPE, unknown).exchange(), unknown));
        assertThat(refusal(driver.as(mallory, "INVESTOR", POST, VIEWS, theirs).exchange(), theirs))
                .isEqualTo(refusal(driver.as(mallory, "INVESTOR", POST, VIEWS, unknown).exchange(), unknown));
    }

    /** Status, content type and problem body with the case id blanked: all an investor could compare. */
    private static List<Object> refusal(WebTestClient.ResponseSpec response, String caseId) {
        EntityExchangeResult<String> result = response.expectBody(String.class).returnResult();
        assertThat(result.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode body = JSON.readTree(result.getResponseBody().replace(caseId, "{caseId}"));
        return List.of(result.getStatus(), result.getResponseHeaders().getContentType(), body);
    }
}
