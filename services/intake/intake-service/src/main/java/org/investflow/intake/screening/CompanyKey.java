package org.investflow.intake.screening;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A company name reduced to what identifies it, so "ACME GmbH", "Acme G.m.b.H." and "acme" compare
 * equal: compatibility-normalised, lower-cased, without punctuation and common legal-form suffixes.
 */
public final class CompanyKey {

    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{Punct}\\p{Space}（）()，、]+");
    private static final Pattern LEGAL_FORMS = Pattern.compile(
            "(gmbh|ag|kg|ltd|limited|inc|incorporated|corp|corporation|co|company|llc|plc|sa|sas|srl|spa|bv|nv|kk|pte|有限责任公司|股份有限公司|有限公司|公司)$");

    private CompanyKey() {
    }

    public static String of(String legalName) {
        String key = PUNCTUATION.matcher(Normalizer.normalize(legalName, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
                .replaceAll("");
        String previous;
        do {
            previous = key;
            key = LEGAL_FORMS.matcher(key).replaceAll("");
        } while (!key.equals(previous) && !key.isEmpty());
        return key.isEmpty() ? previous : key;
    }
}
