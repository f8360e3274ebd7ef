package org.investflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.investflow.portal.CaseFingerprint.Answer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CaseFingerprintTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<Answer> answers(String negotiation, String envelope) {
        return List.of(new Answer("intake", 200, json("{\"status\":\"ACCEPTED\",\"details\":{\"companyName\":\"Rhein Bau\"}}")),
                new Answer("negotiation", 200, json(negotiation)),
                new Answer("tracking", 200, json("{\"stage\":\"NEGOTIATING\",\"enteredAt\":{\"INTENTION\":\"t1\",\"NEGOTIATING\":\"t2\"}}")),
                envelope == null ? new Answer("signing", 404, null) : new Answer("signing", 200, json(envelope)));
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
}
