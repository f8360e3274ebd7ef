package org.investflow.platform.events;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One event type of a contract: the stable, versioned CloudEvents {@code type} string that goes on
 * the wire and the immutable record it maps to inside the JVM. The Java class name never travels.
 *
 * @param type        e.g. {@code org.investflow.intake.intention-submitted.v1}
 * @param recordClass the record carrying the event's data
 * @param <T>         the record type
 */
public record EventType<T extends Record>(String type, Class<T> recordClass) {

    private static final Pattern TYPE = Pattern.compile("org\\.investflow\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+");

    public EventType {
        Objects.requireNonNull(recordClass, "recordClass");
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("event type must look like org.investflow.<service>.<name>.v<n>: " + type);
        }
    }

    /** The schema/golden-example file stem, e.g. {@code intention-submitted.v1}. */
    public String fileStem() {
        String[] parts = type.split("\\.");
        return parts[parts.length - 2] + "." + parts[parts.length - 1];
    }
}
