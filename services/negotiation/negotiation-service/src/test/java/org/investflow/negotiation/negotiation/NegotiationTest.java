package org.investflow.negotiation.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.investflow.negotiation.events.AgreementReached;
import org.investflow.negotiation.events.NegotiationEvent;
import org.investflow.negotiation.events.NegotiationOpened;
import org.investflow.negotiation.events.Terms;
import org.investflow.negotiation.events.TermsProposed;
import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.domain.IllegalTransitionException;
import org.investflow.platform.domain.NotFoundException;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NegotiationTest {

    static final Instant NOW = Instant.parse("2026-03-10T02:30:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-03-10");
    static final Actor OFFICER = new Actor("officer-li", Role.OFFICER);
    static final Actor INVESTOR = new Actor("investor-de-1", Role.INVESTOR);
    static final String AGREEMENT_ID = "5f0c7a2e-8d41-4b7e-9c3a-2b6f1e9d4a10";
    static final Set<String> LEGAL = Set.of("OPEN>OPEN", "OPEN>AGREED", "OPEN>FAILED", "AGREED>REOPENED",
            "REOPENED>REOPENED", "REOPENED>OPEN", "REOPENED>AGREED", "REOPENED>FAILED");
    static final ApprovalPolicy POLICY = new ApprovalPolicy(new BigDecimal("0.05"), java.util.Map.of("EUR", new BigDecimal("6500000")),
            new BigDecimal("3"), new BigDecimal("15"));

    static Terms terms(String amount) {
        return new Terms(new BigDecimal(amount), "EUR", 350, LocalDate.parse("2027-12-31"));
    }

    static Negotiation opened() {
        AcceptedIntention intention = new AcceptedIntention("CQ-2026-000123", "investor-de-1", "officer-li", "Acme GmbH");
        return Negotiation.open(intention, "event-1", NOW).negotiation();
    }

    static Negotiation agreed() {
        Negotiation negotiation = opened();
        negotiation.propose(terms("1000.00"), null, OFFICER, POLICY, TODAY, NOW);
        negotiation.accept(1, INVESTOR, POLICY, AGREEMENT_ID, NOW);
        return negotiation;
    }

    static List<NegotiationEvent> agreedEvents() {
        Negotiation negotiation = opened();
        negotiation.propose(terms("1000.00"), null, OFFICER, POLICY, TODAY, NOW);
        return negotiation.accept(1, INVESTOR, POLICY, AGREEMENT_ID, NOW);
    }

    static Stream<Arguments> everyPair() {
        return Stream.of(NegotiationStatus.values())
                .flatMap(from -> Stream.of(NegotiationStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void onlyTheDrawnTransitionsAreAllowed(NegotiationStatus from, NegotiationStatus to) {
        assertThat(from.canTransitionTo(to)).isEqualTo(LEGAL.contains(from + ">" + to));
    }

    @Test
    void openingRaisesNegotiationOpenedAndRemembersTheCausingEvent() {
        AcceptedIntention intention = new AcceptedIntention("CQ-2026-000123", "investor-de-1", "officer-li", "Acme GmbH");
        Negotiation.Opening opening = Negotiation.open(intention, "event-1", NOW);
        assertThat(opening.negotiation().status()).isEqualTo(NegotiationStatus.OPEN);
        assertThat(opening.negotiation().hasHandled("event-1")).isTrue();
        assertThat(opening.events()).singleElement().isInstanceOfSatisfying(NegotiationOpened.class, event -> {
            assertThat(event.officerId()).isEqualTo("officer-li");
            assertThat(event.actor()).isEqualTo(Actor.SYSTEM);
        });
    }

    @Test
    void theAgreementNamesTheCompanysRegistrationAsIntakeAcceptedItAndLeavesItOutOfTheFingerprint() {
        Negotiation negotiation = Negotiation.open(new AcceptedIntention("CQ-2026-000123", "investor-de-1", "officer-li", "Acme GmbH",
                "HRB 123456", "DE"), "event-1", NOW).negotiation();
        negotiation.propose(terms("1000.00"), null, OFFICER, POLICY, TODAY, NOW);
        assertThat(negotiation.accept(1, INVESTOR, POLICY, AGREEMENT_ID, NOW)).singleElement()
                .isInstanceOfSatisfying(AgreementReached.class, event -> {
                    assertThat(event.registrationNumber()).isEqualTo("HRB 123456");
                    assertThat(event.country()).isEqualTo("DE");
                    assertThat(event.termsFingerprint()).isEqualTo(TermsFingerprint.of(terms("1000.00")).hex());
                });
        assertThat(((AgreementReached) agreedEvents().get(0)).registrationNumber()).as("a case opened without it").isNull();
    }

    @Test
    void anAcceptedIntentionWithoutCompanyNameCannotOpenANegotiation() {
        assertThatThrownBy(() -> new AcceptedIntention("CQ-2026-000123", "investor-de-1", "officer-li", " "))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("companyName");
    }

    @Test
    void everyProposalIsTheNextVersionAndKeepsTheNegotiationOpen() {
        Negotiation negotiation = opened();
        negotiation.propose(terms("1000.00"), null, OFFICER, POLICY, TODAY, NOW);
        assertThat(negotiation.propose(terms("2000.00"), null, OFFICER, POLICY, TODAY, NOW)).singleElement()
                .isInstanceOfSatisfying(TermsProposed.class, event -> assertThat(event.version()).isEqualTo(2));
        assertThat(negotiation.status()).isEqualTo(NegotiationStatus.OPEN);
        assertThat(negotiation.termSheets()).extracting(TermSheet::version).containsExactly(1, 2);
        assertThat(negotiation.termSheets().get(0).terms()).isEqualTo(terms("1000.00"));
    }

    @Test
    void aLandingDeadlineInThePastIsRefused() {
        Terms late = new Terms(new BigDecimal("1000.00"), "EUR", 1, TODAY.minusDays(1));
        assertThatThrownBy(() -> opened().propose(late, null, OFFICER, POLICY, TODAY, NOW))
                .isInstanceOf(org.investflow.platform.domain.InvalidInputException.class);
        Terms today = new Terms(new BigDecimal("1000.00"), "EUR", 1, TODAY);
        assertThat(opened().propose(today, null, OFFICER, POLICY, TODAY, NOW)).hasSize(1);
    }

    @Test
    void acceptingTheLatestVersionFreezesItsTermsWithTheirFingerprint() {
        Negotiation negotiation = opened();
        negotiation.propose(terms("1000.00"), null, OFFICER, POLICY, TODAY, NOW);
        negotiation.propose(terms("1500.50"), null, OFFICER, POLICY, TODAY, NOW);
        assertThat(negotiation.accept(2, INVESTOR, POLICY, AGREEMENT_ID, NOW)).singleElement()
                .isInstanceOfSatisfying(AgreementReached.class, event -> {
                    assertThat(event.version()).isEqualTo(2);
                    assertThat(event.terms()).isEqualTo(terms("1500.50"));
                    assertThat(event.termsFingerprint()).isEqualTo(TermsFingerprint.of(terms("1500.50")).hex());
                    assertThat(event.companyName()).isEqualTo("Acme GmbH");
                });
        assertThat(negotiation.status()).isEqualTo(NegotiationStatus.AGREED);
        assertThat(negotiation.agreement().agreementId()).isEqualTo(AGREEMENT_ID);
    }

    @Test
    void acceptingASupersededVersionIsRefused() {
        Negotiation negotiation = opened();
        negotiation.propose(terms("1000.00"), null, OFFICER, POLICY, TODAY, NOW);
        negotiation.propose(terms("2000.00"), null, OFFICER, POLICY, TODAY, NOW);
        assertThatThrownBy(() -> negotiation.accept(1, INVESTOR, POLICY, AGREEMENT_ID, NOW))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("superseded by version 2");
        assertThat(negotiation.status()).isEqualTo(NegotiationStatus.OPEN);
    }

    @Test
    void acceptingAVersionNeverProposedIsNotFound() {
        assertThatThrownBy(() -> opened().accept(1, INVESTOR, POLICY, AGREEMENT_ID, NOW)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void proposingOnAnAgreedNegotiationIsRefusedNamingTheState() {
        Negotiation negotiation = agreed();
        assertThatThrownBy(() -> negotiation.propose(terms("9.99"), null, OFFICER, POLICY, TODAY, NOW))
                .isInstanceOfSatisfying(IllegalTransitionException.class,
                        e -> assertThat(e.currentState()).isEqualTo("AGREED"))
                .hasMessageContaining("propose terms");
        assertThat(negotiation.termSheets()).hasSize(1);
    }

    @Test
    void acceptingAgainIsRefusedNamingTheState() {
        Negotiation negotiation = agreed();
        assertThatThrownBy(() -> negotiation.accept(1, INVESTOR, POLICY, "another", NOW))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("AGREED");
        assertThat(negotiation.agreement().agreementId()).isEqualTo(AGREEMENT_ID);
    }

    @Test
    void anOfficerTheCaseIsNotAssignedToMayNotProposeTerms() {
        Negotiation negotiation = opened();
        assertThatThrownBy(() -> negotiation.propose(terms("1000.00"), null, new Actor("officer-zhao", Role.OFFICER), POLICY, TODAY, NOW))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("another case officer");
        assertThat(negotiation.termSheets()).isEmpty();
    }

    @Test
    void anotherOfficerIsRefusedAsSuchEvenOnceAgreed() {
        assertThatThrownBy(() -> agreed().propose(terms("9.99"), null, new Actor("officer-zhao", Role.OFFICER), POLICY, TODAY, NOW))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void anotherInvestorsAcceptanceIsAnsweredAsIfTheCaseDidNotExist() {
        Negotiation negotiation = opened();
        negotiation.propose(terms("1000.00"), null, OFFICER, POLICY, TODAY, NOW);
        assertThatThrownBy(() -> negotiation.accept(1, new Actor("investor-other", Role.INVESTOR), POLICY, AGREEMENT_ID, NOW))
                .isInstanceOf(NotFoundException.class).hasMessage("negotiation CQ-2026-000123 was not found");
        assertThat(negotiation.status()).isEqualTo(NegotiationStatus.OPEN);
    }
}
