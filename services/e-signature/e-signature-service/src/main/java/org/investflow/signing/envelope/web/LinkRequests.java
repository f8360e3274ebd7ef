package org.investflow.signing.envelope.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.investflow.signing.envelope.DeclineCategory;

/**
 * What a signer's browser sends with their one-time link. The token travels in the body, never in a
 * URL, so it stays out of access logs and Referer headers.
 */
final class LinkRequests {

    private LinkRequests() {
    }

    /** Ask for a one-time code by email. */
    record CodeRequest(@NotBlank String token) {
    }

    /** View the contract with the emailed code. */
    record ViewRequest(@NotBlank String token, @NotNull @Pattern(regexp = "[0-9]{6}") String code) {
    }

    /** Sign with the emailed code, the typed name and explicit consent to sign electronically. */
    record SignRequest(@NotBlank String token, @NotNull @Pattern(regexp = "[0-9]{6}") String code,
                       @NotBlank @Size(max = 200) String typedName, @NotNull @AssertTrue Boolean consent) {
    }

    /** Decline with the emailed code, a category and a reason. */
    record DeclineRequest(@NotBlank String token, @NotNull @Pattern(regexp = "[0-9]{6}") String code,
                          @NotNull DeclineCategory category, @NotBlank @Size(max = 2000) String reason) {
    }
}
