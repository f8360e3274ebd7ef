package org.investflow.signing.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.text.PDFTextStripper;
import org.investflow.negotiation.events.AgreementReached;
import org.investflow.negotiation.events.Incentive;
import org.investflow.negotiation.events.Land;
import org.investflow.negotiation.events.MilestoneDeadlines;
import org.investflow.negotiation.events.Terms;
import org.investflow.negotiation.events.Tranche;
import org.investflow.platform.events.Actor;
import org.investflow.platform.events.Role;
import org.investflow.signing.audit.Origin;
import org.investflow.signing.contract.ContractTemplate;
import org.investflow.signing.contract.EnvelopeContract;
import org.investflow.signing.contract.RenderedPdf;
import org.junit.jupiter.api.Test;

/**
 * Every agreed term reaches the contract: the test walks every component of negotiation's {@link Terms} and of the
 * records inside it by reflection, and fails when a value is not in the text PDFBox extracts from the rendered
 * contract. A component added to {@code Terms} later fails it until the template prints it. The parties are walked the
 * same way: every component of {@code AgreementReached} that names Party B, and the investor's authorised signatory,
 * must be printed in the Parties section. The contract also embeds the exact canonical terms whose SHA-256 it prints.
 */
class EveryAgreedTermPrintedTest {

    static final ContractClauses CLAUSES = new ContractClauses("Governed by the laws of the People's Republic of China. 适用中国法律。",
            "Disputes go to the Chongqing Arbitration Commission. 提交重庆仲裁委员会仲裁。");

    /** Terms with every component set, each value distinct, as version 3 of the demo's term sheet (with its subsidy). */
    static Terms everything() {
        return new Terms(new BigDecimal("120000000.00"), "EUR", 351, LocalDate.of(2027, 12, 31),
                List.of(new Tranche(new BigDecimal("20000000.00"), LocalDate.of(2026, 9, 30)),
                        new Tranche(new BigDecimal("100000000.00"), LocalDate.of(2027, 6, 30))),
                new Land(new BigDecimal("25000.5"), "Liangjiang New Area", "INDUSTRIAL", "LEASE", new BigDecimal("125000.00"), 27),
                List.of(new Incentive(Incentive.SUBSIDY, new BigDecimal("10000000.00"), "Chongqing advanced manufacturing subsidy (2026)"),
                        new Incentive(Incentive.TAX_REBATE, new BigDecimal("15"), "Liangjiang tax policy art. 7"),
                        new Incentive(Incentive.RENT_FREE, new BigDecimal("3"), "Municipal land circular 12")),
                new MilestoneDeadlines(LocalDate.of(2026, 5, 31), LocalDate.of(2026, 7, 15), LocalDate.of(2026, 11, 1),
                        LocalDate.of(2026, 8, 20), LocalDate.of(2027, 11, 30)),
                List.of("The plant employs at least 40 engineers.", "研发中心设在重庆。"));
    }

    static final String CANONICAL = "{\"investmentAmount\":\"120000000.00\",\"currency\":\"EUR\",\"jobs\":351}";

    /** The components of {@link AgreementReached} that name Party B, each printed among the parties. */
    static final List<String> PARTY_B = List.of("companyName", "investorId", "registrationNumber", "country");
    static final String SIGNATORY = "Hans Müller";

    static AgreementReached reached(Terms terms) {
        return new AgreementReached("CQ-2026-000123", "investor-de-1", "officer-li", "5f0c7a2e-8d41-4b7e-9c3a-2b6f1e9d4a10", 3,
                "Rheinmetall Präzision GmbH 重庆分公司", terms, RenderedPdf.sha256(CANONICAL.getBytes(StandardCharsets.UTF_8)),
                Instant.parse("2026-03-12T06:00:00Z"), Actor.SYSTEM, null, CANONICAL, "HRB 123456", "DE");
    }

    /** The executed contract of {@code reached} once the investor's signatory and the officer signed. */
    static RenderedPdf executedContract(AgreementReached reached) {
        TestDesk desk = new TestDesk();
        Envelope envelope = Envelope.send("envelope-1", EnvelopeService.agreementOf(reached, CLAUSES), "d".repeat(64),
                Envelopes.NOW, desk).envelope();
        envelope.sign(new Actor("investor-de-1", Role.INVESTOR), SIGNATORY, Envelopes.NOW, Origin.SYSTEM, desk);
        Envelopes.sign(envelope, new Actor("officer-li", Role.OFFICER), "Li Wei", Envelopes.NOW, Origin.SYSTEM, desk);
        return ContractTemplate.executed(EnvelopeContract.executedParticularsOf(envelope), envelope.documentHash(),
                EnvelopeContract.signatureLinesOf(envelope));
    }

    /** The text of the contract's Parties section, whitespace collapsed. */
    static String partiesSection(byte[] contract) throws IOException {
        try (PDDocument document = Loader.loadPDF(contract)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            return text.substring(text.indexOf("1. Parties 合同双方"), text.indexOf("2. Investment 投资金额"));
        }
    }

