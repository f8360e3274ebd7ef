package org.investflow.portal;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * What of a case, as one user sees it, makes an open page worth refreshing: its status and officer at
 * intake, the negotiation's status and revision, the pipeline's stage and the stages it entered, the
 * envelope and who signed, the project's status and the ids of its milestone, capital and jobs entries
 * (a report or a correction adds one). Built from the services' own answers to that user's token (a service that refuses or
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
                    case "intake" -> text(answer.body(), "status") + "/" + text(answer.body(), "assignedOfficerId");
                    case "negotiation" -> text(answer.body(), "status") + "@" + text(answer.body(), "revision");
                    case "tracking" -> text(answer.body(), "stage") + answer.body().path("enteredAt").propertyNames();
                    case "signing" -> text(answer.body(), "envelopeId") + "/" + text(answer.body(), "status") + "/" + signed(answer.body());
                    case "project" -> text(answer.body(), "status") + entries(answer.body().path("milestones"))
                            + entries(answer.body().path("capital").path("injections")) + entries(answer.body().path("jobs").path("reports"));
                    default -> "";
                });
            }
        }
        return new CaseFingerprint(List.copyOf(parts));
    }

    private static String text(JsonNode body, String field) {
        return body.path(field).asString("");
    }

    /** The ids of a project's entries: opaque, and a new report or correction is a new one. */
    private static List<String> entries(JsonNode entries) {
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : entries) {
            ids.add(text(entry, "entryId"));
        }
        return ids;
    }

    private static long signed(JsonNode envelope) {
        long signed = 0;
        for (JsonNode signer : envelope.path("signers")) {
            signed += signer.path("signed").asBoolean(false) ? 1 : 0;
        }
        return signed;
    }
}
