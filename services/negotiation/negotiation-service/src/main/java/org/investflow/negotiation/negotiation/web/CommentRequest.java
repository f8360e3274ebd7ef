package org.investflow.negotiation.negotiation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A remark for the negotiation's thread. */
public record CommentRequest(@NotBlank @Size(max = 4000) String text) {
}
