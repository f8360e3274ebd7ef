package org.investflow.intake.intention.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.investflow.intake.intention.RejectionReason;

/** An officer's rejection: a reason from the controlled list and the text the investor will read. */
public record RejectIntentionRequest(@NotNull RejectionReason reasonCode, @NotBlank @Size(max = 2000) String reason) {
}
