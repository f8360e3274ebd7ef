package org.investflow.negotiation.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.investflow.negotiation.negotiation.NegotiationDepthTest.INVESTOR;
import static org.investflow.negotiation.negotiation.NegotiationDepthTest.LEADER;
import static org.investflow.negotiation.negotiation.NegotiationDepthTest.NOW;
import static org.investflow.negotiation.negotiation.NegotiationDepthTest.OFFICER;
import static org.investflow.negotiation.negotiation.NegotiationDepthTest.POLICY;
import static org.investflow.negotiation.negotiation.NegotiationDepthTest.TODAY;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.investflow.negotiation.events.AgreementReached;
import org.investflow.negotiation.events.NegotiationFailed;
import org.investflow.negotiation.events.NegotiationReopened;
import org.investflow.negotiation.events.Terms;
import org.investflow.negotiation.events.TermsProposed;
import org.investflow.platform.domain.IllegalTransitionException;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.platform.events.Actor;
import org.investflow.signing.events.ContractDeclined;
import org.investflow.signing.events.ContractExpired;
import org.investflow.signing.events.ContractVoided;
import org.junit.jupiter.api.Test;

/** A contract that falls through reopens the agreement it was drafted from; the next agreement supersedes it. */
class ReopeningTest {

    static final Instant LATER = NOW.plus(Duration.ofDays(3));

    static Negotiation agreed() {
        Negotiation negotiation = NegotiationDepthTest.opened();
        negotiation.propose(NegotiationDepthTest.basic(), null, OFFICER, POLICY, TODAY, NOW);
        negotiation.accept(1, INVESTOR, POLICY, "agreement-1", NOW);
        return negotiation;
    }

    static ContractOutcome declined(Negotiation negotiation, String envelopeId) {
        return declined(negotiation.agreement().fingerprint().hex(), envelopeId);
    }

    static ContractOutcome declined(String fingerprint, String envelopeId) {
        return new ContractOutcome("CQ-2026-000123", envelopeId, fingerprint, NegotiationReopened.DECLINED, "lease start");
    }

    static Negotiation reopened() {
        Negotiation negotiation = agreed();
        negotiation.reopen(declined(negotiation, "envelope-1"), "signing-event-1", LATER);
        return negotiation;
    }

    @Test
    void aDeclinedContractOfTheAgreementReopensItWithTheAgreedVersionOnTheTable() {
        Negotiation negotiation = agreed();
        String fingerprint = negotiation.agreement().fingerprint().hex();

        assertThat(negotiation.reopen(declined(negotiation, "envelope-1"), "signing-event-1", LATER)).singleElement()
                .isInstanceOfSatisfying(NegotiationReopened.class, event -> {
                    assertThat(event.reopenedFromFingerprint()).isEqualTo(fingerprint);
                    assertThat(event.version()).isEqualTo(1);
                    assertThat(event.cause()).isEqualTo("DECLINED");
                    assertThat(event.reason()).isEqualTo("lease start");
                    assertThat(event.envelopeId()).isEqualTo("envelope-1");
                    assertThat(event.officerId()).isEqualTo("officer-li");
                    assertThat(event.actor()).isEqualTo(Actor.SYSTEM);
                });
        assertThat(negotiation.status()).isEqualTo(NegotiationStatus.REOPENED);
        assertThat(negotiation.agreement()).isNull();
        assertThat(negotiation.reopenings()).singleElement().satisfies(reopening -> {
            assertThat(reopening.agreement().fingerprint().hex()).isEqualTo(fingerprint);
            assertThat(reopening.agreement().agreementId()).isEqualTo("agreement-1");
        });
        assertThat(negotiation.hasHandled("signing-event-1")).isTrue();
        assertThat(negotiation.lastActivityAt()).isEqualTo(LATER);
    }

