package org.investflow.signing.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.investflow.platform.domain.IllegalTransitionException;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.Role;
import org.investflow.signing.audit.Origin;
import org.investflow.signing.events.ContractDeclined;
import org.investflow.signing.events.ContractExecuted;
import org.investflow.signing.events.ContractExpired;
import org.investflow.signing.events.SignatureRecorded;
import org.investflow.signing.events.SigningEvent;
import org.junit.jupiter.api.Test;

/**
 * The default signing order on the aggregate alone: the investor's signatory first, then the
 * commission's and the district's representatives in parallel, the district's named by configuration.
 */
class ParallelSigningTest {

    static final Instant NOW = Instant.parse("2026-04-10T09:00:00Z");
    static final Actor INVESTOR = new Actor(Agreements.INVESTOR, Role.INVESTOR);
    static final Actor OFFICER = new Actor("officer-li", Role.OFFICER);
    static final Actor DISTRICT = new Actor(TestDesk.DEFAULT_DISTRICT.email(), Role.DISTRICT_REPRESENTATIVE);
    static final Origin WEB = new Origin("203.0.113.7", "Firefox");

    final TestDesk desk = new TestDesk().inOrder(TestDesk.DISTRICT_IN_PARALLEL);

    Envelope sent(String district) {
        AgreedTerms terms = Agreements.terms("120000000.00", district);
        return Envelope.send("6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b", Agreements.agreement(terms, Agreements.FINGERPRINT), "d".repeat(64),
                NOW, desk).envelope();
    }

    Envelope signedByInvestor() {
        Envelope envelope = sent(null);
        envelope.sign(INVESTOR, "Hans Müller", NOW.plusSeconds(60), WEB, desk);
        return envelope;
    }

