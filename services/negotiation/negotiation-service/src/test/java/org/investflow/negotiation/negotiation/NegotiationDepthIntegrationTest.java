package org.investflow.negotiation.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.investflow.negotiation.events.NegotiationEvents;
import org.investflow.negotiation.negotiation.persistence.NegotiationRepository;
import org.investflow.negotiation.negotiation.scheduling.NegotiationWatch;
import org.investflow.platform.testkit.GoldenEvents;
import org.investflow.platform.testkit.ServiceIntegrationTest;
import org.investflow.platform.testkit.SharedInfrastructure;
import org.investflow.platform.testkit.TopicProbe;
import org.investflow.signing.events.SigningEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The deal desk over HTTP with a controlled clock: counter-offers, maker-checker approval, ETag /
 * If-Match, diffs (JSON and plain text), comments, the pending-approvals report, escalation, inactivity
 * (also of a reopened negotiation) and metrics.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {"spring.config.name=negotiation", "investflow.web.investor-requests=100000",
        "management.health.mongodb.enabled=false", "investflow.negotiation.check-interval=1h"})
@Import(NegotiationDepthIntegrationTest.ControlledClock.class)
class NegotiationDepthIntegrationTest {

    static final String INVESTOR = "investor-depth";
    static final String OFFICER = "officer-depth";

    @LocalServerPort
    int port;
    @Autowired
    NegotiationRepository negotiations;
    @Autowired
    NegotiationWatch watch;
    @Autowired
    MutableClock clock;

    CaseDesk desk;

    @BeforeEach
    void connect() {
        clock.set(Instant.now());
        desk = new CaseDesk(port, negotiations);
    }

