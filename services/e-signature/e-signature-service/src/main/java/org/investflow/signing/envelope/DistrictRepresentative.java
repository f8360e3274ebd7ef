package org.investflow.signing.envelope;

/**
 * Who signs for a district: no platform user, known by the name and the address the configuration
 * gives for the district. Their address is their identity: links and codes go there only.
 *
 * @param name  printed in the mails, e.g. "Zhou Min 周敏"
 * @param email where their links and codes are mailed
 */
public record DistrictRepresentative(String name, String email) {

    public DistrictRepresentative {
        if (name == null || name.isBlank() || email == null || !email.contains("@")) {
            throw new IllegalArgumentException("a district representative needs a name and an email address");
        }
    }
}
