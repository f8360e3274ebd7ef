package org.investflow.signing.contract;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.investflow.signing.events.MilestoneDeadlines;
import org.investflow.signing.events.Tranche;

/**
 * Version 1 of the investment contract: bilingual (English / 中文) headings, filled from the frozen
 * agreed terms, with the terms fingerprint printed in it. A changed wording is a new version, so a
 * contract once signed always re-renders to the same bytes. The executed contract is the same
 * contract followed by a page of the signatures.
 */
public final class ContractTemplate {

    /** The template's version, printed in every page's footer and in the document information. */
    public static final String VERSION = "investment-contract/v1";
    /** The party that seals the executed contract. */
    public static final String COMMISSION = "Chongqing Municipal Commission of Commerce 重庆市商务委员会";
    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ContractTemplate() {
    }

    /** The contract the signers sign. */
    public static RenderedPdf draft(ContractParticulars particulars) {
        try (PdfComposer pdf = composer(particulars, "Investment Contract 投资合同", null)) {
            body(pdf, particulars);
            return new RenderedPdf(pdf.toBytes(VERSION + "|draft|" + particulars.termsFingerprint() + "|" + particulars.caseId()));
        }
    }

    /**
     * The contract with its signatures page: what the commission seals once the last signer signed.
     *
     * @param documentHash the SHA-256 of the draft the signers signed, printed so the two are bound
     */
    public static RenderedPdf executed(ContractParticulars particulars, String documentHash, List<SignatureLine> signatures) {
        try (PdfComposer pdf = composer(particulars, "Executed Investment Contract 已签署投资合同", documentHash)) {
            body(pdf, particulars);
            pdf.newPage();
            pdf.heading("Signatures 签署");
            pdf.paragraph("Signed contract SHA-256 已签署合同文件指纹: " + documentHash);
            for (SignatureLine line : signatures) {
                pdf.space(6);
                pdf.paragraph(line.order() + ". " + line.capacity());
                pdf.paragraph("   Signed by 签署人: " + line.typedName() + " (" + line.signerId() + ")");
                pdf.paragraph("   Signed at 签署时间: " + UTC.format(line.signedAt()));
            }
            pdf.space(12);
            pdf.small("Sealed with the digital seal of the " + COMMISSION + ". Verify at /api/verifications.");
            return new RenderedPdf(pdf.toBytes(VERSION + "|executed|" + documentHash + "|" + signatures));
        }
    }

    private static PdfComposer composer(ContractParticulars particulars, String title, String documentHash) {
        PdfComposer pdf = new PdfComposer("InvestFlow " + VERSION + " · " + particulars.caseId());
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put("InvestFlowCaseId", particulars.caseId());
        custom.put("InvestFlowAgreementId", particulars.agreementId());
        custom.put("InvestFlowTemplate", VERSION);
        custom.put("InvestFlowTermsFingerprint", particulars.termsFingerprint());
        if (documentHash != null) {
            custom.put("InvestFlowDocumentHash", documentHash);
        }
        pdf.describe(title + " " + particulars.caseId(), particulars.agreedAt(), custom);
        pdf.title(title);
        return pdf;
    }

    private static void body(PdfComposer pdf, ContractParticulars terms) {
        pdf.paragraph("Case 案件编号: " + terms.caseId() + "    Agreement 协议编号: " + terms.agreementId());
        pdf.paragraph("Agreed on 约定日期: " + UTC.format(terms.agreedAt()));
        pdf.heading("1. Parties 合同双方");
        pdf.paragraph("Party A 甲方: " + COMMISSION);
        pdf.paragraph("Party B 乙方 (investor 投资方): " + terms.companyName() + " (" + terms.investorId() + ")");
        ContractSections.investor(pdf, terms);
        pdf.heading("2. Investment 投资金额");
        pdf.paragraph("Party B invests 乙方投资 " + amount(terms.investmentAmount()) + " " + terms.currency() + ".");
        pdf.heading("3. Jobs 就业岗位");
        pdf.paragraph("Party B creates 乙方创造就业岗位 " + terms.jobs() + " jobs 个.");
        pdf.heading("4. Landing deadline 项目落地期限");
        pdf.paragraph("The project lands by 项目须于以下日期前落地: " + terms.landingDeadline() + ".");
        schedule(pdf, terms);
        milestones(pdf, terms.milestones());
        int section = ContractSections.grants(pdf, terms, 5);
        pdf.heading(section + ". Agreed terms 约定条款");
        pdf.paragraph("These terms are those frozen at the agreement; their SHA-256 fingerprint is 本合同条款与协议冻结条款一致，其SHA-256指纹为:");
        pdf.paragraph(terms.termsFingerprint());
        if (terms.canonicalTerms() != null) {
            pdf.paragraph("They are attached to this file as " + ContractSections.TERMS_FILE + " (application/json); its SHA-256 is the "
                    + "fingerprint above. 约定条款作为附件 " + ContractSections.TERMS_FILE + " 嵌入本文件，其SHA-256即上述指纹。");
            pdf.attach(ContractSections.TERMS_FILE, terms.canonicalTerms().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "application/json", "The agreed terms in canonical JSON; SHA-256 = " + terms.termsFingerprint(), terms.agreedAt());
        }
        pdf.heading((section + 1) + ". Electronic signature 电子签名");
        pdf.paragraph("The parties agree to sign this contract electronically; the executed contract is sealed with the "
                + "commission's digital seal. 双方同意以电子方式签署本合同，签署完成的合同加盖委员会数字印章。");
        ContractSections.clauses(pdf, terms.clauses(), section + 2);
    }

    /** The agreed tranches, only when scheduled: a contract without them renders as before. */
    private static void schedule(PdfComposer pdf, ContractParticulars terms) {
        if (terms.capitalSchedule().isEmpty()) {
            return;
        }
        pdf.paragraph("Capital schedule 出资计划:");
        for (int i = 0; i < terms.capitalSchedule().size(); i++) {
            Tranche tranche = terms.capitalSchedule().get(i);
            pdf.paragraph("   " + (i + 1) + ". " + amount(tranche.amount()) + " " + terms.currency() + " by 前 " + tranche.dueBy());
        }
    }

    /** The agreed milestone deadlines, only when agreed; a milestone left open is not printed. */
    private static void milestones(PdfComposer pdf, MilestoneDeadlines deadlines) {
        if (deadlines == null) {
            return;
        }
        pdf.paragraph("Milestone deadlines 里程碑期限:");
        deadline(pdf, "Business registration 工商注册", deadlines.businessRegistration());
        deadline(pdf, "Land rights 土地使用权", deadlines.landRights());
        deadline(pdf, "Construction start 开工建设", deadlines.constructionStart());
        deadline(pdf, "First capital injection 首笔注资", deadlines.firstCapitalInjection());
        deadline(pdf, "Operation start 投产运营", deadlines.operationStart());
    }

    private static void deadline(PdfComposer pdf, String milestone, LocalDate by) {
        if (by != null) {
            pdf.paragraph("   " + milestone + ": " + by);
        }
    }

    /** Grouped thousands and two decimals whatever the JVM's locale: 120,000,000.00. */
    static String amount(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setParseBigDecimal(true);
        return format.format(value);
    }

    public static String time(Instant at) {
        return UTC.format(at);
    }
}
