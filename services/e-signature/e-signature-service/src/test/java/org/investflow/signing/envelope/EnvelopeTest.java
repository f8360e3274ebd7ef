package org.investflow.signing.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.investflow.signing.envelope.Agreements.agreement;
import static org.investflow.signing.envelope.Envelopes.DOCUMENT;
import static org.investflow.signing.envelope.Envelopes.NOW;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Stream;

import org.investflow.platform.domain.CaseId;
import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.domain.IllegalTransitionException;
import org.investflow.platform.domain.RuleViolationException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.Role;
import org.investflow.signing.audit.Origin;
import org.investflow.signing.events.ContractDrafted;
import org.investflow.signing.events.ContractExecuted;
import org.investflow.signing.events.EnvelopeSent;
import org.investflow.signing.events.SignatureRecorded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The signing state machine: given a status, a command, then the events it caused and the new status. */
class EnvelopeTest {

    static final Actor INVESTOR = new Actor(Agreements.INVESTOR, Role.INVESTOR);
    static final Actor OFFICER = new Actor("officer-li", Role.OFFICER);
    static final TestDesk DESK = new TestDesk();
    static final Set<String> LEGAL = Set.of("DRAFT>SENT", "DRAFT>VOIDED",
            "SENT>PARTIALLY_SIGNED", "SENT>DECLINED", "SENT>EXPIRED", "SENT>VOIDED",
            "PARTIALLY_SIGNED>SEALING", "PARTIALLY_SIGNED>DECLINED", "PARTIALLY_SIGNED>EXPIRED", "PARTIALLY_SIGNED>VOIDED",
            "SEALING>EXECUTED");

    static Envelope sent() {
        return Envelopes.sent(new TestDesk());
    }

    static Envelope partiallySigned() {
        Envelope envelope = sent();
        envelope.sign(INVESTOR, "Hans Müller", NOW, Origin.SYSTEM, DESK);
        return envelope;
    }

    static Envelope executed() {
        Envelope envelope = partiallySigned();
        Envelopes.sign(envelope, OFFICER, "Li Wei", NOW, Origin.SYSTEM, DESK);
        return envelope;
    }