    @Test
    void threeSignersInTwoGroupsAndOnlyTheFirstGroupIsInvited() {
        Envelope envelope = sent(null);
        assertThat(envelope.signers()).extracting(Signer::order, Signer::group, Signer::role, Signer::requiredUserId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 1, SignerRole.INVESTOR_SIGNATORY, Agreements.INVESTOR),
                org.assertj.core.groups.Tuple.tuple(2, 2, SignerRole.COMMISSION_REPRESENTATIVE, "officer-li"),
                org.assertj.core.groups.Tuple.tuple(3, 2, SignerRole.DISTRICT_REPRESENTATIVE, "district@example.org"));
        assertThat(envelope.signers().get(2).name()).isEqualTo("Zhou Min 周敏");
        assertThat(envelope.mails()).extracting(OutgoingMail::to).containsExactly(Agreements.INVESTOR + "@example.org");
    }

    @Test
    void theLastSignatureOfTheFirstGroupInvitesTheWholeSecondGroupAtOnce() {
        Envelope envelope = signedByInvestor();
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.PARTIALLY_SIGNED);
        assertThat(envelope.mails()).extracting(OutgoingMail::to)
                .containsExactly(Agreements.INVESTOR + "@example.org", "officer-li@example.org", "district@example.org");
        assertThat(envelope.signers().subList(1, 3)).allSatisfy(signer -> {
            assertThat(signer.turnStartedAt()).isEqualTo(NOW.plusSeconds(60));
            assertThat(signer.deadline()).isEqualTo(NOW.plusSeconds(60).plus(Duration.ofDays(14)));
        });
    }

    @Test
    void theDistrictOfTheAgreedLandNamesItsRepresentativeOtherwiseTheDefaultOne() {
        assertThat(sent("Liangjiang").signers().get(2)).extracting(Signer::requiredUserId, Signer::name)
                .containsExactly("liangjiang@example.org", "Chen Jing 陈静");
        assertThat(sent("Yubei").signers().get(2).requiredUserId()).isEqualTo("district@example.org");
    }

    @Test
    void commissionThenDistrictExecutesOnlyWithTheLastSignature() {
        Envelope envelope = signedByInvestor();
        assertThat(envelope.sign(OFFICER, "Li Wei", NOW.plusSeconds(120), WEB, desk)).singleElement().isInstanceOf(SignatureRecorded.class);
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.PARTIALLY_SIGNED);
        assertExecutedBy(Envelopes.sign(envelope, DISTRICT, "周敏", NOW.plusSeconds(180), WEB, desk), "DISTRICT_REPRESENTATIVE", 3);
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.EXECUTED);
        assertThat(envelope.signers()).extracting(Signer::signedBy)
                .containsExactly(Agreements.INVESTOR, "officer-li", "district@example.org");
    }

    @Test
    void districtThenCommissionExecutesOnlyWithTheLastSignature() {
        Envelope envelope = signedByInvestor();
        assertThat(envelope.sign(DISTRICT, "周敏", NOW.plusSeconds(120), WEB, desk)).singleElement().isInstanceOf(SignatureRecorded.class);
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.PARTIALLY_SIGNED);
        assertExecutedBy(Envelopes.sign(envelope, OFFICER, "Li Wei", NOW.plusSeconds(180), WEB, desk), "COMMISSION_REPRESENTATIVE", 2);
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.EXECUTED);
    }

    private static void assertExecutedBy(List<SigningEvent> events, String role, int order) {
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOfSatisfying(SignatureRecorded.class, recorded -> {
            assertThat(recorded.signerRole()).isEqualTo(role);
            assertThat(recorded.signerOrder()).isEqualTo(order);
        });
        assertThat(events.get(1)).isInstanceOf(ContractExecuted.class);
    }

    @Test
    void nobodyOfTheSecondGroupSignsBeforeTheFirstGroupIsComplete() {
        Envelope envelope = sent(null);
        assertThatThrownBy(() -> envelope.sign(DISTRICT, "周敏", NOW, WEB, desk)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("DISTRICT_REPRESENTATIVE before INVESTOR_SIGNATORY");
        assertThatThrownBy(() -> envelope.sign(OFFICER, "Li", NOW, WEB, desk)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> envelope.decline(DISTRICT, "no", NOW, WEB)).isInstanceOf(IllegalTransitionException.class);
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.SENT);
    }

    @Test
    void theDistrictSignsThroughItsMailedLinkAndCode() {
        Envelope envelope = signedByInvestor();
        String districtLink = SigningLink.sha256("token-3");
        envelope.linkSteps().sendCode(districtLink, NOW.plusSeconds(90), desk);
        assertThat(envelope.mails()).last().satisfies(mail -> assertThat(mail.to()).isEqualTo("district@example.org"));
        assertThat(envelope.linkSteps().checkCode(districtLink, "123456", NOW.plusSeconds(100), desk.policy())).contains(DISTRICT);
    }

    @Test
    void theDistrictDecliningWhileTheCommissionSignedClosesTheEnvelopeAndKillsEveryLink() {
        Envelope envelope = signedByInvestor();
        envelope.sign(OFFICER, "Li Wei", NOW.plusSeconds(120), WEB, desk);
        assertThat(envelope.decline(DISTRICT, "Land use not approved", NOW.plusSeconds(180), WEB)).singleElement()
                .isInstanceOfSatisfying(ContractDeclined.class, declined -> assertThat(declined.signerRole()).isEqualTo("DISTRICT_REPRESENTATIVE"));
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.DECLINED);
        assertThat(envelope.links()).allMatch(SigningLink::consumed);
    }

    @Test
    void theUnsignedPlaceOfTheGroupLettingItsDeadlinePassExpiresTheEnvelope() {
        Envelope envelope = signedByInvestor();
        envelope.sign(DISTRICT, "周敏", NOW.plusSeconds(120), WEB, desk);
        Instant deadline = NOW.plusSeconds(60).plus(Duration.ofDays(14));
        assertThat(envelope.nextWatchAt()).isEqualTo(NOW.plusSeconds(60).plus(Duration.ofDays(5)));
        assertThat(envelope.watch(deadline, desk)).singleElement().isInstanceOfSatisfying(ContractExpired.class, expired -> {
            assertThat(expired.signerRole()).isEqualTo("COMMISSION_REPRESENTATIVE");
            assertThat(expired.deadline()).isEqualTo(deadline);
        });
        assertThat(envelope.status()).isEqualTo(EnvelopeStatus.EXPIRED);
    }

    @Test
    void everyUnsignedPlaceOfTheGroupIsReminded() {
        Envelope envelope = signedByInvestor();
        int mailsBefore = envelope.mails().size();
        envelope.watch(NOW.plusSeconds(60).plus(Duration.ofDays(5)), desk);
        assertThat(envelope.mails().subList(mailsBefore, envelope.mails().size())).extracting(OutgoingMail::kind, OutgoingMail::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(OutgoingMail.Kind.REMINDER, "officer-li@example.org"),
                        org.assertj.core.groups.Tuple.tuple(OutgoingMail.Kind.REMINDER, "district@example.org"));
    }
}
