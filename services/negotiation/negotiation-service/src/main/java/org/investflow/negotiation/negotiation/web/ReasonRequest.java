package org.investflow.negotiation.negotiation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why: an approval, a rejection or a withdrawal always carries a reason. */
public record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
}
