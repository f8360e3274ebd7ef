package org.investflow.signing.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.investflow.signing.envelope.Agreements.agreement;

import java.time.Duration;
import java.time.Instant;

import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.domain.IllegalTransitionException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.Role;
import org.investflow.signing.audit.Origin;
import org.investflow.signing.events.ContractDeclined;
import org.investflow.signing.events.ContractExpired;
import org.investflow.signing.events.ContractVoided;
import org.investflow.signing.events.SignerViewed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decline, void, supersede, expiry, reminders and one-time links with codes, on the aggregate alone. */
class EnvelopeWorkflowTest {

    static final Instant NOW = Instant.parse("2026-04-10T09:00:00Z");
    static final Actor INVESTOR = new Actor(Agreements.INVESTOR, Role.INVESTOR);
    static final Actor OFFICER = new Actor("officer-li", Role.OFFICER);
    static final Origin WEB = new Origin("203.0.113.7", "Firefox");

    final TestDesk desk = new TestDesk();

    Envelope sent() {
        return Envelope.send("6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b", agreement(), "d".repeat(64), NOW, desk).envelope();
    }

    @Test
    void sendingStartsTheFirstSignersTurnWithADeadlineAndMailsThemAOneTimeLink() {
        Envelope envelope = sent();
        Signer investor = envelope.signers().get(0);
        assertThat(investor.turnStartedAt()).isEqualTo(NOW);
        assertThat(investor.deadline()).isEqualTo(NOW.plus(Duration.ofDays(14)));
        assertThat(envelope.signers().get(1).turnStartedAt()).isNull();
        assertThat(envelope.mails()).singleElement().satisfies(mail -> {
            assertThat(mail.kind()).isEqualTo(OutgoingMail.Kind.INVITATION);
            assertThat(mail.to()).isEqualTo(Agreements.INVESTOR + "@example.org");
            assertThat(mail.text()).contains("https://portal.example.org/sign#token=token-1");
        });
        assertThat(envelope.links()).singleElement().satisfies(link -> {
            assertThat(link.tokenHash()).isEqualTo(SigningLink.sha256("token-1")).doesNotContain("token-1");
            assertThat(link.expiresAt()).isEqualTo(investor.deadline());
        });
    }