    @Test
    void bothPartiesAcceptTheAgreedVersionAgainAndTheNewAgreementSupersedesTheOld() {
        Negotiation negotiation = reopened();
        String old = negotiation.reopenings().get(0).agreement().fingerprint().hex();

        assertThat(negotiation.accept(1, INVESTOR, POLICY, "agreement-2", LATER)).isEmpty();
        assertThat(negotiation.status()).isEqualTo(NegotiationStatus.REOPENED);
        assertThat(negotiation.acceptedAgainBy()).containsExactly(Side.INVESTOR);
        assertThatThrownBy(() -> negotiation.accept(1, INVESTOR, POLICY, "agreement-2", LATER))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("already accepted");

        assertThat(negotiation.accept(1, OFFICER, POLICY, "agreement-2", LATER)).singleElement()
                .isInstanceOfSatisfying(AgreementReached.class, event -> {
                    assertThat(event.supersedesFingerprint()).isEqualTo(old);
                    assertThat(event.termsFingerprint()).isEqualTo(old);
                    assertThat(event.agreementId()).isEqualTo("agreement-2");
                });
        assertThat(negotiation.status()).isEqualTo(NegotiationStatus.AGREED);
        assertThat(negotiation.agreement().supersedes()).isEqualTo(old);
        assertThat(negotiation.acceptedAgainBy()).isEmpty();
        assertThat(negotiation.reopenings()).hasSize(1);
    }

    @Test
    void aCounterOfferAfterTheReopeningIsAnOrdinaryVersionTheOtherPartyAloneAccepts() {
        Negotiation negotiation = reopened();
        negotiation.accept(1, OFFICER, POLICY, "unused", LATER);
        Terms lower = new Terms(new BigDecimal("110000000.00"), "EUR", 350, NegotiationDepthTest.LANDING);

        assertThat(negotiation.propose(lower, 1, INVESTOR, POLICY, TODAY, LATER)).singleElement().isInstanceOf(TermsProposed.class);
        assertThat(negotiation.status()).isEqualTo(NegotiationStatus.OPEN);
        assertThat(negotiation.acceptedAgainBy()).isEmpty();
        assertThatThrownBy(() -> negotiation.accept(1, OFFICER, POLICY, "a", LATER)).isInstanceOf(RuleViolationException.class);

        assertThat(negotiation.accept(2, OFFICER, POLICY, "agreement-2", LATER)).singleElement()
                .isInstanceOfSatisfying(AgreementReached.class, event -> assertThat(event.supersedesFingerprint())
                        .isEqualTo(negotiation.reopenings().get(0).agreement().fingerprint().hex())
                        .isNotEqualTo(event.termsFingerprint()));
    }

    @Test
    void anOutcomeOfAnEnvelopeThatAlreadyReopenedTheNegotiationChangesNothing() {
        Negotiation negotiation = reopened();
        String old = negotiation.reopenings().get(0).agreement().fingerprint().hex();
        ContractOutcome expiredToo = new ContractOutcome("CQ-2026-000123", "envelope-1", old, NegotiationReopened.EXPIRED, "late");

        assertThat(negotiation.reopen(declined(old, "envelope-1"), "signing-event-2", LATER)).isEmpty();
        assertThat(negotiation.reopen(expiredToo, "signing-event-3", LATER)).isEmpty();

        negotiation.accept(1, INVESTOR, POLICY, "agreement-2", LATER);
        negotiation.accept(1, OFFICER, POLICY, "agreement-2", LATER);
        assertThat(negotiation.reopen(declined(old, "envelope-1"), "signing-event-4", LATER))
                .as("the same terms agreed again are a new agreement; the old envelope's late news is not about it").isEmpty();
        assertThat(negotiation.status()).isEqualTo(NegotiationStatus.AGREED);
        assertThat(negotiation.reopen(declined(old, "envelope-2"), "signing-event-5", LATER)).singleElement()
                .isInstanceOf(NegotiationReopened.class);
        assertThat(negotiation.reopenings()).hasSize(2);
    }

