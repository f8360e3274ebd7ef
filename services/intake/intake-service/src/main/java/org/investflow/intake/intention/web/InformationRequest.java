package org.investflow.intake.intention.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the officer needs the investor to add or correct. */
public record InformationRequest(@NotBlank @Size(max = 2000) String message) {
}
