package org.investflow.intake.intention;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.investflow.intake.IntakeTest;
import org.investflow.intake.events.IntakeEvents;
import org.investflow.platform.testkit.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** Screening, routing, the case's lifecycle and the queue, over HTTP with the shipped data files. */
@IntakeTest
class IntakeScreeningAndQueueTest {

    @LocalServerPort
    int port;

    Intentions api;

    @BeforeEach
    void connect() {
        api = new Intentions(port);
    }

    static Map<String, Object> form(String field, Object value, Object... more) {
        Map<String, Object> form = new HashMap<>(Intentions.form());
        form.put(field, value);
        for (int i = 0; i < more.length; i += 2) {
            form.put((String) more[i], more[i + 1]);
        }
        return form;
    }

    @Test
    void gamblingIsRejectedAtOnceCitingTheNegativeList() {
        Map<?, ?> intention = api.submitted("investor-casino", form("industryCode", "R92"));
        String caseId = (String) intention.get("caseId");
        assertThat(intention.get("status")).isEqualTo("REJECTED");
        assertThat(intention.get("rejectionReason")).isEqualTo("NEGATIVE_LIST");
        assertThat(((List<?>) ((Map<?, ?>) intention.get("screening")).get("reasons")).toString())
                .contains("negative-list-2024#16");
        try (TopicProbe topic = TopicProbe.of(IntakeEvents.TOPIC)) {
            topic.await(caseId, IntakeEvents.INTENTION_REJECTED);
            assertThat(topic.seenFor(caseId)).extracting(record -> TopicProbe.header(record, "ce_type"))
                    .containsExactly(IntakeEvents.INTENTION_SUBMITTED, IntakeEvents.INTENTION_SCREENED,
                            IntakeEvents.INTENTION_REJECTED);
        }
    }

    @Test
    void telecomsGoToReviewFlaggedRestrictedAndABigPlanIsAMajorProject() {
        Map<?, ?> telecoms = api.submitted("investor-telco", form("industryCode", "J61",
                "plannedAmount", new BigDecimal("200000000.00")));
        assertThat(telecoms.get("status")).isEqualTo("IN_REVIEW");
        assertThat(flags(telecoms)).containsExactlyInAnyOrder("MAJOR_PROJECT", "RESTRICTED");
        assertThat(telecoms.get("assignedOfficerId")).isEqualTo("officer-wang");
    }

