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
 * served to the envelopes with that hash, so a view gets byte for byte the document whose hash the envelope holds and
 * the signatures will cover; an envelope whose draft is not kept (another instance, a restart) is rendered as before.
 * Bounded by the bytes of the PDFs kept; the least used leave first.
 */
public class DraftContracts {

    /** The cache's name on the cache meters ({@code cache="contract_drafts"}). */
    public static final String CACHE = "contract_drafts";

    private final Cache<String, RenderedPdf> drafts;
    private final Counter renders;

    /** Keeps at most {@code maxBytes} of drafts, and counts renders as {@code investflow_contract_renders_total}. */
    public DraftContracts(MeterRegistry meters, long maxBytes) {
        // maintenance on the caller's (bounded-elastic) thread: the bound holds as soon as a draft is kept
        this.drafts = Caffeine.newBuilder().maximumWeight(maxBytes).weigher((String hash, RenderedPdf draft) -> draft.bytes().length)
                .executor(Runnable::run).recordStats().build();
        this.renders = Counter.builder("investflow.contract.renders").description("contract drafts rendered rather than served from memory")
                .register(meters);
        CaffeineCacheMetrics.monitor(meters, drafts, CACHE);
    }

    /** The draft of {@code agreement}, rendered and kept: its SHA-256 becomes the {@code documentHash} of the envelope drafted from it. */
    public RenderedPdf draftOf(Agreement agreement) {
        return rendered(EnvelopeContract.particularsOf(agreement));
    }

    /**
     * The draft the signers of {@code envelope} sign: the one kept under its {@code documentHash} (what they sign is
     * named by that hash), or rendered again from the envelope. Not compared by particulars: an envelope read back from
     * the database holds its agreement's time to the millisecond where the one drafted held nanoseconds, so no view
     * found its draft (the benchmark's profile still showed every view rendering).
     */
    public RenderedPdf draftOf(Envelope envelope) {
        RenderedPdf kept = envelope.documentHash() == null ? null : drafts.getIfPresent(envelope.documentHash());
        return kept != null ? kept : rendered(EnvelopeContract.particularsOf(envelope));
    }

    private RenderedPdf rendered(ContractParticulars particulars) {
        RenderedPdf pdf = ContractTemplate.draft(particulars);
        renders.increment();
        drafts.put(pdf.sha256(), pdf);
        return pdf;
    }
}
