package org.investflow.intake.intention.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A leader's reassignment of a case to another officer. */
public record ReassignmentRequest(@NotBlank @Size(max = 100) String officerId) {
}
