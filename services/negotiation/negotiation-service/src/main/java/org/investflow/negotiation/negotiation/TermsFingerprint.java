package org.investflow.negotiation.negotiation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.investflow.negotiation.events.Land;
import org.investflow.negotiation.events.MilestoneDeadlines;
import org.investflow.negotiation.events.Terms;

/**
 * The identity of a set of terms: lowercase hex SHA-256 of their canonical JSON form. The contract
 * and every signature refer to agreed terms by it, so it must not depend on any JSON library's
 * settings: the canonical form is written here by hand, with a fixed field order, the amount as a
 * plain string of scale 2 and the date in ISO-8601 (see the service README for why).
 *
 * @param hex 64 lowercase hex digits
 */
public record TermsFingerprint(String hex) {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    public TermsFingerprint {
        if (hex == null || !SHA_256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a terms fingerprint is 64 lowercase hex digits");
        }
    }

    /** The fingerprint of {@code terms}. */
    public static TermsFingerprint of(Terms terms) {
        return new TermsFingerprint(HexFormat.of().formatHex(sha256(canonicalJson(terms))));
    }

    /**
     * {@code {"investmentAmount":"120000000.00","currency":"EUR","jobs":350,"landingDeadline":"2027-12-31"}}:
     * no whitespace, UTF-8. Terms with structure (schedule, land, incentives, milestones, conditions)
     * continue after {@code landingDeadline} with those five members, always all five and in this
     * order; terms without any keep exactly the first release's form, so their fingerprints do not
     * change. Amounts are strings of scale 2, other numbers plain strings without trailing zeros,
     * absent values {@code null}, free text escaped as JSON requires.
     */
    static String canonicalJson(Terms terms) {
        String basic = "{\"investmentAmount\":" + quote(money(terms.investmentAmount()))
                + ",\"currency\":" + quote(terms.currency())
                + ",\"jobs\":" + terms.jobs()
                + ",\"landingDeadline\":" + quote(date(terms.landingDeadline()));
        return terms.hasStructure() ? basic + structure(terms) + "}" : basic + "}";
    }

    private static String structure(Terms terms) {
        return ",\"capitalSchedule\":" + terms.capitalSchedule().stream()
                .map(t -> "{\"amount\":" + quote(money(t.amount())) + ",\"dueBy\":" + quote(date(t.dueBy())) + "}")
                .collect(Collectors.joining(",", "[", "]"))
                + ",\"land\":" + land(terms.land())
                + ",\"incentives\":" + terms.incentives().stream()
                .map(i -> "{\"kind\":" + quote(i.kind()) + ",\"value\":" + quote(number(i.value()))
                        + ",\"policyBasis\":" + quote(i.policyBasis()) + "}")
                .collect(Collectors.joining(",", "[", "]"))
                + ",\"milestones\":" + milestones(terms.milestones())
                + ",\"specialConditions\":" + terms.specialConditions().stream().map(TermsFingerprint::quote)
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String land(Land land) {
        if (land == null) {
            return "null";
        }
        return "{\"areaSquareMetres\":" + quote(number(land.areaSquareMetres())) + ",\"district\":" + quote(land.district())
                + ",\"use\":" + quote(land.use()) + ",\"tenure\":" + quote(land.tenure())
                + ",\"price\":" + (land.price() == null ? "null" : quote(money(land.price())))
                + ",\"leaseYears\":" + (land.leaseYears() == null ? "null" : land.leaseYears()) + "}";
    }

    private static String milestones(MilestoneDeadlines m) {
        if (m == null) {
            return "null";
        }
        return "{\"businessRegistration\":" + date(m.businessRegistration(), true) + ",\"landRights\":" + date(m.landRights(), true)
                + ",\"constructionStart\":" + date(m.constructionStart(), true)
                + ",\"firstCapitalInjection\":" + date(m.firstCapitalInjection(), true)
                + ",\"operationStart\":" + date(m.operationStart(), true) + "}";
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String date(LocalDate day) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(day);
    }

    private static String date(LocalDate day, boolean nullable) {
        return day == null ? "null" : quote(date(day));
    }

    /** A JSON string: quotes, backslashes and control characters escaped, everything else as is. */
    static String quote(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> json.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return json.append('"').toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
