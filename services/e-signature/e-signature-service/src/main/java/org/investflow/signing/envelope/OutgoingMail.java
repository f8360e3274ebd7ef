package org.investflow.signing.envelope;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A mail an envelope queued for delivery, stored with the envelope in the same write as the change
 * that caused it (mail outbox); the delivery job sends it and removes it. Until then it holds the
 * link or code it carries in its body, which is stored sealed (the envelope keeps links and codes only
 * as hashes); the subject is stored in clear and so never carries either. Bilingual, like the
 * contract; the case id is always in the subject.
 *
 * @param mailId UUID, so a delivery removes exactly what it sent
 */
public record OutgoingMail(String mailId, Kind kind, String to, String subject, String text, Instant queuedAt) {

    /** What the mail is for. */
    public enum Kind { INVITATION, REMINDER, CODE }

    public OutgoingMail {
        Objects.requireNonNull(mailId, "mailId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    /** An invitation or reminder to sign, carrying the signer's one-time link {@code url}. */
    static OutgoingMail link(Kind kind, String to, Envelope envelope, Signer signer, String url, Instant now) {
        String caseId = envelope.caseId().value();
        String company = envelope.agreement().companyName();
        String subject = (kind == Kind.REMINDER ? "Reminder 提醒: " : "") + "Contract to sign 待签署合同 " + caseId
                + " — " + company;
        String text = "The contract of case " + caseId + " (" + company + ") awaits your signature as "
                + signer.role().capacity() + ".\nOpen your personal one-time link, ask for a code by email, then read and sign:\n"
                + url + "\nThe link works until " + signer.deadline() + " and only for you. Contract SHA-256: "
                + envelope.documentHash() + "\n\n案件 " + caseId + " 的合同等待您签署。请打开您的一次性链接:\n" + url + "\n";
        return new OutgoingMail(UUID.randomUUID().toString(), kind, to, subject, text, now);
    }

    /** A one-time code for the contract of {@code caseId}, valid for {@code validity}. */
    static OutgoingMail code(String to, String caseId, String code, Duration validity, Instant now) {
        String text = "Your one-time code for the contract of case " + caseId + " is " + code + ".\n"
                + "It is valid for " + validity.toMinutes() + " minutes. Never share it.\n\n"
                + "案件 " + caseId + " 合同签署验证码: " + code + "\n";
        return new OutgoingMail(UUID.randomUUID().toString(), Kind.CODE, to,
                "Your signing code 您的签署验证码 (" + caseId + ")", text, now);
    }
}