    @Test
    void everyComponentOfTheAgreedTermsIsPrintedInTheContract() throws IOException {
        RenderedPdf contract = ContractTemplate.draft(EnvelopeContract.particularsOf(EnvelopeService.agreementOf(reached(everything()), CLAUSES)));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/contract-with-every-term.pdf"), contract.bytes());
        String text;
        try (PDDocument document = Loader.loadPDF(contract.bytes())) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        List<String> missing = new ArrayList<>();
        walk("terms", everything(), text, missing);
        assertThat(missing).as("agreed terms not printed in the contract").isEmpty();
        assertThat(text).contains(CLAUSES.governingLaw(), CLAUSES.disputeResolution(), "Rheinmetall Präzision GmbH 重庆分公司");
    }

    @Test
    void everyPartyOfTheAgreementAndTheInvestorsSignatoryArePrintedAmongTheParties() throws IOException {
        String parties = partiesSection(executedContract(reached(everything())).bytes());
        List<String> missing = new ArrayList<>();
        walkParties(reached(everything()), parties, missing);
        walk("signatory", SIGNATORY, parties, missing);
        assertThat(missing).as("parties not printed in the executed contract's Parties section").isEmpty();
        assertThat(parties).contains("Registration no. 注册号: HRB 123456", "Country 国家/地区: DE",
                "Authorised signatory 授权签字人: " + SIGNATORY);
    }

    @Test
    void theContractTheSignersSignNamesTheRegistrationButNoSignatoryAndAnAgreementWithoutThemRendersAsBefore() throws IOException {
        AgreementReached reached = reached(everything());
        String parties = partiesSection(ContractTemplate.draft(EnvelopeContract.particularsOf(EnvelopeService.agreementOf(reached, CLAUSES))).bytes());
        assertThat(parties).contains("HRB 123456", "国家/地区: DE").doesNotContain("授权签字人");
        AgreementReached earlier = new AgreementReached(reached.caseId(), reached.investorId(), reached.officerId(), reached.agreementId(),
                reached.version(), reached.companyName(), reached.terms(), reached.termsFingerprint(), reached.occurredAt(), reached.actor(),
                null, CANONICAL);
        RenderedPdf before = ContractTemplate.draft(EnvelopeContract.particularsOf(EnvelopeService.agreementOf(earlier, CLAUSES)));
        assertThat(partiesSection(before.bytes())).doesNotContain("注册号", "国家/地区");
    }

    @Test
    void aTermLeftOutOfTheTemplateWouldBeFound() {
        List<String> missing = new ArrayList<>();
        walk("terms", everything(), "nothing printed", missing);
        walkParties(reached(everything()), "nothing printed", missing);
        assertThat(missing).contains("terms.land.district = Liangjiang New Area", "terms.incentives[0].policyBasis = Chongqing advanced manufacturing subsidy (2026)",
                "registrationNumber = HRB 123456", "country = DE");
    }

    /** As {@link #walk} for the components of {@code reached} that name Party B. */
    static void walkParties(AgreementReached reached, String text, List<String> missing) {
        for (String component : PARTY_B) {
            try {
                walk(component, AgreementReached.class.getMethod(component).invoke(reached), text, missing);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("AgreementReached has no component " + component, e);
            }
        }
    }

    @Test
    void theContractEmbedsTheCanonicalTermsAsAnAssociatedJsonFileWhoseHashIsThePrintedFingerprint() throws IOException {
        AgreementReached reached = reached(everything());
        RenderedPdf contract = ContractTemplate.draft(EnvelopeContract.particularsOf(EnvelopeService.agreementOf(reached, CLAUSES)));
        try (PDDocument document = Loader.loadPDF(contract.bytes())) {
            Map<String, PDComplexFileSpecification> files = document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
            PDComplexFileSpecification terms = files.get("agreed-terms.json");
            assertThat(terms.getEmbeddedFile().getSubtype()).isEqualTo("application/json");
            assertThat(terms.getCOSObject().getNameAsString("AFRelationship")).isEqualTo("Data");
            byte[] embedded = terms.getEmbeddedFile().toByteArray();
            assertThat(new String(embedded, StandardCharsets.UTF_8)).isEqualTo(CANONICAL);
            assertThat(RenderedPdf.sha256(embedded)).isEqualTo(reached.termsFingerprint());
            assertThat(new PDFTextStripper().getText(document)).contains(reached.termsFingerprint());
        }
    }

    /** Adds to {@code missing} every leaf value of {@code value} (a record, list or plain value) that {@code text} lacks. */
    static void walk(String path, Object value, String text, List<String> missing) {
        if (value == null) {
            missing.add(path + " is null: give every component a value");
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(path + "[" + i + "]", list.get(i), text, missing);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    walk(path + "." + component.getName(), component.getAccessor().invoke(value), text, missing);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else if (printedForms(value).stream().noneMatch(text::contains)) {
            missing.add(path + " = " + value);
        }
    }

    private static List<String> printedForms(Object value) {
        if (value instanceof BigDecimal number) {
            DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
            return List.of(new DecimalFormat("#,##0.00", symbols).format(number), new DecimalFormat("#,##0.##########", symbols).format(number));
        }
        return List.of(String.valueOf(value));
    }
}
