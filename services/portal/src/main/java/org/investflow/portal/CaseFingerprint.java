package org.investflow.portal;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * What of a case, as one user sees it, makes an open page worth refreshing: its status at intake, the
 * negotiation's status and revision, the pipeline's stage and the stages it entered, the envelope and
 * who signed. Built from the services' own answers to that user's token (a service that refuses or
 * does not know the case contributes its status code only), so it holds nothing the user may not see,
 * and it never leaves the portal: the page is only told that something changed.
 */
record CaseFingerprint(List<String> parts) {

    /** The case is not (or no longer) one the user may see. */
    static final CaseFingerprint GONE = new CaseFingerprint(List.of("gone"));

    /** One service's answer: its HTTP status and, when it answered 200, its JSON body. */
    record Answer(String service, int status, JsonNode body) {
    }

    static CaseFingerprint of(List<Answer> answers) {
        List<String> parts = new ArrayList<>();
        for (Answer answer : answers) {
            parts.add(answer.service() + ":" + answer.status());
            if (answer.status() == 200 && answer.body() != null) {
                parts.add(switch (answer.service()) {
                    case "intake" -> text(answer.body(), "status");
                    case "negotiation" -> text(answer.body(), "status") + "@" + text(answer.body(), "revision");
                    case "tracking" -> text(answer.body(), "stage") + answer.body().path("enteredAt").propertyNames();
                    case "signing" -> text(answer.body(), "envelopeId") + "/" + text(answer.body(), "status") + "/" + signed(answer.body());
                    default -> "";
                });
            }
        }
        return new CaseFingerprint(List.copyOf(parts));
    }

    private static String text(JsonNode body, String field) {
        return body.path(field).asString("");
    }

    private static long signed(JsonNode envelope) {
        long signed = 0;
        for (JsonNode signer : envelope.path("signers")) {
            signed += signer.path("signed").asBoolean(false) ? 1 : 0;
        }
        return signed;
    }
}