    @Test
    void anOfficerCountersTheInvestorsCounterALeaderApprovesAndTheInvestorAgrees() {
        String caseId = desk.proposed(INVESTOR, OFFICER);
        String etag = read(caseId, INVESTOR, "INVESTOR").expectStatus().isOk().returnResult(String.class)
                .getResponseHeaders().getETag();
        Map<String, Object> counter = Cases.terms("110000000.00");
        counter.put("basedOn", 1);
        post(caseId, "/proposals", INVESTOR, "INVESTOR", etag, counter).expectStatus().isCreated()
                .expectBody().jsonPath("$.version").isEqualTo(2).jsonPath("$.basedOn").isEqualTo(1)
                .jsonPath("$.side").isEqualTo("INVESTOR");

        post(caseId, "/proposals", OFFICER, "OFFICER", null, Cases.generousTerms()).expectStatus().isCreated()
                .expectBody().jsonPath("$.standing").isEqualTo("PENDING_APPROVAL").jsonPath("$.basedOn").isEqualTo(2);
        read(caseId, INVESTOR, "INVESTOR").expectBody().jsonPath("$.versions.length()").isEqualTo(2);
        desk.accept(caseId, 3, INVESTOR).expectStatus().isNotFound();
        http().get().uri("/api/approvals/pending").headers(CaseDesk.bearer("leader-depth", "LEADER")).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.caseId == '" + caseId + "')].version").isEqualTo(3);

        post(caseId, "/proposals/3/approval", OFFICER, "LEADER", null, Map.of("reason", "mine")).expectStatus().isForbidden();
        post(caseId, "/proposals/3/approval", "leader-depth", "LEADER", null, Map.of("reason", " ")).expectStatus().isBadRequest();
        post(caseId, "/proposals/3/approval", "leader-depth", "LEADER", null, Map.of("reason", "within land policy"))
                .expectStatus().isOk();
        desk.accept(caseId, 3, INVESTOR).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("AGREED")
                .jsonPath("$.agreement.terms.incentives[0].kind").isEqualTo("RENT_FREE");

        try (TopicProbe events = TopicProbe.of(NegotiationEvents.TOPIC)) {
            events.await(caseId, NegotiationEvents.AGREEMENT_REACHED);
            assertThat(events.seenFor(caseId)).extracting(record -> TopicProbe.header(record, "ce_type")).containsExactly(
                    NegotiationEvents.NEGOTIATION_OPENED, NegotiationEvents.TERMS_PROPOSED, NegotiationEvents.TERMS_PROPOSED,
                    NegotiationEvents.APPROVAL_REQUESTED, NegotiationEvents.APPROVAL_DECIDED, NegotiationEvents.TERMS_PROPOSED,
                    NegotiationEvents.AGREEMENT_REACHED);
        }
    }

    @Test
    void aWriteOnAStaleRevisionIsRefusedWith412AndOneWithoutIfMatchStillWorks() {
        String caseId = desk.proposed(INVESTOR, OFFICER);
        String etag = read(caseId, OFFICER, "OFFICER").returnResult(String.class).getResponseHeaders().getETag();
        post(caseId, "/proposals", OFFICER, "OFFICER", etag, Cases.terms("2000.00")).expectStatus().isCreated();
        post(caseId, "/proposals", OFFICER, "OFFICER", etag, Cases.terms("3000.00")).expectStatus().isEqualTo(412)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post(caseId, "/proposals/2/acceptance", INVESTOR, "INVESTOR", etag, Map.of()).expectStatus().isEqualTo(412);
        post(caseId, "/proposals", OFFICER, "OFFICER", "\"not-a-revision\"", Cases.terms("3000.00")).expectStatus().isEqualTo(412);
        desk.propose(caseId, OFFICER).expectStatus().isCreated().expectBody().jsonPath("$.version").isEqualTo(3);
    }

    @Test
    void twoProposalsRacingOnTheSameRevisionNeverBothWinAndNoneIsLost() {
        String caseId = desk.proposed(INVESTOR, OFFICER);
        String etag = read(caseId, OFFICER, "OFFICER").returnResult(String.class).getResponseHeaders().getETag();
        List<Integer> statuses = Flux.range(0, 4)
                .flatMap(i -> Mono.fromCallable(() -> post(caseId, "/proposals", OFFICER, "OFFICER", etag,
                        Cases.terms("100" + i + ".00")).returnResult(String.class).getStatus().value())
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()))
                .collectList().block(Duration.ofSeconds(30));
        assertThat(statuses).containsOnly(201, 412).filteredOn(status -> status == 201).hasSize(1);
        assertThat(desk.stored(caseId).termSheets()).hasSize(2);

        List<Integer> unchecked = Flux.range(0, 4)
                .flatMap(i -> Mono.fromCallable(() -> desk.propose(caseId, OFFICER).returnResult(String.class).getStatus().value())
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()))
                .collectList().block(Duration.ofSeconds(30));
        assertThat(unchecked).containsOnly(201);
        assertThat(desk.stored(caseId).termSheets()).extracting(TermSheet::version).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void theDiffIsMachineAndHumanReadableAndBadVersionsAreRefused() {
        String caseId = desk.proposed(INVESTOR, OFFICER);
        post(caseId, "/proposals", INVESTOR, "INVESTOR", null, Cases.terms("110000000.00")).expectStatus().isCreated();
        http().get().uri("/api/negotiations/{caseId}/diff?from=1&to=2", caseId).headers(CaseDesk.bearer(INVESTOR, "INVESTOR"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.changes[0].field").isEqualTo("investmentAmount")
                .jsonPath("$.changes[0].before").isEqualTo("120000000.00")
                .jsonPath("$.changes[0].after").isEqualTo("110000000.00")
                .jsonPath("$.text").value(String.class, text -> assertThat(text).contains("~ investmentAmount: EUR 120,000,000.00 → EUR 110,000,000.00"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"from=1&to=9, 404", "from=0&to=1, 404", "from=x&to=1, 400", "from=1, 400"})
    void aDiffOfBadVersionsIsRefusedAsProblemJson(String query, int expected) {
        String caseId = desk.proposed(INVESTOR, OFFICER);
        post(caseId, "/proposals", INVESTOR, "INVESTOR", null, Cases.terms("110000000.00")).expectStatus().isCreated();
        http().get().uri("/api/negotiations/" + caseId + "/diff?" + query).headers(CaseDesk.bearer(OFFICER, "OFFICER"))
                .exchange().expectStatus().isEqualTo(expected)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theDiffAnswersPlainTextWhenAskedAndRefusesAsProblemJsonInEitherForm() {
        String caseId = desk.proposed(INVESTOR, OFFICER);
        post(caseId, "/proposals", INVESTOR, "INVESTOR", null, Cases.terms("110000000.00")).expectStatus().isCreated();
        String text = diff(caseId, "from=1&to=2", INVESTOR, "INVESTOR", "text/plain").expectStatus().isOk()
                .expectHeader().contentType("text/plain;charset=UTF-8").expectBody(String.class).returnResult().getResponseBody();
        assertThat(text).isEqualTo("Changes from version 1 to version 2:\n"
                + "~ investmentAmount: EUR 120,000,000.00 → EUR 110,000,000.00\n");
        diff(caseId, "from=1&to=2", OFFICER, "OFFICER", "text/plain;q=0.5, application/json").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.changes[0].after").isEqualTo("110000000.00");
        diff(caseId, "from=1&to=2", OFFICER, "OFFICER", "*/*").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        diff(caseId, "from=1&to=2", OFFICER, "OFFICER", "application/xml").expectStatus().isEqualTo(406)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        String other = diff(caseId, "from=1&to=2", "investor-curious", "INVESTOR", "text/plain").expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();
        String unknown = Cases.fresh();
        assertThat(other.replace(caseId, "{caseId}")).isEqualTo(diff(unknown, "from=1&to=2", "investor-curious", "INVESTOR",
                "text/plain").expectStatus().isNotFound().expectBody(String.class).returnResult().getResponseBody()
                .replace(unknown, "{caseId}"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"from=1&to=9, 404", "from=x&to=1, 400", "from=1, 400"})
    void aPlainTextDiffOfBadVersionsIsRefusedAsProblemJson(String query, int expected) {
        String caseId = desk.proposed(INVESTOR, OFFICER);
        post(caseId, "/proposals", INVESTOR, "INVESTOR", null, Cases.terms("110000000.00")).expectStatus().isCreated();
        diff(caseId, query, OFFICER, "OFFICER", "text/plain").expectStatus().isEqualTo(expected)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec diff(String caseId, String query, String user, String role, String accept) {
        return http().get().uri("/api/negotiations/" + caseId + "/diff?" + query).headers(CaseDesk.bearer(user, role))
                .header("Accept", accept).exchange();
    }

    @Test
    void commentsFormAThreadAndBadCommentsAreRefused() {
        String caseId = desk.opened(INVESTOR, OFFICER);
        post(caseId, "/comments", INVESTOR, "INVESTOR", null, Map.of("text", "Can the land be closer to the port?"))
                .expectStatus().isCreated();
        post(caseId, "/comments", OFFICER, "OFFICER", null, Map.of("text", "We will check Lianghe plot 7.")).expectStatus().isCreated();
        read(caseId, INVESTOR, "INVESTOR").expectBody().jsonPath("$.comments.length()").isEqualTo(2)
                .jsonPath("$.comments[1].author").isEqualTo(OFFICER);
    }

    static Stream<Object> badComments() {
        return Stream.of(Map.of("text", " "), Map.of("text", "x".repeat(4001)), Map.of(), Map.of("text", 5));
    }

    @ParameterizedTest
    @MethodSource("badComments")
    void aBadCommentIsRefusedAndNotAddedToTheThread(Object bad) {
        String caseId = desk.opened(INVESTOR, OFFICER);
        post(caseId, "/comments", INVESTOR, "INVESTOR", null, bad).expectStatus().isBadRequest();
        read(caseId, INVESTOR, "INVESTOR").expectBody().jsonPath("$.comments.length()").isEqualTo(0);
    }

    @Test
    void aWithdrawalNeedsAReasonAndFailsTheNegotiation() {
        String caseId = desk.proposed(INVESTOR, OFFICER);
        post(caseId, "/withdrawal", INVESTOR, "INVESTOR", null, Map.of()).expectStatus().isBadRequest();
        post(caseId, "/withdrawal", INVESTOR, "INVESTOR", null, Map.of("reason", "board decided against Chongqing"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("FAILED")
                .jsonPath("$.failure.reason").isEqualTo("WITHDRAWN");
        post(caseId, "/withdrawal", OFFICER, "OFFICER", null, Map.of("reason", "again")).expectStatus().isEqualTo(409);
        desk.accept(caseId, 1, INVESTOR).expectStatus().isEqualTo(409);
    }

    @Test
    void aPendingApprovalIsEscalatedAndAnIdleNegotiationFailsOnceTheirPeriodsHavePassed() {
        String pending = desk.awaitingApproval(INVESTOR, OFFICER);
        String idle = desk.proposed(INVESTOR, OFFICER);

        clock.advance(Duration.ofHours(47));
        watch.runOnce().block(Duration.ofSeconds(30));
        assertThat(desk.stored(pending).pendingApproval().escalated()).isFalse();

        clock.advance(Duration.ofHours(2));
        watch.runOnce().block(Duration.ofSeconds(30));
        assertThat(desk.stored(pending).pendingApproval().escalated()).isTrue();
        post(idle, "/comments", INVESTOR, "INVESTOR", null, Map.of("text", "still here")).expectStatus().isCreated();

        clock.advance(Duration.ofDays(30).minusHours(49).plusMinutes(1));
        watch.runOnce().block(Duration.ofSeconds(30));
        assertThat(desk.stored(pending).status()).isEqualTo(NegotiationStatus.FAILED);
        assertThat(desk.stored(idle).status()).isEqualTo(NegotiationStatus.OPEN);

        clock.advance(Duration.ofDays(3));
        watch.runOnce().block(Duration.ofSeconds(30));
        assertThat(desk.stored(idle).status()).isEqualTo(NegotiationStatus.FAILED);
        assertThat(desk.stored(idle).failure().reason()).isEqualTo("INACTIVE");
        try (TopicProbe events = TopicProbe.of(NegotiationEvents.TOPIC)) {
            events.await(pending, NegotiationEvents.APPROVAL_ESCALATED);
            events.await(idle, NegotiationEvents.NEGOTIATION_FAILED);
        }
        http().get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class).value(body ->
                assertThat(body).contains("investflow_negotiation_open", "investflow_negotiation_approvals_pending",
                        "investflow_negotiation_failed_total{reason=\"INACTIVE\"}", "investflow_negotiation_rounds_to_agreement"));
    }

    @Test
    void aReopenedNegotiationLeftIdleFailsForInactivityAndCountsAsOpenUntilThen() {
        String caseId = desk.proposed(INVESTOR, OFFICER);
        desk.accept(caseId, 1, INVESTOR).expectStatus().isOk();
        String fingerprint = desk.stored(desk.settled(caseId)).agreement().fingerprint().hex();
        clock.advance(Duration.ofDays(20));
        SharedInfrastructure.send(GoldenEvents.record(SigningEvents.CATALOG, SigningEvents.CONTRACT_EXPIRED,
                Map.of("caseId", caseId, "investorId", INVESTOR, "termsFingerprint", fingerprint)));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> desk.stored(caseId).status() == NegotiationStatus.REOPENED);

        clock.advance(Duration.ofDays(30));
        watch.runOnce().block(Duration.ofSeconds(30));
        assertThat(desk.stored(caseId).status()).as("the reopening restarted the inactivity clock").isEqualTo(NegotiationStatus.REOPENED);
        http().get().uri("/actuator/prometheus").exchange().expectBody(String.class).value(body ->
                assertThat(body).containsPattern("investflow_negotiation_open(\\{[^}]*})? [1-9]"));

        clock.advance(Duration.ofMinutes(2));
        watch.runOnce().block(Duration.ofSeconds(30));
        assertThat(desk.stored(caseId).status()).isEqualTo(NegotiationStatus.FAILED);
        assertThat(desk.stored(caseId).failure().reason()).isEqualTo("INACTIVE");
        assertThat(desk.stored(caseId).reopenings()).hasSize(1);
    }

    private WebTestClient http() {
        return desk.http();
    }

    private WebTestClient.ResponseSpec read(String caseId, String user, String role) {
        return http().get().uri("/api/negotiations/{caseId}", caseId).headers(CaseDesk.bearer(user, role)).exchange();
    }

    private WebTestClient.ResponseSpec post(String caseId, String path, String user, String role, String ifMatch, Object body) {
        return http().post().uri("/api/negotiations/" + caseId + path).headers(CaseDesk.bearer(user, role))
                .headers(headers -> { if (ifMatch != null) { headers.setIfMatch(ifMatch); } })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** A clock the test moves by hand. */
    static class MutableClock extends Clock {

        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        void set(Instant instant) {
            now.set(instant);
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @TestConfiguration
    static class ControlledClock {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }
}
