package org.investflow.intake.intention.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The investor's withdrawal, with an optional reason (empty string when none). */
public record WithdrawalRequest(@NotNull @Size(max = 2000) String reason) {
}