    @Test
    void theSameCompanyIndustryAndDistrictAgainIsLinkedAsADuplicateForStaffAndUnderReviewToTheInvestor() {
        Map<String, Object> first = form("companyName", "Duplicate Probe GmbH " + UUID.randomUUID());
        String earlier = (String) api.submitted("investor-dup", first).get("caseId");
        Map<String, Object> again = new HashMap<>(first);
        again.put("companyName", ((String) first.get("companyName")).toUpperCase().replace("GMBH", "G.m.b.H."));
        again.put("registrationNumber", "HRB other");
        Map<?, ?> answered = api.submitted("investor-dup", again);
        assertThat(flags(answered)).doesNotContain("DUPLICATE");
        assertThat(((Map<?, ?>) answered.get("screening")).get("outcome")).isEqualTo("REVIEW");
        Map<?, ?> duplicate = api.as("leader-chen", "LEADER", HttpMethod.GET, "/api/intentions/" + answered.get("caseId"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(flags(duplicate)).contains("DUPLICATE");
        assertThat(((Map<?, ?>) duplicate.get("screening")).get("duplicateOf")).isEqualTo(earlier);
        assertThat(duplicate.get("caseId")).isNotEqualTo(earlier);
    }

    @Test
    void codesOutsideTheShippedDataAndPastDatesAreRefusedFieldByFieldAndNothingIsStored() {
        Map<String, Object> bad = form("industryCode", "C00", "district", "Atlantis District", "currency", "XAU",
                "expectedStart", LocalDate.now().minusDays(1).toString(), "country", "XX");
        api.as("investor-badref", "INVESTOR", HttpMethod.POST, "/api/intentions")
                .header("Idempotency-Key", "key-" + UUID.randomUUID()).bodyValue(bad).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'industryCode')]").exists()
                .jsonPath("$.errors[?(@.field == 'district')]").exists()
                .jsonPath("$.errors[?(@.field == 'currency')]").exists()
                .jsonPath("$.errors[?(@.field == 'expectedStart')]").exists()
                .jsonPath("$.errors[?(@.field == 'country')]").exists();
        api.as("investor-badref", "INVESTOR", HttpMethod.GET, "/api/intentions").exchange()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void askedForInformationTheInvestorUpdatesAndTheCaseIsScreenedAgain() {
        String caseId = api.submit("investor-update");
        String officer = api.officerOf(caseId);
        api.as(officer, "OFFICER", HttpMethod.POST, "/api/intentions/" + caseId + "/information-request")
                .bodyValue(Map.of("message", "Please state the jobs per phase.")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("INFORMATION_REQUESTED");
        api.as("investor-update", "INVESTOR", HttpMethod.PUT, "/api/intentions/" + caseId)
                .bodyValue(form("plannedJobs", 420)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("IN_REVIEW")
                .jsonPath("$.details.plannedJobs").isEqualTo(420);
        api.as("investor-update", "INVESTOR", HttpMethod.PUT, "/api/intentions/" + caseId)
                .bodyValue(form("plannedJobs", 430)).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.currentState").isEqualTo("IN_REVIEW");
        try (TopicProbe topic = TopicProbe.of(IntakeEvents.TOPIC)) {
            topic.await(caseId, IntakeEvents.INTENTION_UPDATED);
            topic.await(record -> caseId.equals(record.key())
                    && topic.seenFor(caseId).stream().filter(r -> IntakeEvents.INTENTION_SCREENED.equals(TopicProbe.header(r, "ce_type"))).count() == 2);
        }
    }

    @Test
    void aDraftIsSavedPartWayCompletedAndSubmittedAndStaysOutOfOfficersQueues() {
        String investor = "investor-draft-" + UUID.randomUUID();
        String caseId = api.draft(investor, Map.of("companyName", "Draft Works GmbH", "industryCode", "C29"));
        api.as(investor, "INVESTOR", HttpMethod.GET, "/api/intentions/" + caseId).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("DRAFT").jsonPath("$.draft.companyName").isEqualTo("Draft Works GmbH");
        api.as("leader-chen", "LEADER", HttpMethod.GET, "/api/intentions?limit=100").exchange()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain(caseId));
        api.as(investor, "INVESTOR", HttpMethod.POST, "/api/intentions/" + caseId + "/submission").exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'registrationNumber')]").exists()
                .jsonPath("$.errors[?(@.field == 'companyName')]").doesNotExist();
        api.as(investor, "INVESTOR", HttpMethod.PUT, "/api/intentions/" + caseId + "/draft")
                .bodyValue(form("companyName", "Draft Works GmbH")).exchange().expectStatus().isOk();
        api.as(investor, "INVESTOR", HttpMethod.POST, "/api/intentions/" + caseId + "/submission").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("IN_REVIEW")
                .jsonPath("$.assignedOfficerId").exists();
        api.as(investor, "INVESTOR", HttpMethod.POST, "/api/intentions/" + caseId + "/submission").exchange()
                .expectStatus().isEqualTo(409);
        try (TopicProbe topic = TopicProbe.of(IntakeEvents.TOPIC)) {
            topic.await(caseId, IntakeEvents.INTENTION_SCREENED);
            assertThat(topic.seenFor(caseId)).extracting(record -> TopicProbe.header(record, "ce_type"))
                    .containsExactly(IntakeEvents.INTENTION_SUBMITTED, IntakeEvents.INTENTION_SCREENED);
        }
    }

