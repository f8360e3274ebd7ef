package org.investflow.signing.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.investflow.signing.envelope.Envelopes.DOCUMENT;
import static org.investflow.signing.envelope.Envelopes.NOW;

import java.time.Duration;
import java.time.Instant;

import org.investflow.platform.events.Actor;
import org.investflow.platform.events.Role;
import org.investflow.signing.audit.AuditAction;
import org.investflow.signing.audit.AuditEntry;
import org.investflow.signing.audit.Origin;
import org.investflow.signing.events.SignerViewed;
import org.junit.jupiter.api.Test;

/** The signer-facing steps on their own: what each mails, issues and writes to the envelope's audit trail. */
class LinkStepsTest {

    static final Actor INVESTOR = new Actor(Agreements.INVESTOR, Role.INVESTOR);
    static final Origin WEB = new Origin("203.0.113.7", "Firefox");

    final TestDesk desk = new TestDesk();
    final Envelope envelope = Envelopes.sent(desk);

    @Test
    void aCodeIsMailedToTheSignerOfTheLinkAndAudited() {
        desk.nextCodes("424242");
        CodeReceipt receipt = envelope.linkSteps().sendCode(SigningLink.sha256("token-1"), NOW, desk);
        assertThat(receipt.sentTo()).isEqualTo(Agreements.INVESTOR.charAt(0) + "***@example.org");
        assertThat(receipt.validUntil()).isEqualTo(NOW.plus(desk.policy().codeValidity()));
        assertThat(envelope.mails()).last().satisfies(mail -> {
            assertThat(mail.kind()).isEqualTo(OutgoingMail.Kind.CODE);
            assertThat(mail.to()).isEqualTo(Agreements.INVESTOR + "@example.org");
            assertThat(mail.subject()).contains(Agreements.agreement().caseId().value()).doesNotContain("424242");
        });
        assertThat(envelope.auditTrail()).last().satisfies(entry -> assertAudited(entry, AuditAction.CODE_SENT, Agreements.INVESTOR));
    }

    @Test
    void aDueReminderMailsAFreshLinkToTheSignerInTurnAndIsAudited() {
        Instant due = NOW.plus(Duration.ofDays(5));
        envelope.linkSteps().remindDue(due, desk);
        assertThat(envelope.mails()).extracting(OutgoingMail::kind)
                .containsExactly(OutgoingMail.Kind.INVITATION, OutgoingMail.Kind.REMINDER);
        assertThat(envelope.links()).extracting(SigningLink::tokenHash)
                .containsExactly(SigningLink.sha256("token-1"), SigningLink.sha256("token-2"));
        assertThat(envelope.auditTrail()).last().satisfies(entry -> assertAudited(entry, AuditAction.REMINDED, Actor.SYSTEM.id()));
    }

    @Test
    void noReminderIsMailedBeforeItIsDue() {
        envelope.linkSteps().remindDue(NOW.plus(Duration.ofDays(4)), desk);
        assertThat(envelope.mails()).extracting(OutgoingMail::kind).containsExactly(OutgoingMail.Kind.INVITATION);
        assertThat(envelope.auditTrail()).extracting(AuditEntry::action).doesNotContain(AuditAction.REMINDED);
    }

    @Test
    void aViewThroughTheLinkNamesItsSignerAndTheContractHash() {
        assertThat(envelope.linkSteps().viewThroughLink(SigningLink.sha256("token-1"), NOW, WEB, desk.policy())).singleElement()
                .isInstanceOfSatisfying(SignerViewed.class, viewed -> {
                    assertThat(viewed.actor()).isEqualTo(INVESTOR);
                    assertThat(viewed.signerOrder()).isEqualTo(1);
                    assertThat(viewed.documentHash()).isEqualTo(DOCUMENT);
                });
        assertThat(envelope.auditTrail()).last().satisfies(entry -> assertAudited(entry, AuditAction.VIEWED, Agreements.INVESTOR));
    }

    @Test
    void linksFollowTheEnvelopesStatusNotOnlyTheirOwn() {
        envelope.voidBy(new Actor("officer-li", Role.OFFICER), "stop", NOW, WEB);
        assertThatThrownBy(() -> envelope.linkSteps().viewThroughLink(SigningLink.sha256("token-1"), NOW, WEB, desk.policy()))
                .isInstanceOf(InvalidLinkException.class);
    }

    private static void assertAudited(AuditEntry entry, AuditAction action, String actorId) {
        assertThat(entry.action()).isEqualTo(action);
        assertThat(entry.actorId()).isEqualTo(actorId);
        assertThat(entry.documentHash()).isEqualTo(DOCUMENT);
    }

    @Test
    void theReceiptMasksAllOfTheAddressButItsFirstCharacterAndDomain() {
        assertThat(CodeReceipt.mask("anna.schmidt@example.org")).isEqualTo("a***@example.org");
        assertThat(CodeReceipt.mask("x@a@b.cn")).isEqualTo("x***@b.cn");
        assertThat(CodeReceipt.mask("@example.org")).isEqualTo("***");
        assertThat(CodeReceipt.mask("no-address")).isEqualTo("***");
    }
}
