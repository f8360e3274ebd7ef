package org.investflow.negotiation.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.negotiation.negotiation.persistence.NegotiationRepository;
import org.investflow.platform.domain.AuditEntry;
import org.investflow.platform.testkit.ServiceIntegrationTest;
import org.investflow.platform.testkit.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * Fuzz-style refusals of the write endpoints: every malformed input is answered with a 4xx
 * problem+json and leaves no trace. "No trace" is proved three ways: the stored negotiation keeps
 * its optimistic-lock version and audit history, and after one valid action the case's records on
 * {@code negotiation.events} are exactly the expected ones, so nothing was queued by the refused
 * request either.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"spring.config.name=negotiation", "investflow.web.investor-requests=100000",
        "management.health.mongodb.enabled=false"})
class MalformedInputTest {

    static final String INVESTOR = "investor-fuzz";
    static final String OFFICER = "officer-fuzz";
    static final String DEADLINE = "\"" + LocalDate.now().plusYears(2) + "\"";
    static final String VALID = terms("120000000.00", "\"EUR\"", "350", DEADLINE);

    @LocalServerPort
    int port;

    @Autowired
    NegotiationRepository negotiations;

    /** One reader of the topic for the whole class: every test looks only at its own fresh case. */
    static TopicProbe events;

    CaseDesk desk;

    @BeforeAll
    static void listen() {
        events = TopicProbe.of(NegotiationEvents.TOPIC);
    }

    @AfterAll
    static void stopListening() {
        events.close();
    }

    @BeforeEach
    void connect() {
        desk = new CaseDesk(port, negotiations);
    }