    @Test
    void aWithdrawnIntentionCannotBeAccepted() {
        String caseId = api.submit("investor-withdraw");
        api.as("investor-withdraw", "INVESTOR", HttpMethod.POST, "/api/intentions/" + caseId + "/withdrawal")
                .bodyValue(Map.of("reason", "The board postponed it.")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN");
        api.as(api.officerOf(caseId), "OFFICER", HttpMethod.POST, "/api/intentions/" + caseId + "/acceptance").exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.currentState").isEqualTo("WITHDRAWN");
    }

    @Test
    void aLeaderReassignsAndOnlyTheNewOfficerMayDecide() {
        String caseId = api.submit("investor-reassign");
        String before = api.officerOf(caseId);
        String after = api.otherOfficerThan(caseId);
        api.as("leader-chen", "LEADER", HttpMethod.POST, "/api/intentions/" + caseId + "/assignment")
                .bodyValue(Map.of("officerId", after)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.assignedOfficerId").isEqualTo(after);
        api.as(before, "OFFICER", HttpMethod.POST, "/api/intentions/" + caseId + "/acceptance").exchange().expectStatus().isForbidden();
        api.as(after, "OFFICER", HttpMethod.POST, "/api/intentions/" + caseId + "/acceptance").exchange().expectStatus().isOk();
        api.as("leader-chen", "LEADER", HttpMethod.POST, "/api/intentions/" + caseId + "/assignment")
                .bodyValue(Map.of("officerId", "officer-nobody")).exchange().expectStatus().isBadRequest();
    }

    @Test
    void pagesFollowTheirCursorAcrossConcurrentInsertsWithoutRepeatsOrGaps() {
        String investor = "investor-pager-" + UUID.randomUUID();
        List<String> original = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            original.add(api.submit(investor));
        }
        Map<?, ?> first = page(investor, null);
        List<String> seen = new ArrayList<>(caseIds(first));
        List<String> inserted = List.of(api.submit(investor), api.submit(investor));
        Map<?, ?> second = page(investor, (String) first.get("nextCursor"));
        seen.addAll(caseIds(second));
        Map<?, ?> third = page(investor, (String) second.get("nextCursor"));
        seen.addAll(caseIds(third));

        assertThat(caseIds(first)).hasSize(3);
        assertThat(third.get("nextCursor")).isNull();
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(original).doesNotContainAnyElementsOf(inserted);
        List<String> newestFirst = new ArrayList<>(original);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void theOldestFirstQueueAndFiltersShowOnlyWhatWasAskedFor() {
        String investor = "investor-filter-" + UUID.randomUUID();
        String small = api.submit(investor);
        String major = (String) api.submitted(investor, form("plannedAmount", new BigDecimal("300000000.00"))).get("caseId");
        api.as(investor, "INVESTOR", HttpMethod.GET, "/api/intentions?order=oldest&limit=10").exchange()
                .expectBody().jsonPath("$.items[0].caseId").isEqualTo(small).jsonPath("$.items[1].caseId").isEqualTo(major);
        api.as(investor, "INVESTOR", HttpMethod.GET, "/api/intentions?flag=MAJOR_PROJECT").exchange()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].caseId").isEqualTo(major);
        api.as(investor, "INVESTOR", HttpMethod.GET, "/api/intentions?cursor=not-a-cursor").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
    }

    private Map<?, ?> page(String investor, String cursor) {
        String query = "/api/intentions?limit=3&order=newest" + (cursor == null ? "" : "&cursor=" + cursor);
        return api.as(investor, "INVESTOR", HttpMethod.GET, query).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static List<String> flags(Map<?, ?> intention) {
        return ((List<?>) intention.get("flags")).stream().map(String::valueOf).toList();
    }

    private static List<String> caseIds(Map<?, ?> page) {
        return ((List<?>) page.get("items")).stream().map(item -> (String) ((Map<?, ?>) item).get("caseId")).toList();
    }
}
