package org.investflow.intake.intention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

import org.investflow.intake.events.IntentionAccepted;
import org.investflow.intake.events.IntentionRejected;
import org.investflow.intake.events.IntentionSubmitted;
import org.investflow.platform.domain.IllegalTransitionException;
import org.investflow.platform.events.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntentionTest {

    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    static final Actor INVESTOR = new Actor("investor-de-1", "INVESTOR");
    static final Actor OFFICER = new Actor("officer-li", "OFFICER");
    static final Set<String> LEGAL = Set.of("SUBMITTED>ACCEPTED", "SUBMITTED>REJECTED");

    static Intention submitted() {
        IntentionDetails details = new IntentionDetails("Acme GmbH", "DE", "C29", new BigDecimal("1000000.00"), "EUR",
                50, "Liangjiang New Area", "plant");
        return Intention.submit("CQ-2026-000001", INVESTOR, "key-00000001", details, NOW).intention();
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
    void submittingRaisesIntentionSubmittedOwnedByTheInvestor() {
        IntentionDetails details = new IntentionDetails("Acme GmbH", "DE", "C29", new BigDecimal("5.00"), "EUR", 0, "Yuzhong", "");
        Intention.Submission submission = Intention.submit("CQ-2026-000002", INVESTOR, "key-00000002", details, NOW);
        assertThat(submission.intention().status()).isEqualTo(IntentionStatus.SUBMITTED);
        assertThat(submission.events()).singleElement().isInstanceOfSatisfying(IntentionSubmitted.class, event -> {
            assertThat(event.investorId()).isEqualTo("investor-de-1");
            assertThat(event.plannedAmount()).isEqualByComparingTo("5.00");
        });
    }

    @Test
    void acceptingASubmittedIntentionRaisesIntentionAccepted() {
        Intention intention = submitted();
        assertThat(intention.accept(OFFICER, NOW)).singleElement().isInstanceOf(IntentionAccepted.class);
        assertThat(intention.status()).isEqualTo(IntentionStatus.ACCEPTED);
        assertThat(intention.decidedBy()).isEqualTo("officer-li");
    }

    @Test
    void rejectingKeepsTheReason() {
        Intention intention = submitted();
        assertThat(intention.reject(OFFICER, "prohibited industry", NOW)).singleElement().isInstanceOf(IntentionRejected.class);
        assertThat(intention.rejectionReason()).isEqualTo("prohibited industry");
    }

    @Test
    void acceptingARejectedIntentionIsRefusedNamingTheState() {
        Intention intention = submitted();
        intention.reject(OFFICER, "incomplete", NOW);
        assertThatThrownBy(() -> intention.accept(OFFICER, NOW))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("REJECTED");
    }

    @Test
    void aNegativeAmountIsNotAnIntention() {
        assertThatThrownBy(() -> new IntentionDetails("Acme", "DE", "C29", new BigDecimal("-1"), "EUR", 0, "Yuzhong", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
