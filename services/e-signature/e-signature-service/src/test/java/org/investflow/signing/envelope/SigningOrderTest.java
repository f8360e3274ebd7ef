package org.investflow.signing.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;

import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.Role;
import org.junit.jupiter.api.Test;

/** The places of the default order apart from the envelope: the investor's signatory, then commission and district together. */
class SigningOrderTest {

    static final Instant NOW = Instant.parse("2026-04-10T09:00:00Z");
    static final SigningPolicy POLICY = SigningPolicy.standard();
    static final Actor INVESTOR = new Actor(Agreements.INVESTOR, Role.INVESTOR);
    static final Actor OFFICER = new Actor("officer-li", Role.OFFICER);

    static SigningOrder order() {
        return SigningOrder.of(Agreements.agreement(), new TestDesk().inOrder(TestDesk.DISTRICT_IN_PARALLEL));
    }

    static SigningOrder signedByInvestor() {
        SigningOrder order = order();
        order.startTurns(NOW, POLICY);
        order.replace(order.place(1).signed(Agreements.INVESTOR, "Hans", NOW));
        return order;
    }

    @Test
    void placesAreNumberedInSequenceAndGroupedAsConfigured() {
        assertThat(order().all()).extracting(Signer::order, Signer::group, Signer::role).containsExactly(
                tuple(1, 1, SignerRole.INVESTOR_SIGNATORY), tuple(2, 2, SignerRole.COMMISSION_REPRESENTATIVE),
                tuple(3, 2, SignerRole.DISTRICT_REPRESENTATIVE));
    }

    @Test
    void theFirstGroupIsInTurnAndTheSecondIsBlockedByIt() {
        SigningOrder order = order();
        assertThat(order.inTurn()).extracting(Signer::order).containsExactly(1);
        assertThat(order.blockingTurnOf(order.place(3))).contains("INVESTOR_SIGNATORY");
        assertThat(order.blockingTurnOf(order.place(1))).isEmpty();
    }

    @Test
    void startingTurnsStartsTheWholeGroupInTurnOnce() {
        SigningOrder order = signedByInvestor();
        assertThat(order.startTurns(NOW.plusSeconds(60), POLICY)).extracting(Signer::order).containsExactly(2, 3);
        assertThat(order.startTurns(NOW.plusSeconds(90), POLICY)).isEmpty();
        assertThat(order.place(2).deadline()).isEqualTo(NOW.plusSeconds(60).plus(POLICY.signingPeriod()));
    }

    @Test
    void theLastUnsignedPlaceIsTheLastToSign() {
        SigningOrder order = signedByInvestor();
        order.startTurns(NOW, POLICY);
        assertThat(order.isLastToSign(order.place(2))).isFalse();
        order.replace(order.place(3).signed("district@example.org", "周敏", NOW));
        assertThat(order.isLastToSign(order.place(2))).isTrue();
        order.replace(order.place(2).signed("officer-li", "Li", NOW));
        assertThat(order.inTurn()).isEmpty();
        assertThat(order.nextWatchAt()).isNull();
    }

    @Test
    void onlyThePlacesSignerMaySignItAndOnlyOnce() {
        SigningOrder order = signedByInvestor();
        assertThat(order.placeOf(OFFICER, "e-1").order()).isEqualTo(2);
        assertThatThrownBy(() -> order.placeOf(new Actor("officer-zhang", Role.OFFICER), "e-1")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> order.placeOf(INVESTOR, "e-1")).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void dueRemindersAreCountedForEveryPlaceInTurnAndTheDeadlineMakesOneOverdue() {
        SigningOrder order = signedByInvestor();
        order.startTurns(NOW, POLICY);
        assertThat(order.remindDue(NOW.plus(Duration.ofDays(5)), POLICY)).extracting(Signer::order).containsExactly(2, 3);
        assertThat(order.remindersSent()).isEqualTo(2);
        assertThat(order.nextWatchAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(order.overdue(NOW.plus(Duration.ofDays(13)))).isEmpty();
        assertThat(order.overdue(NOW.plus(Duration.ofDays(14)))).map(Signer::order).contains(2);
    }

    @Test
    void aViewerIsAPlacesSignerOnlyInTheCapacityTheySignIn() {
        SigningOrder order = order();
        assertThat(order.placeOfViewer(OFFICER)).map(Signer::order).contains(2);
        assertThat(order.placeOfViewer(new Actor("officer-wang", Role.OFFICER))).isEmpty();
    }
}
