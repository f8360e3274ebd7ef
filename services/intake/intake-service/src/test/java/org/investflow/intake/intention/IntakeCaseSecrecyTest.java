package org.investflow.intake.intention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.investflow.intake.IntakeTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * The probes of issue 16 against intake: a case no rule routes cannot be taken by an officer, an
 * investor learns nothing of another investor's case through screening, and drafts are the investor's alone.
 */
@IntakeTest
class IntakeCaseSecrecyTest {

    /** ISIC O84: valid in the reference data, not on the negative list, covered by no officer. */
    static final String UNCOVERED = "O84";

    @LocalServerPort
    int port;

    Intentions api;

    @BeforeEach
    void connect() {
        api = new Intentions(port);
    }

    @Test
    void anUnroutedCaseWaitsInTheLeadersQueueAndNoOfficerCanTakeIt() {
        Map<String, Object> form = Intentions.form();
        form.put("industryCode", UNCOVERED);
        String caseId = api.submitted("investor-steering", form).get("caseId").toString();

        api.as("officer-wang", "OFFICER", HttpMethod.POST, "/api/intentions/" + caseId + "/acceptance")
                .exchange().expectStatus().isForbidden();
        assertThat(caseIds("leader-chen", "LEADER", "/api/intentions?unassigned=true&limit=100")).contains(caseId);
        assertThat(caseIds("officer-wang", "OFFICER", "/api/intentions?unassigned=true&limit=100")).doesNotContain(caseId);

        api.as("leader-chen", "LEADER", HttpMethod.POST, "/api/intentions/" + caseId + "/assignment")
                .bodyValue(Map.of("officerId", "officer-li")).exchange().expectStatus().isOk();
        api.as("officer-wang", "OFFICER", HttpMethod.POST, "/api/intentions/" + caseId + "/acceptance")
                .exchange().expectStatus().isForbidden();
        api.as("officer-li", "OFFICER", HttpMethod.POST, "/api/intentions/" + caseId + "/acceptance")
                .exchange().expectStatus().isOk();
        assertThat(caseIds("leader-chen", "LEADER", "/api/intentions?unassigned=true&limit=100")).doesNotContain(caseId);
    }

    @Test
    void anotherInvestorsDuplicateIsUnderReviewToTheInvestorAndLinkedForStaff() {
        Map<String, Object> first = Intentions.form();
        String earlier = api.submitted("investor-de-1", first).get("caseId").toString();
        Map<String, Object> copy = Intentions.form();
        copy.put("registrationNumber", first.get("registrationNumber"));

        Map<?, ?> answered = api.submitted("investor-us-1", copy);
        String caseId = answered.get("caseId").toString();
        Map<?, ?> viewed = api.as("investor-us-1", "INVESTOR", HttpMethod.GET, "/api/intentions/" + caseId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String listed = api.as("investor-us-1", "INVESTOR", HttpMethod.GET, "/api/intentions?limit=100").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        for (String seen : List.of(answered.toString(), viewed.toString(), listed)) {
            assertThat(seen).doesNotContain(earlier).doesNotContain("DUPLICATE").doesNotContain("Same company");
        }
        Map<?, ?> seenScreening = (Map<?, ?>) viewed.get("screening");
        assertThat(seenScreening.get("outcome")).isEqualTo("REVIEW");
        assertThat(seenScreening.get("duplicateOf")).isNull();
        assertThat(seenScreening.get("reasons").toString()).doesNotContain("duplicate");
        Map<?, ?> staff = (Map<?, ?>) api.as("leader-chen", "LEADER", HttpMethod.GET, "/api/intentions/" + caseId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("screening");
        assertThat(staff.get("duplicateOf")).isEqualTo(earlier);
        assertThat(staff.get("reasons").toString()).contains(earlier);
    }

    @ParameterizedTest
    @ValueSource(strings = {"OFFICER", "LEADER", "ADMIN"})
    void aDraftIsNotFoundForStaffAsIfItDidNotExist(String role) {
        String draft = api.draft("investor-drafting", Intentions.form());
        String staff = role.toLowerCase() + "-reader";

        api.as(staff, role, HttpMethod.GET, "/api/intentions/" + draft).exchange().expectStatus().isNotFound();
        assertThat(caseIds(staff, role, "/api/intentions?limit=100")).doesNotContain(draft);
        assertThat(caseIds(staff, role, "/api/intentions?status=DRAFT&limit=100")).doesNotContain(draft);
        api.as("investor-drafting", "INVESTOR", HttpMethod.GET, "/api/intentions/" + draft).exchange().expectStatus().isOk();
    }

    private List<String> caseIds(String user, String role, String path) {
        Map<?, ?> page = api.as(user, role, HttpMethod.GET, path).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) page.get("items")).stream().map(item -> ((Map<?, ?>) item).get("caseId").toString()).toList();
    }
}