    @Test
    void anOutcomeAboutAnEarlierAgreementIsIgnoredAndOneAboutTermsNeverAgreedIsRefused() {
        Negotiation negotiation = reopened();
        String old = negotiation.reopenings().get(0).agreement().fingerprint().hex();
        negotiation.propose(new Terms(new BigDecimal("110000000.00"), "EUR", 350, NegotiationDepthTest.LANDING), 1, INVESTOR,
                POLICY, TODAY, LATER);
        negotiation.accept(2, OFFICER, POLICY, "agreement-2", LATER);

        assertThat(negotiation.reopen(declined(old, "envelope-9"), "signing-event-2", LATER)).isEmpty();
        assertThat(negotiation.status()).isEqualTo(NegotiationStatus.AGREED);
        assertThatThrownBy(() -> negotiation.reopen(declined("0".repeat(64), "envelope-9"), "signing-event-3", LATER))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("never agreed");
        assertThatThrownBy(() -> NegotiationDepthTest.opened().reopen(declined(old, "envelope-9"), "signing-event-3", LATER))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aReopenedNegotiationCanBeWithdrawnOrFailForInactivityButAnAgreedOneCannotBeChanged() {
        Negotiation idle = reopened();
        assertThat(idle.expireIfInactive(Duration.ofDays(30), LATER.plus(Duration.ofDays(30)))).isEmpty();
        assertThat(idle.expireIfInactive(Duration.ofDays(30), LATER.plus(Duration.ofDays(30)).plusSeconds(1)))
                .singleElement().isInstanceOf(NegotiationFailed.class);

        Negotiation withdrawn = reopened();
        assertThat(withdrawn.withdraw(INVESTOR, "changed plans", LATER)).singleElement().isInstanceOf(NegotiationFailed.class);
        assertThat(withdrawn.reopen(declined(withdrawn.reopenings().get(0).agreement().fingerprint().hex(), "envelope-1"),
                "e", LATER)).isEmpty();

        Negotiation agreed = agreed();
        assertThatThrownBy(() -> agreed.propose(NegotiationDepthTest.basic(), 1, OFFICER, POLICY, TODAY, LATER))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> agreed.withdraw(INVESTOR, "no", LATER)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aVersionWaitingForApprovalKeepsTheAgreedVersionOnTheTableUntilItIsApproved() {
        Negotiation negotiation = reopened();
        negotiation.propose(NegotiationDepthTest.withIncentive("RENT_FREE", "5"), 1, OFFICER, POLICY, TODAY, LATER);
        assertThat(negotiation.status()).isEqualTo(NegotiationStatus.REOPENED);
        negotiation.approve(2, LEADER, "within the land policy", LATER);
        assertThat(negotiation.status()).isEqualTo(NegotiationStatus.OPEN);
        assertThat(negotiation.accept(2, INVESTOR, POLICY, "agreement-2", LATER)).singleElement().isInstanceOf(AgreementReached.class);
    }

    @Test
    void onlyADeclinedExpiredOrVoidedContractIsAnOutcomeAndAVoidForSupersedingIsNone() {
        String fingerprint = "b".repeat(64);
        Actor system = Actor.SYSTEM;
        assertThat(ContractOutcome.of(new ContractDeclined("CQ-2026-000123", "i", "e", fingerprint, "INVESTOR_SIGNATORY",
                "no", NOW, system))).get().extracting(ContractOutcome::cause).isEqualTo("DECLINED");
        assertThat(ContractOutcome.of(new ContractExpired("CQ-2026-000123", "i", "e", fingerprint, "COMMISSION_REPRESENTATIVE",
                NOW, NOW, system))).get().extracting(ContractOutcome::reason).asString().contains("COMMISSION_REPRESENTATIVE");
        assertThat(ContractOutcome.of(new ContractVoided("CQ-2026-000123", "i", "e", fingerprint, "wrong district", null,
                NOW, system))).get().extracting(ContractOutcome::cause).isEqualTo("VOIDED");
        assertThat(ContractOutcome.of(new ContractVoided("CQ-2026-000123", "i", "e", fingerprint, ContractVoided.SUPERSEDED,
                "c".repeat(64), NOW, system))).isEmpty();
    }
}
