package org.investflow.negotiation.negotiation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.investflow.negotiation.events.AgreementReached;
import org.investflow.negotiation.events.NegotiationEvent;
import org.investflow.negotiation.events.NegotiationOpened;
import org.investflow.negotiation.events.Terms;
import org.investflow.negotiation.events.TermsProposed;
import org.investflow.platform.domain.AggregateRoot;
import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.domain.IllegalTransitionException;
import org.investflow.platform.domain.NotFoundException;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.platform.events.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The negotiation of one investment case between its investor and the case officer who accepted
 * the intention. That officer, and no other, proposes term sheets, each a new immutable version;
 * the owning investor accepts the latest one, which freezes its terms as the agreement (anyone
 * else's acceptance is answered as if the case did not exist). Commands return the events they
 * caused; the application service stores them with the negotiation.
 */
@Document("negotiations")
public class Negotiation extends AggregateRoot {

    @Id
    private String caseId;
    private String investorId;
    private String officerId;
    private String companyName;
    private NegotiationStatus status;
    private Instant openedAt;
    private List<TermSheet> termSheets = new ArrayList<>();
    private Agreement agreement;

    Negotiation() {
    }

    /** Opens the negotiation of an accepted intention, remembering the event that caused it. */
    static Opening open(AcceptedIntention intention, String causeEventId, Instant now) {
        Negotiation negotiation = new Negotiation();
        negotiation.caseId = intention.caseId();
        negotiation.investorId = intention.investorId();
        negotiation.officerId = intention.officerId();
        negotiation.companyName = intention.companyName();
        negotiation.status = NegotiationStatus.OPEN;
        negotiation.openedAt = now;
        negotiation.markHandled(causeEventId);
        return new Opening(negotiation, List.of(new NegotiationOpened(intention.caseId(), intention.investorId(),
                intention.officerId(), intention.companyName(), now, Actor.SYSTEM)));
    }

    List<NegotiationEvent> propose(Terms terms, Actor officer, LocalDate today, Instant now) {
        if (!isAssignedTo(officer.id())) {
            throw new ForbiddenException("negotiation " + caseId + " is assigned to another case officer");
        }
        guard(NegotiationStatus.OPEN, "propose terms");
        if (terms.landingDeadline().isBefore(today)) {
            throw new RuleViolationException("the landing deadline " + terms.landingDeadline() + " is in the past");
        }
        TermSheet sheet = new TermSheet(termSheets.size() + 1, terms, officer.id(), now);
        termSheets.add(sheet);
        return List.of(new TermsProposed(caseId, investorId, sheet.version(), terms, now, officer));
    }

    List<NegotiationEvent> accept(int version, Actor investor, String agreementId, Instant now) {
        if (!isOwnedBy(investor.id())) {
            throw new NotFoundException("negotiation", caseId);
        }
        guard(NegotiationStatus.AGREED, "accept version " + version);
        Terms terms = latest(version).terms();
        status = NegotiationStatus.AGREED;
        agreement = new Agreement(agreementId, version, terms, TermsFingerprint.of(terms), investor.id(), now);
        return List.of(new AgreementReached(caseId, investorId, officerId, agreementId, version, companyName, terms,
                agreement.fingerprint().hex(), now, investor));
    }

    private TermSheet latest(int version) {
        if (version < 1 || version > termSheets.size()) {
            throw new NotFoundException("term sheet version " + version + " of negotiation", caseId);
        }
        if (version != termSheets.size()) {
            throw new RuleViolationException("version " + version + " was superseded by version " + termSheets.size()
                    + "; only the latest version can be accepted");
        }
        return termSheets.get(version - 1);
    }

    private void guard(NegotiationStatus target, String attempted) {
        if (!status.canTransitionTo(target)) {
            throw new IllegalTransitionException("negotiation " + caseId, status, attempted);
        }
    }

    /** The owner may see and accept it; case officers, leaders and admins may see it too. */
    boolean isOwnedBy(String userId) {
        return investorId.equals(userId);
    }

    /** Only the officer the case is assigned to may propose terms; other officers may only read it. */
    boolean isAssignedTo(String userId) {
        return officerId.equals(userId);
    }

    public String caseId() {
        return caseId;
    }

    public String investorId() {
        return investorId;
    }

    public String officerId() {
        return officerId;
    }

    public String companyName() {
        return companyName;
    }

    public NegotiationStatus status() {
        return status;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public List<TermSheet> termSheets() {
        return List.copyOf(termSheets);
    }

    public Agreement agreement() {
        return agreement;
    }

    /** A new negotiation and the events of its opening. */
    record Opening(Negotiation negotiation, List<NegotiationEvent> events) {
    }
}
