package org.investflow.intake.assignment;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The case officers intake routes to ({@code investflow.intake.assignment.officers}).
 *
 * @param officers every officer with their specialisms
 */
@Validated
@ConfigurationProperties("investflow.intake.assignment")
public record AssignmentProperties(@DefaultValue @Valid List<Officer> officers) {

    /**
     * One officer's specialisms.
     *
     * @param id         the officer's user id (the token subject)
     * @param industries ISIC sections ({@code C}) or section + division codes ({@code C29}); empty = all
     * @param districts  district names; empty = all
     */
    public record Officer(@NotBlank String id, @DefaultValue List<String> industries, @DefaultValue List<String> districts) {

        /** Whether this officer's specialisms cover the industry and the district. */
        public boolean covers(String industryCode, String district) {
            boolean industry = industries.isEmpty() || industries.stream()
                    .anyMatch(code -> code.equals(industryCode) || code.equals(industryCode.substring(0, 1)));
            return industry && (districts.isEmpty() || districts.contains(district));
        }
    }
}
