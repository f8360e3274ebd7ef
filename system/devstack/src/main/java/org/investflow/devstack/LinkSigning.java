package org.investflow.devstack;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import org.investflow.platform.events.Role;
import tools.jackson.databind.JsonNode;

/**
 * The signers' side of a {@link CaseJourney}: each signer opens the one-time link e-signature mailed
 * them, asks for a code by mail, views the contract, then signs with consent or declines; nothing
 * but the link and the code identifies them. Then anyone verifies the sealed contract.
 */
final class LinkSigning {

    private final ServiceCalls calls;
    private final SignerMailbox mailbox;
    /** Signing-link tokens already used up in this journey: a later step waits for a newer one. */
    private final Set<String> spentLinks = new HashSet<>();

    LinkSigning(ServiceCalls calls, SignerMailbox mailbox) {
        this.calls = calls;
        this.mailbox = mailbox;
    }

    /** A signer's way: the link from their invitation, a code by mail, the contract, then the signature with consent. */
    JsonNode sign(String user, String caseId, String typedName) {
        Map<String, Object> signature = new HashMap<>(view(user, caseId));
        signature.putAll(Map.of("typedName", typedName, "consent", true));
        return calls.postOpen("/api/signing-links/signatures", signature);
    }

    /** A signer's way to say no: the link, a code by mail, the contract, then the decline with its reason. */
    JsonNode decline(String user, String caseId) {
        Map<String, Object> decline = new HashMap<>(view(user, caseId));
        decline.putAll(Map.of("category", "TERMS", "reason", "The construction start must move by one quarter."));
        return calls.postOpen("/api/signing-links/declines", decline);
    }

    /** Opens the signer's newest unused link with a mailed code and views the contract; the link is then spent. */
    private Map<String, Object> view(String user, String caseId) {
        String token = mailbox.awaitLink(user, caseId, spentLinks);
        spentLinks.add(token);
        int codesBefore = mailbox.codes(user, caseId);
        calls.postOpen("/api/signing-links/codes", Map.of("token", token));
        String code = mailbox.awaitCode(user, caseId, codesBefore);
        calls.postOpenForBytes("/api/signing-links/views", Map.of("token", token, "code", code));
        return Map.of("token", token, "code", code);
    }

    /**
     * Once sealed (the last signature leaves the envelope {@code SEALING}; sealing and time-stamping follow), the executed
     * contract downloads sealed, hashes to what the envelope announced, and verifies without a token.
     */
    JsonNode verifyExecuted(String caseId, String investor) {
        String envelopePath = "/api/envelopes/" + caseId;
        JsonNode envelope = calls.awaitUntil(Service.E_SIGNATURE, envelopePath, body -> "EXECUTED".equals(body.path("status").asText()));
        byte[] pdf = calls.getBytes(Service.E_SIGNATURE, envelopePath + "/executed-contract", investor, Role.INVESTOR);
        if (!sha256(pdf).equals(envelope.path("executedDocumentHash").asText())) {
            throw new IllegalStateException("the executed contract of " + caseId + " does not hash to what execution announced");
        }
        JsonNode verification = calls.verify(pdf);
        if (!verification.path("valid").asBoolean()) {
            throw new IllegalStateException("the executed contract of " + caseId + " does not verify: " + verification);
        }
        return verification;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
