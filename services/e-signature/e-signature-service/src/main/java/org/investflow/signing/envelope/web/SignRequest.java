package org.investflow.signing.envelope.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A signature as the signer's browser sends it: the name they typed to sign. */
public record SignRequest(@NotBlank @Size(max = 200) String typedName) {
}
