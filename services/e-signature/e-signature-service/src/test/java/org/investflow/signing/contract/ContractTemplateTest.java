package org.investflow.signing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ContractTemplateTest {

    @Test
    void theSameTermsAndTemplateRenderByteIdenticalPdfs() {
        byte[] first = ContractTemplate.draft(Particulars.agreed()).bytes();
        byte[] again = ContractTemplate.draft(Particulars.agreed("120000000")).bytes();
        assertThat(again).isEqualTo(first);
    }

    @Test
    void theRenderingDoesNotDependOnTheJvmsLocaleOrTimeZone() {
        String hash = ContractTemplate.draft(Particulars.agreed()).sha256();
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
            assertThat(ContractTemplate.draft(Particulars.agreed()).sha256()).isEqualTo(hash);
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void theDocumentHashIsPinned() {
        // pinned: a change of template, font or PDFBox that alters the bytes must be a deliberate new template version
        assertThat(ContractTemplate.draft(Particulars.agreed()).sha256())
                .isEqualTo("864a3dc3b238146dd535441845c4c4dc0700d6101bc43047229ac4d8fecd545c");
    }

    @Test
    void otherTermsRenderAnotherDocument() {
        String agreed = ContractTemplate.draft(Particulars.agreed()).sha256();
        assertThat(ContractTemplate.draft(Particulars.agreed("120000000.01")).sha256()).isNotEqualTo(agreed);
    }

    @Test
    void theChineseTextIsInThePdfAndReadsBackExactly() throws IOException {
        String text = textOf(ContractTemplate.draft(Particulars.agreed()).bytes());
        assertThat(text).contains(Particulars.COMPANY, "投资合同", "合同双方", "重庆市商务委员会", "项目落地期限",
                "120,000,000.00 EUR", "2027-12-31", Particulars.FINGERPRINT, ContractTemplate.VERSION);
    }

    @Test
    void theAgreedCapitalScheduleAndMilestoneDeadlinesArePrintedAndRenderDeterministically() throws IOException {
        byte[] scheduled = ContractTemplate.draft(Particulars.scheduled()).bytes();
        assertThat(ContractTemplate.draft(Particulars.scheduled()).bytes()).isEqualTo(scheduled);
        assertThat(ContractTemplate.draft(Particulars.scheduled()).sha256()).isNotEqualTo(ContractTemplate.draft(Particulars.agreed()).sha256());
        assertThat(textOf(scheduled)).contains("出资计划", "1. 20,000,000.00 EUR by 前 2026-09-30",
                "2. 100,000,000.00 EUR by 前 2027-06-30", "里程碑期限", "Business registration 工商注册: 2026-06-30",
                "Operation start 投产运营: 2027-12-01").doesNotContain("Land rights");
    }

    @Test
    void theCjkFontIsEmbeddedAsASubsetInEveryPage() throws IOException {
        try (PDDocument document = Loader.loadPDF(ContractTemplate.draft(Particulars.agreed()).bytes())) {
            for (var page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).matches("[A-Z]{6}\\+WenQuanYiMicroHei");
                }
            }
            assertThat(document.getDocumentInformation().getProducer()).isEqualTo(PdfComposer.PRODUCER);
            assertThat(document.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(Particulars.AGREED);
        }
    }

    @Test
    void theExecutedContractPrintsTheSignaturesInAnyScriptAndIsDeterministicToo() throws IOException {
        RenderedPdf executed = ContractTemplate.executed(Particulars.agreed(), "a".repeat(64), Particulars.signatures());
        assertThat(ContractTemplate.executed(Particulars.agreed(), "a".repeat(64), Particulars.signatures()).bytes()).isEqualTo(executed.bytes());
        assertThat(textOf(executed.bytes())).contains("李伟", "Hans Müller", "商务委代表", "a".repeat(64), "2026-03-12 08:00:00 UTC");
    }

    @Test
    void aCharacterTheFontLacksRendersAsAQuestionMarkInsteadOfFailing() throws IOException {
        ContractParticulars particulars = Particulars.agreed();
        ContractParticulars exotic = new ContractParticulars(particulars.caseId(), particulars.agreementId(), particulars.investorId(),
                "Ꭰ Cherokee 𓀀 Co", new BigDecimal("1"), "EUR", 1, particulars.landingDeadline(), particulars.termsFingerprint(),
                particulars.agreedAt());
        assertThat(textOf(ContractTemplate.draft(exotic).bytes())).contains("? Cherokee ? Co");
    }

    @Test
    void aLongChineseNameWrapsWithinThePage() throws IOException {
        ContractParticulars particulars = Particulars.agreed();
        String longName = "重庆".repeat(60) + "有限公司";
        ContractParticulars wide = new ContractParticulars(particulars.caseId(), particulars.agreementId(), particulars.investorId(),
                longName, particulars.investmentAmount(), "EUR", 1, particulars.landingDeadline(), particulars.termsFingerprint(),
                particulars.agreedAt());
        assertThat(textOf(ContractTemplate.draft(wide).bytes()).replaceAll("\\s", "")).contains(longName);
    }

    @Test
    void theCertificateOfCompletionNamesSignersHashesAndTheChainHeadInChineseToo() throws IOException {
        RenderedPdf certificate = CompletionCertificate.render(Particulars.agreed(), "envelope-1", "a".repeat(64), "b".repeat(64),
                Particulars.signatures(), java.util.List.of(new CompletionCertificate.AuditLine(1, "SENT", "investflow/SYSTEM",
                        "2026-03-12 06:00:00 UTC", "c".repeat(64))), "c".repeat(64));
        assertThat(textOf(certificate.bytes())).contains("完成证书", "李伟", Particulars.COMPANY, "a".repeat(64), "b".repeat(64),
                "审计链头: " + "c".repeat(64));
    }

    static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
