package org.investflow.signing.contract;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import org.investflow.signing.envelope.AgreedIncentive;
import org.investflow.signing.envelope.AgreedLand;
import org.investflow.signing.envelope.ContractClauses;

/**
 * The contract's sections that appear only when agreed: land, incentives, special conditions, and the
 * standard clauses frozen with the envelope. A contract without any renders exactly as before they existed,
 * so the hashes of contracts already signed never change.
 */
final class ContractSections {

    /** The name of the embedded canonical terms. */
    static final String TERMS_FILE = "agreed-terms.json";

    private ContractSections() {
    }

    /**
     * Party B's registration number, country and authorised signatory, each when known: a contract of an agreement
     * without them renders as before, and the contract the signers sign never names the signatory.
     */
    static void investor(PdfComposer pdf, ContractParticulars terms) {
        if (terms.registrationNumber() != null) {
            pdf.paragraph("   Registration no. 注册号: " + terms.registrationNumber());
        }
        if (terms.country() != null) {
            pdf.paragraph("   Country 国家/地区: " + terms.country());
        }
        if (terms.investorSignatory() != null) {
            pdf.paragraph("   Authorised signatory 授权签字人: " + terms.investorSignatory());
        }
    }

    /** Prints land, incentives and special conditions when agreed, numbered from {@code first}; answers the next number. */
    static int grants(PdfComposer pdf, ContractParticulars terms, int first) {
        int section = first;
        if (terms.land() != null) {
            land(pdf, terms.land(), terms.currency(), section++);
        }
        if (!terms.incentives().isEmpty()) {
            incentives(pdf, terms.incentives(), terms.currency(), section++);
        }
        if (!terms.specialConditions().isEmpty()) {
            pdf.heading(section++ + ". Special conditions 特别条款");
            List<String> conditions = terms.specialConditions();
            for (int i = 0; i < conditions.size(); i++) {
                pdf.paragraph("   " + (i + 1) + ". " + conditions.get(i));
            }
        }
        return section;
    }

    private static void land(PdfComposer pdf, AgreedLand land, String currency, int section) {
        boolean lease = "LEASE".equals(land.tenure());
        pdf.heading(section + ". Land 土地");
        pdf.paragraph("District 区县: " + land.district());
        pdf.paragraph("Area 面积: " + number(land.areaSquareMetres()) + " m² 平方米");
        pdf.paragraph("Use 用途: " + land.use());
        pdf.paragraph("Tenure 取得方式: " + land.tenure() + (lease ? " 租赁" : " 出让"));
        if (land.price() != null) {
            pdf.paragraph((lease ? "Yearly rent 年租金: " : "Purchase price 出让价: ") + ContractTemplate.amount(land.price()) + " " + currency);
        }
        if (land.leaseYears() != null) {
            pdf.paragraph("Lease term 租期: " + land.leaseYears() + " years 年");
        }
    }

    private static void incentives(PdfComposer pdf, List<AgreedIncentive> incentives, String currency, int section) {
        pdf.heading(section + ". Incentives 优惠政策");
        for (int i = 0; i < incentives.size(); i++) {
            AgreedIncentive incentive = incentives.get(i);
            pdf.paragraph("   " + (i + 1) + ". " + label(incentive.kind()) + " (" + incentive.kind() + "): " + valueOf(incentive, currency));
            pdf.paragraph("      Policy basis 政策依据: " + incentive.policyBasis());
        }
    }

    private static String label(String kind) {
        return switch (kind) {
            case "TAX_REBATE" -> "Tax rebate 税收返还";
            case "SUBSIDY" -> "Subsidy 补贴";
            case "RENT_FREE" -> "Rent-free period 免租期";
            default -> "Incentive 优惠";
        };
    }

    private static String valueOf(AgreedIncentive incentive, String currency) {
        return switch (incentive.kind()) {
            case "TAX_REBATE" -> number(incentive.value()) + " %";
            case "RENT_FREE" -> number(incentive.value()) + " years 年";
            default -> ContractTemplate.amount(incentive.value()) + " " + currency;
        };
    }

    /** The governing-law and dispute-resolution clauses, numbered from {@code first}; nothing for envelopes drafted before them. */
    static void clauses(PdfComposer pdf, ContractClauses clauses, int first) {
        if (clauses == null) {
            return;
        }
        pdf.heading(first + ". Governing law 适用法律");
        pdf.paragraph(clauses.governingLaw());
        pdf.heading((first + 1) + ". Dispute resolution 争议解决");
        pdf.paragraph(clauses.disputeResolution());
    }

    /** Grouped thousands, no trailing zeros: 25,000 or 12.5. */
    static String number(BigDecimal value) {
        return new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}