    static Stream<Arguments> malformedProposals() {
        return Stream.of(
                malformed("not JSON at all", "terms, please", 400),
                malformed("truncated JSON", VALID.substring(0, VALID.length() - 5), 400),
                malformed("an array instead of an object", "[120000000.00, \"EUR\", 350, " + DEADLINE + "]", 400),
                malformed("trailing tokens after the object", VALID + " {}", 400),
                malformed("an empty body", "", 400),
                malformed("money as a string", terms("\"120000000.00\"", "\"EUR\"", "350", DEADLINE), 400),
                malformed("money as a boolean", terms("true", "\"EUR\"", "350", DEADLINE), 400),
                malformed("money as an object", terms("{\"amount\":1}", "\"EUR\"", "350", DEADLINE), 400),
                malformed("money with three decimals", terms("1000.001", "\"EUR\"", "350", DEADLINE), 400),
                malformed("money of zero", terms("0", "\"EUR\"", "350", DEADLINE), 400),
                malformed("negative money", terms("-1000.00", "\"EUR\"", "350", DEADLINE), 400),
                malformed("money beyond 15 integer digits", terms("1E+16", "\"EUR\"", "350", DEADLINE), 400),
                malformed("jobs as a string", terms("1000.00", "\"EUR\"", "\"350\"", DEADLINE), 400),
                malformed("jobs as a fraction", terms("1000.00", "\"EUR\"", "350.5", DEADLINE), 400),
                malformed("jobs beyond an int", terms("1000.00", "\"EUR\"", "99999999999", DEADLINE), 400),
                malformed("negative jobs", terms("1000.00", "\"EUR\"", "-1", DEADLINE), 400),
                malformed("currency as a number", terms("1000.00", "978", "350", DEADLINE), 400),
                malformed("currency in lower case", terms("1000.00", "\"eur\"", "350", DEADLINE), 400),
                malformed("deadline not a date", terms("1000.00", "\"EUR\"", "350", "\"31.12.2027\""), 400),
                malformed("deadline as a number", terms("1000.00", "\"EUR\"", "350", "20271231"), 400),
                malformed("deadline in the past", terms("1000.00", "\"EUR\"", "350", "\"" + LocalDate.now().minusDays(2) + "\""), 400),
                malformed("money given twice", VALID.replace("{", "{\"investmentAmount\":1.00,"), 400),
                malformed("an unknown property", VALID.replace("}", ",\"taxHoliday\":\"yes\"}"), 400),
                malformed("incentives as a string", VALID.replace("}", ",\"incentives\":\"tax holiday\"}"), 400),
                malformed("tranches that do not add up", VALID.replace("}", ",\"capitalSchedule\":[{\"amount\":1000.00,\"dueBy\":" + DEADLINE + "}]}"), 400),
                malformed("a tranche of three decimals", VALID.replace("}", ",\"capitalSchedule\":[{\"amount\":120000000.001,\"dueBy\":" + DEADLINE + "}]}"), 400),
                malformed("milestones out of order", VALID.replace("}", ",\"milestones\":{\"businessRegistration\":" + DEADLINE + ",\"landRights\":\"" + LocalDate.now().plusDays(5) + "\"}}"), 400),
                malformed("an unknown incentive kind", VALID.replace("}", ",\"incentives\":[{\"kind\":\"LOAN\",\"value\":1,\"policyBasis\":\"x\"}]}"), 400),
                malformed("an incentive without policy basis", VALID.replace("}", ",\"incentives\":[{\"kind\":\"SUBSIDY\",\"value\":1}]}"), 400),
                malformed("a land tenure that is neither", VALID.replace("}", ",\"land\":{\"areaSquareMetres\":10,\"district\":\"500112\",\"use\":\"INDUSTRIAL\",\"tenure\":\"RENT\"}}"), 400),
                malformed("a blank special condition", VALID.replace("}", ",\"specialConditions\":[\" \"]}"), 400),
                malformed("basedOn zero", VALID.replace("}", ",\"basedOn\":0}"), 400),
                malformed("missing investmentAmount", "{\"currency\":\"EUR\",\"jobs\":350,\"landingDeadline\":" + DEADLINE + "}", 400),
                malformed("missing currency", "{\"investmentAmount\":1000.00,\"jobs\":350,\"landingDeadline\":" + DEADLINE + "}", 400),
                malformed("missing jobs", "{\"investmentAmount\":1000.00,\"currency\":\"EUR\",\"landingDeadline\":" + DEADLINE + "}", 400),
                malformed("missing landingDeadline", "{\"investmentAmount\":1000.00,\"currency\":\"EUR\",\"jobs\":350}", 400),
                malformed("null money", terms("null", "\"EUR\"", "350", DEADLINE), 400),
                malformed("null jobs", terms("1000.00", "\"EUR\"", "null", DEADLINE), 400),
                malformed("an empty object", "{}", 400),
                malformed("an over-long currency", terms("1000.00", "\"" + "E".repeat(10_000) + "\"", "350", DEADLINE), 400),
                malformed("an over-long deadline", terms("1000.00", "\"EUR\"", "350", "\"2027-12-31" + "9".repeat(10_000) + "\""), 400),
                malformed("a body over 64 KB", terms("1000.00", "\"" + "E".repeat(70 * 1024) + "\"", "350", DEADLINE), 413));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("malformedProposals")
    void aMalformedProposalIsRefusedAndLeavesNoTrace(String what, String body, int status) {
        String caseId = desk.opened(INVESTOR, OFFICER);
        Negotiation before = desk.stored(caseId);

        desk.http().post().uri("/api/negotiations/{caseId}/proposals", caseId).headers(CaseDesk.bearer(OFFICER, "OFFICER"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertUnchanged(caseId, before);
        desk.propose(caseId, OFFICER).expectStatus().isCreated().expectBody().jsonPath("$.version").isEqualTo(1);
        assertPublishedExactly(caseId, NegotiationEvents.NEGOTIATION_OPENED, NegotiationEvents.TERMS_PROPOSED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupportedContentTypes")
    void aProposalThatIsNotJsonIsRefusedAsAnUnsupportedMediaType(String contentType) {
        String caseId = desk.opened(INVESTOR, OFFICER);
        Negotiation before = desk.stored(caseId);

        desk.http().post().uri("/api/negotiations/{caseId}/proposals", caseId).headers(CaseDesk.bearer(OFFICER, "OFFICER"))
                .contentType(MediaType.parseMediaType(contentType)).bodyValue(VALID).exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertUnchanged(caseId, before);
    }

    static List<String> unsupportedContentTypes() {
        return List.of("text/plain", "application/xml", "application/x-www-form-urlencoded");
    }

    static Stream<Arguments> malformedVersions() {
        return Stream.of(
                malformed("a version that is not a number", "one", 400),
                malformed("a fractional version", "1.5", 400),
                malformed("a version beyond an int", "99999999999", 400),
                malformed("version zero", "0", 404),
                malformed("a negative version", "-1", 404),
                malformed("a version never proposed", "2", 404));
    }

    /** The acceptance has no body: its input is the version in its path. */
    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("malformedVersions")
    void aMalformedAcceptanceIsRefusedAndLeavesNoTrace(String what, String version, int status) {
        String caseId = desk.proposed(INVESTOR, OFFICER);
        Negotiation before = desk.stored(caseId);

        desk.http().post().uri("/api/negotiations/{caseId}/proposals/{version}/acceptance", caseId, version)
                .headers(CaseDesk.bearer(INVESTOR, "INVESTOR")).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertUnchanged(caseId, before);
        assertThat(desk.stored(caseId).agreement()).isNull();
        desk.accept(caseId, 1, INVESTOR).expectStatus().isOk();
        assertPublishedExactly(caseId, NegotiationEvents.NEGOTIATION_OPENED, NegotiationEvents.TERMS_PROPOSED,
                NegotiationEvents.AGREEMENT_REACHED);
    }

    private void assertUnchanged(String caseId, Negotiation before) {
        Negotiation after = desk.stored(caseId);
        assertThat(after.version()).as("optimistic-lock version").isEqualTo(before.version());
        assertThat(after.termSheets()).isEqualTo(before.termSheets());
        assertThat(after.status()).isEqualTo(before.status());
        assertThat(after.history()).as("audit history").isEqualTo(before.history());
    }

    /**
     * Waits for the record of the case's latest audited event (the valid action's), then checks that
     * the case's records on the topic, all published before it, are exactly {@code types}.
     */
    private void assertPublishedExactly(String caseId, String... types) {
        List<AuditEntry> history = desk.stored(caseId).history();
        assertThat(history).extracting(AuditEntry::type).containsExactly(types);
        String latest = history.get(history.size() - 1).eventId();
        events.await(record -> latest.equals(TopicProbe.header(record, "ce_id")));
        assertThat(events.seenFor(caseId)).extracting(record -> TopicProbe.header(record, "ce_type")).containsExactly(types);
    }

    private static String terms(String amount, String currency, String jobs, String deadline) {
        return "{\"investmentAmount\":" + amount + ",\"currency\":" + currency + ",\"jobs\":" + jobs
                + ",\"landingDeadline\":" + deadline + "}";
    }

    private static Arguments malformed(String what, String input, int status) {
        return Arguments.of(what, input, status);
    }
}
