package org.investflow.intake.intention.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An officer's rejection, with the reason the investor will read. */
public record RejectIntentionRequest(@NotBlank @Size(max = 2000) String reason) {
}
