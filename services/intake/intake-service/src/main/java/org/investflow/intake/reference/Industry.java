package org.investflow.intake.reference;

/**
 * An ISIC Rev.4 division, written as its section letter and two-digit division ({@code C29}).
 *
 * @param code     section + division, e.g. {@code C29}
 * @param section  e.g. {@code C}
 * @param division e.g. {@code 29}
 * @param name     the division's name
 */
public record Industry(String code, String section, String division, String name) {
}
