/** Plain-Java aggregate plumbing: the outbox and inbox an aggregate document carries, and domain errors. */
package org.investflow.platform.domain;
