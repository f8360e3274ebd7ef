package org.investflow.signing.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The certificate of completion of an executed envelope: who signed when, the hashes of the signed
 * and of the sealed contract, and the audit chain with its head. Rendered like the contract:
 * bilingual, embedded CJK font, byte-identical for the same envelope.
 */
public final class CompletionCertificate {

    private CompletionCertificate() {
    }

    /** One audit entry as printed: its sequence, what happened, by whom, when, and its chained hash. */
    public record AuditLine(int sequence, String action, String actor, String at, String hash) {
    }

    public static RenderedPdf render(ContractParticulars particulars, String envelopeId, String documentHash, String sealedHash,
                                     List<SignatureLine> signatures, List<AuditLine> audit, String chainHead) {
        try (PdfComposer pdf = new PdfComposer("InvestFlow certificate of completion · " + particulars.caseId())) {
            Map<String, String> custom = new LinkedHashMap<>();
            custom.put("InvestFlowCaseId", particulars.caseId());
            custom.put("InvestFlowEnvelopeId", envelopeId);
            custom.put("InvestFlowAuditChainHead", chainHead);
            pdf.describe("Certificate of Completion " + particulars.caseId(), signatures.get(signatures.size() - 1).signedAt(), custom);
            pdf.title("Certificate of Completion 完成证书");
            pdf.paragraph("Case 案件编号: " + particulars.caseId() + "    Envelope 信封: " + envelopeId);
            pdf.paragraph("Investor 投资方: " + particulars.companyName());
            pdf.paragraph("Template 合同模板: " + ContractTemplate.VERSION);
            pdf.heading("Documents 文件");
            pdf.paragraph("Signed contract SHA-256 已签署合同指纹: " + documentHash);
            pdf.paragraph("Sealed contract SHA-256 盖章合同指纹: " + sealedHash);
            pdf.paragraph("Agreed terms fingerprint 约定条款指纹: " + particulars.termsFingerprint());
            pdf.heading("Signers 签署人");
            signatures.forEach(line -> pdf.paragraph(line.order() + ". " + line.capacity() + ": " + line.typedName() + " ("
                    + line.signerId() + "), " + ContractTemplate.time(line.signedAt())));
            pdf.heading("Audit trail 审计记录");
            audit.forEach(line -> pdf.small(line.sequence() + "  " + line.at() + "  " + line.action() + "  " + line.actor() + "  " + line.hash()));
            pdf.paragraph("Audit chain head 审计链头: " + chainHead);
            return new RenderedPdf(pdf.toBytes("certificate|" + envelopeId + "|" + sealedHash + "|" + chainHead));
        }
    }
}
