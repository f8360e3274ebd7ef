package org.investflow.signing.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.investflow.signing.envelope.Agreements.agreement;
import static org.investflow.signing.envelope.Envelopes.NOW;

import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.investflow.signing.contract.ContractTemplate;
import org.investflow.signing.contract.DraftContracts;
import org.investflow.signing.contract.EnvelopeContract;
import org.investflow.signing.contract.RenderedPdf;
import org.junit.jupiter.api.Test;

/**
 * The drafts kept in memory are what a fresh render gives, and views are served from them instead of rendering again;
 * renders are counted by {@code investflow_contract_renders_total}. Here beside the envelopes' object mothers.
 */
class DraftContractsTest {

    private static final long ENOUGH = 32L << 20;

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void everyViewIsServedTheDraftRenderedAtTheEnvelopesCreationWithoutRenderingAgain() {
        DraftContracts drafts = new DraftContracts(meters, ENOUGH);
        String documentHash = drafts.draftOf(agreement()).sha256();
        Envelope envelope = sentAs(agreement(), documentHash);

        RenderedPdf first = drafts.draftOf(envelope);
        RenderedPdf second = drafts.draftOf(envelope);

        assertThat(first.bytes()).isEqualTo(freshRenderOf(agreement())).isEqualTo(second.bytes());
        assertThat(first.sha256()).isEqualTo(documentHash);
        assertThat(renders()).isEqualTo(1);
        assertThat(meters.get("cache.gets").tag("cache", DraftContracts.CACHE).tag("result", "hit").functionCounter().count()).isEqualTo(2);
    }

    @Test
    void aViewOnAnotherInstanceRendersOnceAndThenServesTheSameBytes() {
        String documentHash = new DraftContracts(new SimpleMeterRegistry(), ENOUGH).draftOf(agreement()).sha256();
        DraftContracts restarted = new DraftContracts(meters, ENOUGH);
        Envelope envelope = sentAs(agreement(), documentHash);

        assertThat(restarted.draftOf(envelope).bytes()).isEqualTo(freshRenderOf(agreement()));
        assertThat(restarted.draftOf(envelope).bytes()).isEqualTo(freshRenderOf(agreement()));
        assertThat(renders()).isEqualTo(1);
    }

    @Test
    void anEnvelopeIsServedTheDraftItsDocumentHashNamesEvenWhenItsAgreementWasReadBackWithLessPrecision() {
        DraftContracts drafts = new DraftContracts(meters, ENOUGH);
        Agreement drafted = agreedAt(Instant.parse("2026-03-12T06:00:00.123456789Z"));
        String keptHash = drafts.draftOf(drafted).sha256();
        // what the database gives back: the same agreement, its time to the millisecond
        Agreement readBack = agreedAt(Instant.parse("2026-03-12T06:00:00.123Z"));
        assertThat(EnvelopeContract.particularsOf(readBack)).isNotEqualTo(EnvelopeContract.particularsOf(drafted));

        RenderedPdf served = drafts.draftOf(sentAs(readBack, keptHash));

        assertThat(served.sha256()).as("the document the envelope's signatures will cover").isEqualTo(keptHash);
        assertThat(served.bytes()).isEqualTo(freshRenderOf(drafted));
        assertThat(renders()).isEqualTo(1);
    }

    private static Agreement agreedAt(Instant at) {
        Agreement agreement = agreement();
        return new Agreement(agreement.caseId(), agreement.investorId(), agreement.officerId(), agreement.agreementId(),
                agreement.companyName(), agreement.terms(), agreement.termsFingerprint(), at);
    }

    @Test
    void draftsBeyondTheBoundAreNotKeptSoEachViewRendersAgain() {
        DraftContracts drafts = new DraftContracts(meters, 1024);
        Envelope envelope = sentAs(agreement(), drafts.draftOf(agreement()).sha256());

        assertThat(drafts.draftOf(envelope).bytes()).isEqualTo(freshRenderOf(agreement()));
        assertThat(renders()).isEqualTo(2);
        assertThat(meters.get("cache.size").tag("cache", DraftContracts.CACHE).gauge().value()).isZero();
    }

    private static Envelope sentAs(Agreement agreement, String documentHash) {
        return Envelope.send(Envelopes.ENVELOPE, agreement, documentHash, NOW, new TestDesk()).envelope();
    }

    private static byte[] freshRenderOf(Agreement agreement) {
        return ContractTemplate.draft(EnvelopeContract.particularsOf(agreement)).bytes();
    }

    private double renders() {
        return meters.get("investflow.contract.renders").counter().count();
    }
}