    static Stream<Arguments> everyPair() {
        return Stream.of(EnvelopeStatus.values())
                .flatMap(from -> Stream.of(EnvelopeStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void onlyTheDrawnTransitionsAreAllowed(EnvelopeStatus from, EnvelopeStatus to) {
        assertThat(from.canTransitionTo(to)).isEqualTo(LEGAL.contains(from + ">" + to));
    }

    @ParameterizedTest
    @EnumSource(EnvelopeStatus.class)
    void signersAreAwaitedExactlyWhileTheEnvelopeIsSentOrPartiallySigned(EnvelopeStatus status) {
        assertThat(status.awaitsSignatures()).isEqualTo(status == EnvelopeStatus.SENT || status == EnvelopeStatus.PARTIALLY_SIGNED);
        assertThat(status.isOpen()).isEqualTo(status.awaitsSignatures() || status == EnvelopeStatus.DRAFT || status == EnvelopeStatus.SEALING);
    }

    @Test
    void sendingDraftsTheContractForTwoOrderedSignersAndRaisesContractDraftedThenEnvelopeSent() {
        Envelope.Sending sending = Envelope.send("envelope-1", agreement(), DOCUMENT, NOW, new TestDesk());
        Envelope envelope = sending.envelope();
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.SENT);
        assertThat(envelope.signers()).extracting(Signer::order, Signer::role, Signer::requiredUserId).containsExactly(
                tuple(1, SignerRole.INVESTOR_SIGNATORY, Agreements.INVESTOR),
                tuple(2, SignerRole.COMMISSION_REPRESENTATIVE, "officer-li"));
        assertThat(envelope.documentHash()).isEqualTo(DOCUMENT);
        assertThat(envelope.agreement()).isEqualTo(agreement());
        assertThat(envelope.caseId()).isEqualTo(CaseId.of(Agreements.CASE));
        assertThat(sending.events()).hasSize(2).first().isInstanceOfSatisfying(ContractDrafted.class, drafted -> {
            assertThat(drafted.caseId()).isEqualTo(Agreements.CASE);
            assertThat(drafted.envelopeId()).isEqualTo("envelope-1");
            assertThat(drafted.agreementId()).isEqualTo(Agreements.AGREEMENT);
            assertThat(drafted.documentHash()).isEqualTo(DOCUMENT);
            assertThat(drafted.termsFingerprint()).isEqualTo(Agreements.FINGERPRINT);
            assertThat(drafted.occurredAt()).isEqualTo(NOW);
        });
        assertThat(sending.events()).last().isInstanceOfSatisfying(EnvelopeSent.class, sent -> {
            assertThat(sent.envelopeId()).isEqualTo("envelope-1");
            assertThat(sent.documentHash()).isEqualTo(envelope.documentHash());
            assertThat(sent.termsFingerprint()).isEqualTo(Agreements.FINGERPRINT);
            assertThat(sent.actor()).isEqualTo(Actor.SYSTEM);
        });
    }

    @Test
    void givenSentTheInvestorSigningFirstRecordsTheSignatureAndMakesItPartiallySigned() {
        Envelope envelope = sent();
        assertThat(envelope.sign(INVESTOR, "Hans Müller", NOW, Origin.SYSTEM, DESK)).singleElement()
                .isInstanceOfSatisfying(SignatureRecorded.class, recorded -> {
                    assertThat(recorded.signerOrder()).isEqualTo(1);
                    assertThat(recorded.signerRole()).isEqualTo("INVESTOR_SIGNATORY");
                    assertThat(recorded.signerId()).isEqualTo(Agreements.INVESTOR);
                });
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.PARTIALLY_SIGNED);
        assertThat(envelope.isFullySigned()).isFalse();
        assertThat(envelope.signers().get(0)).extracting(Signer::typedName, Signer::signedAt).containsExactly("Hans Müller", NOW);
    }

    @Test
    void givenPartiallySignedTheLastSignatureIsRecordedAndLeavesItFullySignedAwaitingTheSeal() {
        Envelope envelope = partiallySigned();
        assertThat(envelope.sign(OFFICER, "Li Wei", NOW.plusSeconds(60), Origin.SYSTEM, DESK)).singleElement()
                .isInstanceOf(SignatureRecorded.class);
        assertThat(envelope.isFullySigned()).isTrue();
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.SEALING);
        assertThat(envelope.sealDueAt()).as("the sweep takes over after the first retry's wait")
                .isEqualTo(NOW.plusSeconds(60).plus(SealingSchedule.standard().firstRetry()));
        assertThat(envelope.executedAt()).isNull();
        assertThat(envelope.executedDocumentHash()).isNull();
        assertThat(envelope.nextWatchAt()).as("nobody left to remind").isNull();
    }

