package org.investflow.intake.intention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.investflow.intake.events.IntakeEvent;
import org.investflow.intake.events.IntentionAccepted;
import org.investflow.intake.events.IntentionInformationRequested;
import org.investflow.intake.events.IntentionReassigned;
import org.investflow.intake.events.IntentionRejected;
import org.investflow.intake.events.IntentionScreened;
import org.investflow.intake.events.IntentionSubmitted;
import org.investflow.intake.events.IntentionUpdated;
import org.investflow.intake.events.IntentionWithdrawn;
import org.investflow.intake.screening.ScreeningResult;
import org.investflow.intake.screening.ScreeningResult.Flag;
import org.investflow.intake.screening.ScreeningResult.Outcome;
import org.investflow.intake.screening.ScreeningResult.Reason;
import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.domain.IllegalTransitionException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntentionTest {

    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    static final Actor INVESTOR = new Actor("investor-de-1", Role.INVESTOR);
    static final Actor OFFICER = new Actor("officer-li", Role.OFFICER);
    static final Actor OTHER_OFFICER = new Actor("officer-wang", Role.OFFICER);
    static final Actor LEADER = new Actor("leader-chen", Role.LEADER);
    static final Set<String> LEGAL = Set.of("DRAFT>IN_REVIEW", "DRAFT>WITHDRAWN", "IN_REVIEW>INFORMATION_REQUESTED", "IN_REVIEW>ACCEPTED", "IN_REVIEW>REJECTED",
            "IN_REVIEW>WITHDRAWN", "INFORMATION_REQUESTED>IN_REVIEW", "INFORMATION_REQUESTED>REJECTED",
            "INFORMATION_REQUESTED>WITHDRAWN");

    static IntentionDetails details() {
        return new IntentionDetails("Acme GmbH", "DE", "HRB 1", "https://acme.example", "Anna", "anna@acme.example",
                "+4930123456", "C29", InvestmentType.GREENFIELD, new BigDecimal("1000000.00"), "EUR", 50,
                "Liangjiang New Area", LocalDate.parse("2026-09-01"), "plant");
    }

    static ScreeningResult cleared() {
        return new ScreeningResult(Outcome.CLEARED, Set.of(), List.of(), null, new BigDecimal("7750000.00"), "CNY");
    }

    static ScreeningResult prohibited() {
        return new ScreeningResult(Outcome.PROHIBITED, Set.of(), List.of(new Reason("negative-list-2024#16",
                "Prohibited for foreign investment: gambling")), null, new BigDecimal("7750000.00"), "CNY");
    }

    static Intention inReview() {
        return Intention.submit("CQ-2026-000001", INVESTOR, "key-00000001", details(), cleared(), "officer-li", NOW).intention();
    }

    static Stream<Arguments> everyPair() {
        return Stream.of(IntentionStatus.values())
                .flatMap(from -> Stream.of(IntentionStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void onlyTheDrawnTransitionsAreAllowed(IntentionStatus from, IntentionStatus to) {
        assertThat(from.canTransitionTo(to)).isEqualTo(LEGAL.contains(from + ">" + to));
    }

    @Test
    void submittingScreensAndRoutesTheIntention() {
        Intention.Submission submission = Intention.submit("CQ-2026-000002", INVESTOR, "key-00000002", details(),
                cleared(), "officer-li", NOW);
        assertThat(submission.intention().status()).isEqualTo(IntentionStatus.IN_REVIEW);
        assertThat(submission.intention().assignedOfficerId()).isEqualTo("officer-li");
        assertThat(submission.events()).extracting(event -> (Class) event.getClass())
                .containsExactly(IntentionSubmitted.class, IntentionScreened.class);
        assertThat(((IntentionScreened) submission.events().get(1)).assignedOfficerId()).isEqualTo("officer-li");
    }

    @Test
    void aProhibitedIndustryIsRejectedAtOnceCitingTheRule() {
        Intention.Submission submission = Intention.submit("CQ-2026-000003", INVESTOR, "key-00000003", details(),
                prohibited(), "officer-li", NOW);
        assertThat(submission.intention().status()).isEqualTo(IntentionStatus.REJECTED);
        assertThat(submission.intention().decision().reason()).isEqualTo(RejectionReason.NEGATIVE_LIST);
        IntentionRejected rejected = (IntentionRejected) submission.events().get(2);
        assertThat(rejected.reasonCode()).isEqualTo("NEGATIVE_LIST");
        assertThat(rejected.reason()).contains("gambling");
        assertThat(rejected.actor()).isEqualTo(Actor.SYSTEM);
    }

    @Test
    void theAssignedOfficerAccepts() {
        Intention intention = inReview();
        assertThat(intention.accept(OFFICER, NOW)).singleElement().isInstanceOfSatisfying(IntentionAccepted.class, accepted -> {
            assertThat(accepted.companyName()).isEqualTo("Acme GmbH");
            assertThat(accepted.registrationNumber()).as("for the contract's parties").isEqualTo("HRB 1");
            assertThat(accepted.country()).isEqualTo("DE");
        });
        assertThat(intention.status()).isEqualTo(IntentionStatus.ACCEPTED);
    }

    @Test
    void anotherOfficerMayNotDecide() {
        Intention intention = inReview();
        assertThatThrownBy(() -> intention.accept(OTHER_OFFICER, NOW)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> intention.reject(OTHER_OFFICER, RejectionReason.OTHER, "no", NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThat(intention.status()).isEqualTo(IntentionStatus.IN_REVIEW);
    }

    @Test
    void anUnroutedCaseIsRefusedToEveryOfficerUntilALeaderAssignsIt() {
        Intention intention = Intention.submit("CQ-2026-000004", INVESTOR, "key-00000004", details(), cleared(), null, NOW)
                .intention();
        assertThatThrownBy(() -> intention.accept(OTHER_OFFICER, NOW)).isInstanceOf(ForbiddenException.class);
        assertThat(intention.assignedOfficerId()).isNull();

        intention.reassign(new Actor("leader-chen", Role.LEADER), "officer-wang", NOW);
        intention.accept(OTHER_OFFICER, NOW);
        assertThat(intention.status()).isEqualTo(IntentionStatus.ACCEPTED);
    }

    @Test
    void requestedInformationIsAnsweredByAnUpdateThatIsScreenedAgain() {
        Intention intention = inReview();
        assertThat(intention.requestInformation(OFFICER, "add the licence", NOW)).singleElement()
                .isInstanceOf(IntentionInformationRequested.class);
        assertThat(intention.status()).isEqualTo(IntentionStatus.INFORMATION_REQUESTED);
        List<IntakeEvent> events = intention.update(INVESTOR, details(), cleared(), NOW);
        assertThat(events).extracting(event -> (Class) event.getClass())
                .containsExactly(IntentionUpdated.class, IntentionScreened.class);
        assertThat(intention.status()).isEqualTo(IntentionStatus.IN_REVIEW);
        assertThat(intention.informationRequest()).isNull();
    }

    @Test
    void anUpdateWithoutARequestIsRefusedNamingTheState() {
        Intention intention = inReview();
        assertThatThrownBy(() -> intention.update(INVESTOR, details(), cleared(), NOW))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("IN_REVIEW");
    }

    @Test
    void rejectionKeepsTheCodeAndText() {
        Intention intention = inReview();
        IntentionRejected rejected = (IntentionRejected) intention.reject(OFFICER, RejectionReason.OUT_OF_SCOPE, "retail", NOW).get(0);
        assertThat(rejected.reasonCode()).isEqualTo("OUT_OF_SCOPE");
        assertThat(intention.decision().reasonText()).isEqualTo("retail");
    }

    @Test
    void theInvestorWithdrawsAnOpenIntentionButNotADecidedOne() {
        Intention open = inReview();
        assertThat(open.withdraw(INVESTOR, "postponed", NOW)).singleElement().isInstanceOf(IntentionWithdrawn.class);
        Intention accepted = inReview();
        accepted.accept(OFFICER, NOW);
        assertThatThrownBy(() -> accepted.withdraw(INVESTOR, "late", NOW))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("ACCEPTED");
    }

    @Test
    void aLeaderReassignsAnOpenCase() {
        Intention intention = inReview();
        IntentionReassigned reassigned = (IntentionReassigned) intention.reassign(LEADER, "officer-wang", NOW).get(0);
        assertThat(reassigned.fromOfficerId()).isEqualTo("officer-li");
        assertThat(intention.assignedOfficerId()).isEqualTo("officer-wang");
        assertThatThrownBy(() -> intention.accept(OFFICER, NOW)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aDraftIsSubmittedOnceCompleteAndDiscardedWithoutTellingAnyone() {
        IntentionDraft partial = new IntentionDraft("Acme GmbH", "DE", null, null, null, null, null, "C29", null, null,
                "EUR", null, null, null, null);
        Intention draft = Intention.draft("CQ-2026-000009", INVESTOR, "key-00000009", partial);
        assertThat(draft.status()).isEqualTo(IntentionStatus.DRAFT);
        org.assertj.core.api.Assertions.assertThatThrownBy(partial::complete)
                .isInstanceOfSatisfying(org.investflow.platform.domain.InvalidInputException.class, e ->
                        assertThat(e.fieldErrors()).containsKeys("registrationNumber", "plannedAmount", "district")
                                .doesNotContainKeys("companyName", "currency"));
        assertThat(draft.submitDraft(INVESTOR, details(), cleared(), "officer-li", NOW))
                .extracting(event -> (Class) event.getClass()).containsExactly(IntentionSubmitted.class, IntentionScreened.class);
        assertThat(draft.draft()).isNull();
        Intention discarded = Intention.draft("CQ-2026-000010", INVESTOR, "key-00000010", partial);
        assertThat(discarded.withdraw(INVESTOR, "", NOW)).isEmpty();
        assertThat(discarded.status()).isEqualTo(IntentionStatus.WITHDRAWN);
    }

    @Test
    void aFlagIsRaisedOnce() {
        Intention intention = inReview();
        assertThat(intention.raise(Flag.OVERDUE)).isTrue();
        assertThat(intention.raise(Flag.OVERDUE)).isFalse();
        assertThat(intention.flags()).containsExactly("OVERDUE");
    }

    @Test
    void aNegativeAmountIsNotAnIntention() {
        assertThatThrownBy(() -> new IntentionDetails("Acme", "DE", "HRB 1", null, "A", "a@b.c", "+4930123456", "C29",
                InvestmentType.GREENFIELD, new BigDecimal("-1"), "EUR", 0, "Yuzhong District", null, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Optional.of(details().division())).contains("29");
    }
}
