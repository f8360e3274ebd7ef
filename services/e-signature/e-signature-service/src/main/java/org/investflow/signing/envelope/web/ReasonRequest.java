package org.investflow.signing.envelope.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an officer or leader voids an envelope. */
public record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
}
