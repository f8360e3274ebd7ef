package org.investflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.investflow.portal.CaseFingerprint.Answer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CaseFingerprintTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String INTENTION = "{\"status\":\"ACCEPTED\",\"assignedOfficerId\":\"officer-li\",\"details\":{\"companyName\":\"Rhein Bau\"}}";

    private static List<Answer> answers(String negotiation, String envelope) {
        return answers(INTENTION, negotiation, envelope, null);
    }

    private static List<Answer> answers(String intention, String negotiation, String envelope, String project) {
        return List.of(new Answer("intake", 200, json(intention)),
                new Answer("negotiation", 200, json(negotiation)),
                new Answer("tracking", 200, json("{\"stage\":\"NEGOTIATING\",\"enteredAt\":{\"INTENTION\":\"t1\",\"NEGOTIATING\":\"t2\"}}")),
                envelope == null ? new Answer("signing", 404, null) : new Answer("signing", 200, json(envelope)),
                project == null ? new Answer("project", 404, null) : new Answer("project", 200, json(project)));
    }

    private static List<Answer> project(String milestones) {
        return answers(INTENTION, "{\"status\":\"AGREED\",\"revision\":5}", null,
                "{\"status\":\"IN_PROGRESS\",\"milestones\":[%s],\"capital\":{\"injections\":[]},\"jobs\":{\"reports\":[]}}"
                        .formatted(milestones));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void aNewNegotiationRevisionIsAChange() {
        assertThat(CaseFingerprint.of(answers("{\"status\":\"OPEN\",\"revision\":2}", null)))
                .isNotEqualTo(CaseFingerprint.of(answers("{\"status\":\"OPEN\",\"revision\":3}", null)));
    }

    @Test
    void theSameStatusesAreNoChangeWhateverElseTheAnswersHold() {
        assertThat(CaseFingerprint.of(answers("{\"status\":\"OPEN\",\"revision\":2,\"comments\":[]}", null)))
                .isEqualTo(CaseFingerprint.of(answers("{\"status\":\"OPEN\",\"revision\":2,\"comments\":[{\"text\":\"x\"}]}", null)));
    }

    @Test
    void aSignatureIsAChange() {
        String envelope = "{\"envelopeId\":\"e1\",\"status\":\"PARTIALLY_SIGNED\",\"signers\":[{\"signed\":true},{\"signed\":%s}]}";
        assertThat(CaseFingerprint.of(answers("{\"status\":\"AGREED\",\"revision\":5}", envelope.formatted("false"))))
                .isNotEqualTo(CaseFingerprint.of(answers("{\"status\":\"AGREED\",\"revision\":5}", envelope.formatted("true"))));
    }

    @Test
    void holdsNoneOfTheCasesContentOnlyStatuses() {
        assertThat(String.join(" ", CaseFingerprint.of(answers("{\"status\":\"OPEN\",\"revision\":2}", null)).parts()))
                .doesNotContain("Rhein Bau").contains("intake:200", "ACCEPTED", "OPEN@2", "signing:404");
    }

    @Test
    void aMilestoneReportedIsAChange() {
        String registered = "{\"entryId\":\"m1\",\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":\"2027-01-10\"}";
        String construction = "{\"entryId\":\"m2\",\"milestone\":\"CONSTRUCTION_STARTED\",\"achievedOn\":\"2027-03-01\"}";
        assertThat(CaseFingerprint.of(project(registered)))
                .isNotEqualTo(CaseFingerprint.of(project(registered + "," + construction)))
                .isEqualTo(CaseFingerprint.of(project(registered)));
    }

    @Test
    void aProjectStartedIsAChangeButHoldsNoneOfItsDates() {
        String registered = "{\"entryId\":\"m1\",\"milestone\":\"BUSINESS_REGISTERED\",\"achievedOn\":\"2027-01-10\"}";
        assertThat(CaseFingerprint.of(answers("{\"status\":\"AGREED\",\"revision\":5}", null))).isNotEqualTo(CaseFingerprint.of(project("")));
        assertThat(String.join(" ", CaseFingerprint.of(project(registered)).parts())).contains("IN_PROGRESS", "m1").doesNotContain("2027");
    }

    @Test
    void aReassignmentIsAChange() {
        String reassigned = INTENTION.replace("officer-li", "officer-wang");
        String negotiation = "{\"status\":\"OPEN\",\"revision\":1}";
        assertThat(CaseFingerprint.of(answers(INTENTION, negotiation, null, null)))
                .isNotEqualTo(CaseFingerprint.of(answers(reassigned, negotiation, null, null)));
    }
}