    @Test
    void givenFullySignedExecutingWithTheSealsHashRaisesContractExecutedWithTheAgreedFigures() {
        Envelope envelope = partiallySigned();
        envelope.sign(OFFICER, "Li Wei", NOW.plusSeconds(60), Origin.SYSTEM, DESK);
        assertThat(envelope.execute(Envelopes.SEALED, NOW.plusSeconds(90))).singleElement()
                .isInstanceOfSatisfying(ContractExecuted.class, executed -> {
                    assertThat(executed.investmentAmount()).isEqualByComparingTo("120000000.00");
                    assertThat(executed.currency()).isEqualTo("EUR");
                    assertThat(executed.jobs()).isEqualTo(350);
                    assertThat(executed.landingDeadline()).isEqualTo(LocalDate.of(2027, 12, 31));
                    assertThat(executed.documentHash()).isEqualTo(Envelopes.SEALED).isEqualTo(envelope.executedDocumentHash());
                    assertThat(executed.actor()).isEqualTo(OFFICER);
                });
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.EXECUTED);
        assertThat(envelope.executedAt()).isEqualTo(NOW.plusSeconds(90));
        assertThat(envelope.sealDueAt()).isNull();
    }

    @Test
    void givenSealingAFailedSealIsRetriedAfterADoublingWaitAndNeitherExecutesNorRaisesAnEvent() {
        Envelope envelope = partiallySigned();
        envelope.sign(OFFICER, "Li Wei", NOW, Origin.SYSTEM, DESK);
        SealingSchedule schedule = new SealingSchedule(Duration.ofSeconds(10), Duration.ofSeconds(30));
        envelope.sealingFailed("the TSA is unreachable", NOW.plusSeconds(10), schedule);
        assertThat(envelope.sealDueAt()).isEqualTo(NOW.plusSeconds(20));
        envelope.sealingFailed("the TSA is unreachable", NOW.plusSeconds(20), schedule);
        assertThat(envelope.sealDueAt()).isEqualTo(NOW.plusSeconds(40));
        envelope.sealingFailed("the TSA is unreachable", NOW.plusSeconds(40), schedule);
        assertThat(envelope.sealDueAt()).as("capped").isEqualTo(NOW.plusSeconds(70));
        assertThat(envelope).extracting(Envelope::status, Envelope::sealingFailures, Envelope::sealingProblem, Envelope::executedDocumentHash)
                .containsExactly(EnvelopeStatus.SEALING, 3, "the TSA is unreachable", null);
    }

    @Test
    void givenSealingNobodyCanVoidOrSignItAnyMore() {
        Envelope envelope = partiallySigned();
        envelope.sign(OFFICER, "Li Wei", NOW, Origin.SYSTEM, DESK);
        assertThatThrownBy(() -> envelope.voidBy(OFFICER, "too late", NOW, Origin.SYSTEM))
                .isInstanceOfSatisfying(IllegalTransitionException.class, refused -> assertThat(refused.currentState()).isEqualTo("SEALING"));
        assertThatThrownBy(() -> envelope.sign(OFFICER, "Li Wei", NOW, Origin.SYSTEM, DESK)).isInstanceOf(RuleViolationException.class);
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.SEALING);
    }

    @Test
    void sealingFailureOutsideSealingIsRefused() {
        Envelope envelope = partiallySigned();
        assertThatThrownBy(() -> envelope.sealingFailed("no", NOW, SealingSchedule.standard()))
                .isInstanceOfSatisfying(IllegalTransitionException.class, refused -> assertThat(refused.currentState()).isEqualTo("PARTIALLY_SIGNED"));
    }

    @Test
    void givenPartiallySignedExecutingBeforeEverySignerSignedIsRefused() {
        Envelope envelope = partiallySigned();
        assertThatThrownBy(() -> envelope.execute(Envelopes.SEALED, NOW))
                .isInstanceOf(RuleViolationException.class);
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.PARTIALLY_SIGNED);
    }

    @Test
    void givenExecutedExecutingAgainIsRefusedNamingTheState() {
        Envelope envelope = executed();
        assertThatThrownBy(() -> envelope.execute(Envelopes.SEALED, NOW))
                .isInstanceOfSatisfying(IllegalTransitionException.class, refused -> assertThat(refused.currentState()).isEqualTo("EXECUTED"));
    }

    @Test
    void givenSentTheCommissionSigningBeforeTheInvestorIsRefusedNamingTheState() {
        Envelope envelope = sent();
        assertThatThrownBy(() -> envelope.sign(OFFICER, "Li Wei", NOW, Origin.SYSTEM, DESK))
                .isInstanceOfSatisfying(IllegalTransitionException.class,
                        refused -> assertThat(refused.currentState()).isEqualTo("SENT"))
                .hasMessageContaining("before INVESTOR_SIGNATORY");
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.SENT);
        assertThat(envelope.signers()).noneMatch(Signer::hasSigned);
    }

    @Test
    void givenPartiallySignedASignerSigningTwiceIsRefused() {
        Envelope envelope = partiallySigned();
        assertThatThrownBy(() -> envelope.sign(INVESTOR, "Hans Müller", NOW, Origin.SYSTEM, DESK))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("already signed");
    }

    @Test
    void givenExecutedSigningAgainIsRefused() {
        Envelope envelope = executed();
        assertThatThrownBy(() -> envelope.sign(OFFICER, "Li Wei", NOW, Origin.SYSTEM, DESK))
                .isInstanceOf(RuleViolationException.class);
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.EXECUTED);
    }

    @Test
    void anotherInvestorCannotSignForTheCasesInvestor() {
        Envelope envelope = sent();
        assertThatThrownBy(() -> envelope.sign(new Actor("investor-other", Role.INVESTOR), "Mallory", NOW, Origin.SYSTEM, DESK))
                .isInstanceOf(ForbiddenException.class);
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.SENT);
    }

    @Test
    void anOfficerTheCaseIsNotAssignedToCannotSignForTheCommissionEvenInTurn() {
        Envelope envelope = partiallySigned();
        assertThatThrownBy(() -> envelope.sign(new Actor("officer-zhang", Role.OFFICER), "Zhang", NOW, Origin.SYSTEM, DESK))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("officer-zhang");
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.PARTIALLY_SIGNED);
        assertThat(envelope.signers().get(1).hasSigned()).isFalse();
    }

    static Stream<Envelope> everyStatusASignerMeets() {
        return Stream.of(sent(), partiallySigned(), executed());
    }

    @ParameterizedTest
    @MethodSource("everyStatusASignerMeets")
    void whoMaySignIsCheckedBeforeWhenSoAnotherOfficerIsRefusedInEveryStatus(Envelope envelope) {
        assertThatThrownBy(() -> envelope.sign(new Actor("officer-zhang", Role.OFFICER), "Zhang", NOW, Origin.SYSTEM, DESK))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aPlaceWithoutANamedSignerCannotBeMade() {
        assertThatThrownBy(() -> Signer.awaiting(2, 2, SignerRole.COMMISSION_REPRESENTATIVE, (String) null))
                .isInstanceOf(NullPointerException.class);
        assertThat(Signer.awaiting(2, 2, SignerRole.COMMISSION_REPRESENTATIVE, "officer-li").mayBeSignedBy(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"LEADER", "ADMIN", "SYSTEM"})
    void rolesThatAreNoSignerCannotSign(Role role) {
        Envelope envelope = sent();
        assertThatThrownBy(() -> envelope.sign(new Actor("someone", role), "Someone", NOW, Origin.SYSTEM, DESK))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void investorsSeeOnlyTheirOwnEnvelopesAndStaffSeeEvery() {
        Envelope envelope = sent();
        assertThat(envelope.isVisibleTo(INVESTOR)).isTrue();
        assertThat(envelope.isVisibleTo(new Actor("investor-other", Role.INVESTOR))).isFalse();
        assertThat(envelope.isVisibleTo(new Actor("leader-1", Role.LEADER))).isTrue();
    }

    @Test
    void everyActionAppendsToAnIntactHashChainedAuditTrail() {
        Envelope envelope = sent();
        Origin browser = new Origin("203.0.113.7", "Firefox");
        envelope.linkSteps().view(INVESTOR, NOW.plusSeconds(10), browser);
        envelope.sign(INVESTOR, "Investor", NOW.plusSeconds(20), browser, DESK);
        envelope.linkSteps().view(OFFICER, NOW.plusSeconds(30), browser);
        Envelopes.sign(envelope, OFFICER, "李伟", NOW.plusSeconds(40), browser, DESK);
        assertThat(envelope.auditTrail()).extracting(e -> e.action().name(), e -> e.actorId(), e -> e.clientAddress(), e -> e.documentHash())
                .containsExactly(tuple("SENT", "investflow", null, DOCUMENT),
                        tuple("VIEWED", Agreements.INVESTOR, "203.0.113.7", DOCUMENT),
                        tuple("SIGNED", Agreements.INVESTOR, "203.0.113.7", DOCUMENT),
                        tuple("VIEWED", "officer-li", "203.0.113.7", DOCUMENT),
                        tuple("SIGNED", "officer-li", "203.0.113.7", DOCUMENT),
                        tuple("EXECUTED", "investflow", null, DOCUMENT));
        assertThat(envelope.auditTrail()).extracting(e -> e.at()).containsExactly(NOW, NOW.plusSeconds(10), NOW.plusSeconds(20),
                NOW.plusSeconds(30), NOW.plusSeconds(40), NOW.plusSeconds(40));
        assertThat(envelope.verifyAuditTrail().intact()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"officer-wang/OFFICER", "investor-x/INVESTOR", "officer-li/LEADER"})
    void onlyTheEnvelopesSignersViewsAreRecorded(String viewer) {
        Envelope envelope = sent();
        String[] idAndRole = viewer.split("/");
        assertThatThrownBy(() -> envelope.linkSteps().view(new Actor(idAndRole[0], Role.valueOf(idAndRole[1])), NOW, Origin.SYSTEM))
                .isInstanceOf(ForbiddenException.class);
        assertThat(envelope.auditTrail()).hasSize(1);
    }

    @Test
    void aRefusedSignatureAppendsNothing() {
        Envelope envelope = sent();
        assertThatThrownBy(() -> envelope.sign(OFFICER, "Li", NOW, Origin.SYSTEM, DESK)).isInstanceOf(IllegalTransitionException.class);
        assertThat(envelope.auditTrail()).hasSize(1);
    }
}
