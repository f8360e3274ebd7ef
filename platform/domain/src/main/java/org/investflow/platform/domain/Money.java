package org.investflow.platform.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money in one currency: an exact decimal and an ISO 4217 code, never a double.
 * Arithmetic refuses to mix currencies rather than convert silently.
 */
public record Money(BigDecimal amount, String currency) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(amount, "amount");
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, was " + currency);
        }
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /** Whether this is at least {@code other}; both in the same currency. */
    public boolean isAtLeast(Money other) {
        return amount.compareTo(sameCurrency(other).amount) >= 0;
    }

    /** Equal amounts whatever their scale ({@code 1.0 EUR} and {@code 1.00 EUR}). */
    public boolean sameValueAs(Money other) {
        return currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