    @Test
    void theSignerInTurnDeclinesWithAReason() {
        Envelope envelope = sent();
        assertThat(envelope.decline(INVESTOR, "The land plot differs", NOW, WEB)).singleElement()
                .isInstanceOfSatisfying(ContractDeclined.class, declined -> {
                    assertThat(declined.signerRole()).isEqualTo("INVESTOR_SIGNATORY");
                    assertThat(declined.reason()).isEqualTo("The land plot differs");
                    assertThat(declined.termsFingerprint()).isEqualTo(Agreements.FINGERPRINT);
                });
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.DECLINED);
        assertThat(envelope.auditTrail()).last().extracting(entry -> entry.action().name()).isEqualTo("DECLINED");
        assertThatThrownBy(() -> envelope.sign(INVESTOR, "Hans", NOW, WEB, desk)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void theCommissionCannotDeclineOutOfTurn() {
        Envelope envelope = sent();
        assertThatThrownBy(() -> envelope.decline(OFFICER, "no", NOW, WEB)).isInstanceOf(IllegalTransitionException.class);
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.SENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"officer-zhang/OFFICER", Agreements.INVESTOR + "/INVESTOR", "officer-li/INVESTOR"})
    void anotherOfficerOrTheInvestorMayNotVoid(String who) {
        String[] idAndRole = who.split("/");
        Envelope envelope = sent();
        assertThatThrownBy(() -> envelope.voidBy(new Actor(idAndRole[0], Role.valueOf(idAndRole[1])), "x", NOW, WEB)).isInstanceOf(ForbiddenException.class);
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.SENT);
    }

    @Test
    void theAssignedOfficerOrALeaderVoids() {
        assertThat(sent().voidBy(new Actor("leader-chen", Role.LEADER), "Investor withdrew", NOW, WEB)).hasSize(1);
        Envelope envelope = sent();
        assertThat(envelope.voidBy(OFFICER, "Wrong district", NOW, WEB)).singleElement()
                .isInstanceOfSatisfying(ContractVoided.class, voided -> {
                    assertThat(voided.reason()).isEqualTo("Wrong district");
                    assertThat(voided.supersededByFingerprint()).isNull();
                });
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.VOIDED);
    }

    @Test
    void anExecutedEnvelopeCannotBeVoided() {
        Envelope envelope = sent();
        envelope.sign(INVESTOR, "Hans", NOW, WEB, desk);
        Envelopes.sign(envelope, OFFICER, "Li", NOW, WEB, desk);
        assertThatThrownBy(() -> envelope.voidBy(OFFICER, "late", NOW, WEB))
                .isInstanceOfSatisfying(IllegalTransitionException.class, refused -> assertThat(refused.currentState()).isEqualTo("EXECUTED"));
    }

    @Test
    void aNewerAgreementSupersedesTheOpenEnvelope() {
        Envelope envelope = sent();
        String newer = "e".repeat(64);
        assertThat(envelope.supersede(newer, NOW)).singleElement().isInstanceOfSatisfying(ContractVoided.class, voided -> {
            assertThat(voided.reason()).isEqualTo(ContractVoided.SUPERSEDED);
            assertThat(voided.supersededByFingerprint()).isEqualTo(newer);
            assertThat(voided.actor()).isEqualTo(Actor.SYSTEM);
        });
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.VOIDED);
    }

    @Test
    void remindersFollowTheCadenceThenTheDeadlineExpiresTheEnvelope() {
        Envelope envelope = sent();
        assertThat(envelope.watch(NOW.plus(Duration.ofDays(4)), desk)).isEmpty();
        assertThat(envelope.mails()).hasSize(1);
        envelope.watch(NOW.plus(Duration.ofDays(5)), desk);
        envelope.watch(NOW.plus(Duration.ofDays(6)), desk);
        envelope.watch(NOW.plus(Duration.ofDays(7)), desk);
        assertThat(envelope.mails()).extracting(mail -> mail.kind().name()).containsExactly("INVITATION", "REMINDER", "REMINDER");
        assertThat(envelope.signers().get(0).remindersSent()).isEqualTo(2);
        assertThat(envelope.watch(NOW.plus(Duration.ofDays(14)), desk)).singleElement()
                .isInstanceOfSatisfying(ContractExpired.class, expired -> {
                    assertThat(expired.signerRole()).isEqualTo("INVESTOR_SIGNATORY");
                    assertThat(expired.deadline()).isEqualTo(NOW.plus(Duration.ofDays(14)));
                });
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.EXPIRED);
        assertThat(envelope.watch(NOW.plus(Duration.ofDays(20)), desk)).isEmpty();
    }

    @Test
    void theSecondSignersDeadlineCountsFromWhenTheirTurnStarts() {
        Envelope envelope = sent();
        Instant signed = NOW.plus(Duration.ofDays(10));
        envelope.sign(INVESTOR, "Hans", signed, WEB, desk);
        assertThat(envelope.signers().get(1).deadline()).isEqualTo(signed.plus(Duration.ofDays(14)));
        assertThat(envelope.watch(NOW.plus(Duration.ofDays(15)), desk)).isEmpty();
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.PARTIALLY_SIGNED);
        assertThat(envelope.mails()).extracting(mail -> mail.kind().name(), OutgoingMail::to).containsExactly(
                org.assertj.core.api.Assertions.tuple("INVITATION", Agreements.INVESTOR + "@example.org"),
                org.assertj.core.api.Assertions.tuple("INVITATION", "officer-li@example.org"),
                org.assertj.core.api.Assertions.tuple("REMINDER", "officer-li@example.org"));
    }

    @Test
    void aLinkAsksForACodeAndTheRightCodeNamesItsSigner() {
        Envelope envelope = sent();
        desk.nextCodes("424242");
        envelope.linkSteps().sendCode(SigningLink.sha256("token-1"), NOW, desk);
        assertThat(envelope.mails()).last().satisfies(mail -> assertThat(mail.text()).contains("424242"));
        assertThat(envelope.links().get(0).codeHash()).doesNotContain("424242");
        assertThat(envelope.linkSteps().checkCode(SigningLink.sha256("token-1"), "424242", NOW, desk.policy())).contains(INVESTOR);
    }

    @Test
    void wrongCodesAreCountedAndTheLimitLocksTheLink() {
        Envelope envelope = sent();
        String link = SigningLink.sha256("token-1");
        envelope.linkSteps().sendCode(link, NOW, desk);
        for (int attempt = 0; attempt < desk.policy().codeAttempts(); attempt++) {
            assertThat(envelope.linkSteps().checkCode(link, "000000", NOW, desk.policy())).isEmpty();
        }
        assertThatThrownBy(() -> envelope.linkSteps().checkCode(link, "123456", NOW, desk.policy()))
                .isInstanceOf(InvalidLinkException.class)
                .hasMessage("invalid link");
    }

    @Test
    void anExpiredCodeIsWrong() {
        Envelope envelope = sent();
        String link = SigningLink.sha256("token-1");
        envelope.linkSteps().sendCode(link, NOW, desk);
        assertThat(envelope.linkSteps().checkCode(link, "123456", NOW.plus(Duration.ofMinutes(11)), desk.policy())).isEmpty();
    }

    @Test
    void unknownUsedExpiredAndOutOfTurnLinksAreAllJustInvalid() {
        Envelope envelope = sent();
        assertThatThrownBy(() -> envelope.linkSteps().sendCode(SigningLink.sha256("forged"), NOW, desk))
                .isInstanceOf(InvalidLinkException.class);
        assertThatThrownBy(() -> envelope.linkSteps().sendCode(SigningLink.sha256("token-1"), NOW.plus(Duration.ofDays(15)), desk))
                .isInstanceOf(InvalidLinkException.class);
        envelope.sign(INVESTOR, "Hans", NOW, WEB, desk);
        assertThatThrownBy(() -> envelope.linkSteps().sendCode(SigningLink.sha256("token-1"), NOW, desk))
                .isInstanceOf(InvalidLinkException.class);
        envelope.linkSteps().sendCode(SigningLink.sha256("token-2"), NOW, desk);
        envelope.voidBy(OFFICER, "stop", NOW, WEB);
        assertThatThrownBy(() -> envelope.linkSteps().sendCode(SigningLink.sha256("token-2"), NOW, desk))
                .isInstanceOf(InvalidLinkException.class);
    }

    @Test
    void aLinkViewsOnceAndRecordsTheSignersView() {
        Envelope envelope = sent();
        String link = SigningLink.sha256("token-1");
        assertThat(envelope.linkSteps().viewThroughLink(link, NOW, WEB, desk.policy())).singleElement()
                .isInstanceOfSatisfying(SignerViewed.class, viewed -> {
                    assertThat(viewed.signerRole()).isEqualTo("INVESTOR_SIGNATORY");
                    assertThat(viewed.signerOrder()).isEqualTo(1);
                    assertThat(viewed.occurredAt()).isEqualTo(NOW);
                    assertThat(viewed.actor()).isEqualTo(INVESTOR);
                    assertThat(viewed.documentHash()).isEqualTo("d".repeat(64));
                });
        assertThat(envelope.auditTrail()).last().satisfies(entry -> {
            assertThat(entry.action().name()).isEqualTo("VIEWED");
            assertThat(entry.actorId()).isEqualTo(Agreements.INVESTOR);
            assertThat(entry.clientAddress()).isEqualTo("203.0.113.7");
        });
        assertThatThrownBy(() -> envelope.linkSteps().viewThroughLink(link, NOW, WEB, desk.policy()))
                .isInstanceOf(InvalidLinkException.class);
    }

    @Test
    void aLinkAsksForOnlySoManyCodes() {
        Envelope envelope = sent();
        String link = SigningLink.sha256("token-1");
        for (int code = 0; code < desk.policy().codesPerLink(); code++) {
            envelope.linkSteps().sendCode(link, NOW, desk);
        }
        assertThatThrownBy(() -> envelope.linkSteps().sendCode(link, NOW, desk)).isInstanceOf(InvalidLinkException.class);
    }

    @Test
    void theWatchLooksNextAtTheFirstReminderThenAtTheDeadline() {
        Envelope envelope = sent();
        assertThat(envelope.nextWatchAt()).isEqualTo(NOW.plus(Duration.ofDays(5)));
        envelope.watch(NOW.plus(Duration.ofDays(13)), desk);
        assertThat(envelope.nextWatchAt()).isEqualTo(NOW.plus(Duration.ofDays(14)));
    }

    @Test
    void aClosedEnvelopeNeedsNoWatch() {
        Envelope envelope = sent();
        envelope.voidBy(OFFICER, "stop", NOW, WEB);
        assertThat(envelope.nextWatchAt()).isNull();
        assertThat(envelope.watch(NOW.plus(Duration.ofDays(30)), desk)).isEmpty();
        assertThat(envelope.mails()).isEmpty();
    }
}
