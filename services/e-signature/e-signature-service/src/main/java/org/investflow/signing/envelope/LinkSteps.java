package org.investflow.signing.envelope;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntPredicate;

import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.events.Actor;
import org.investflow.signing.audit.AuditAction;
import org.investflow.signing.audit.AuditTrail;
import org.investflow.signing.audit.Origin;
import org.investflow.signing.events.SigningEvent;

/**
 * The signer-facing steps of an {@link Envelope}: the one-time links mailed when a turn starts or a
 * reminder is due, the codes sent for them, and viewing the contract through a link or as a named
 * signer. None of them changes the envelope's status, so none needs its guard; they work on its
 * signing order, links, mail outbox and audit trail. Built by the envelope for each step, never stored.
 */
final class LinkSteps {

    private final Envelope envelope;
    private final SigningOrder signers;
    private final SigningLinks links;
    private final MailOutbox mails;
    private final AuditTrail auditTrail;
    private final IntPredicate inTurn;

    LinkSteps(Envelope envelope, SigningOrder signers, SigningLinks links, MailOutbox mails, AuditTrail auditTrail,
            IntPredicate inTurn) {
        this.envelope = envelope;
        this.signers = signers;
        this.links = links;
        this.mails = mails;
        this.auditTrail = auditTrail;
        this.inTurn = inTurn;
    }

    /** Starts the turns of the next group of signers, if any, each signer mailed a link. */
    void startTurns(Instant now, SigningDesk desk) {
        signers.startTurns(now, desk.policy()).forEach(started -> mailLink(started, OutgoingMail.Kind.INVITATION, now, desk));
    }

    /** Mails a fresh link to every signer in turn whose reminder is due. */
    void remindDue(Instant now, SigningDesk desk) {
        signers.remindDue(now, desk.policy()).forEach(due -> {
            mailLink(due, OutgoingMail.Kind.REMINDER, now, desk);
            audit(AuditAction.REMINDED, Actor.SYSTEM, now, Origin.SYSTEM);
        });
    }

    /**
     * Emails a one-time code to the signer of the link with token hash {@code tokenHash}, if the link is usable;
     * answers where it went (masked) and until when it is valid.
     */
    CodeReceipt sendCode(String tokenHash, Instant now, SigningDesk desk) {
        SigningLinks.SentCode sent = links.sendCode(tokenHash, desk::newCode, now, desk.policy(), inTurn);
        Signer signer = signers.place(sent.signerOrder());
        String address = signer.addressAt(desk);
        mails.queue(OutgoingMail.code(address, envelope.caseId().value(), sent.code(), desk.policy().codeValidity(), now));
        audit(AuditAction.CODE_SENT, signer.actor(), now, Origin.SYSTEM);
        return new CodeReceipt(CodeReceipt.mask(address), now.plus(desk.policy().codeValidity()));
    }

    /** The signer of the link when {@code code} is right; a wrong code is counted (the caller saves, then refuses). */
    Optional<Actor> checkCode(String tokenHash, String code, Instant now, SigningPolicy policy) {
        OptionalInt order = links.checkCode(tokenHash, code, now, policy, inTurn);
        return order.isPresent() ? Optional.of(signers.place(order.getAsInt()).actor()) : Optional.empty();
    }

    /** The signer views the contract through their link (once per link), after the right code. */
    List<SigningEvent> viewThroughLink(String tokenHash, Instant now, Origin origin, SigningPolicy policy) {
        return viewedBy(signers.place(links.viewed(tokenHash, now, policy, inTurn)), now, origin);
    }

    /** Records that {@code viewer}, one of the envelope's named signers, viewed the contract; anyone else is refused. */
    List<SigningEvent> view(Actor viewer, Instant now, Origin origin) {
        Signer place = signers.placeOfViewer(viewer)
                .orElseThrow(() -> new ForbiddenException(viewer.id() + " is not a signer of envelope " + envelope.envelopeId()));
        return viewedBy(place, now, origin);
    }

    private List<SigningEvent> viewedBy(Signer place, Instant now, Origin origin) {
        Actor viewer = place.actor();
        audit(AuditAction.VIEWED, viewer, now, origin);
        return envelope.events().viewed(place, envelope.documentHash(), now, viewer);
    }

    private void mailLink(Signer signer, OutgoingMail.Kind kind, Instant now, SigningDesk desk) {
        String token = desk.newToken();
        links.issue(token, signer.order(), signer.deadline());
        mails.queue(OutgoingMail.link(kind, signer.addressAt(desk), envelope, signer, desk.linkTo(token), now));
    }

    private void audit(AuditAction action, Actor actor, Instant now, Origin origin) {
        auditTrail.record(action, actor, now, origin, envelope.documentHash());
    }
}
