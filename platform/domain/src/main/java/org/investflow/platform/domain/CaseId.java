package org.investflow.platform.domain;

/**
 * The id of one investment case, minted by intake (e.g. {@code CQ-2026-000123}) and carried by every
 * service's aggregate and event for that case; on the wire and in documents it is the plain string.
 */
public record CaseId(String value) {

    private static final int MAX_LENGTH = 64;

    public CaseId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("case id is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("case id longer than " + MAX_LENGTH + " characters");
        }
    }

    public static CaseId of(String value) {
        return new CaseId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
