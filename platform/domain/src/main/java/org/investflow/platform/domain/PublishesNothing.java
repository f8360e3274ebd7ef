package org.investflow.platform.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@link AggregateRoot} kept only for its inbox and history, whose outbox stays empty (a read model built from
 * events): the outbox relay does not sweep its collection. Without it, a read model of a million documents was read
 * whole every relay interval for events it never has (the funnel benchmark caught one such sweep taking 3 s).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublishesNothing {
}
