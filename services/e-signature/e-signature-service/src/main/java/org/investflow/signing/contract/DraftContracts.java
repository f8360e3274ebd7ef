package org.investflow.signing.contract;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.investflow.signing.envelope.Agreement;
import org.investflow.signing.envelope.Envelope;

/**
 * The drafts signers sign, rendered once and then served from memory: rendering a draft (laying it out, subsetting
 * the CJK font) was a tenth of the pipeline's CPU when the envelope's creation and every signer's view rendered it
 * again. Content-addressed: a draft is kept under its own SHA-256, which is its envelope's {@code documentHash}, and
 * served only to an envelope with that hash and the particulars it was rendered from, so a view gets byte for byte
 * what a fresh render gives; any other envelope is rendered as before. Bounded by the bytes of the PDFs kept; the
 * least used leave first.
 */
public class DraftContracts {

    /** The cache's name on the cache meters ({@code cache="contract_drafts"}). */
    public static final String CACHE = "contract_drafts";

    private final Cache<String, Draft> drafts;
    private final Counter renders;

    /** Keeps at most {@code maxBytes} of drafts, and counts renders as {@code investflow_contract_renders_total}. */
    public DraftContracts(MeterRegistry meters, long maxBytes) {
        // maintenance on the caller's (bounded-elastic) thread: the bound holds as soon as a draft is kept
        this.drafts = Caffeine.newBuilder().maximumWeight(maxBytes).weigher((String hash, Draft draft) -> draft.pdf().bytes().length)
                .executor(Runnable::run).recordStats().build();
        this.renders = Counter.builder("investflow.contract.renders").description("contract drafts rendered rather than served from memory")
                .register(meters);
        CaffeineCacheMetrics.monitor(meters, drafts, CACHE);
    }

    /** The draft of {@code agreement}, rendered and kept: its SHA-256 becomes the {@code documentHash} of the envelope drafted from it. */
    public RenderedPdf draftOf(Agreement agreement) {
        return rendered(EnvelopeContract.particularsOf(agreement));
    }

    /** The draft the signers of {@code envelope} sign: the one kept under its {@code documentHash}, or rendered again. */
    public RenderedPdf draftOf(Envelope envelope) {
        ContractParticulars particulars = EnvelopeContract.particularsOf(envelope);
        Draft kept = envelope.documentHash() == null ? null : drafts.getIfPresent(envelope.documentHash());
        return kept != null && kept.particulars().equals(particulars) ? kept.pdf() : rendered(particulars);
    }

    private RenderedPdf rendered(ContractParticulars particulars) {
        RenderedPdf pdf = ContractTemplate.draft(particulars);
        renders.increment();
        drafts.put(pdf.sha256(), new Draft(particulars, pdf));
        return pdf;
    }

    /** A kept draft and what it was rendered from. */
    private record Draft(ContractParticulars particulars, RenderedPdf pdf) {
    }
}
