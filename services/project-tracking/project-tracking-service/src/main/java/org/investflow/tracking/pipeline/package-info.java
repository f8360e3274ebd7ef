/** The pipeline read model: where every investment case stands in leadership's funnel, fed by every service's events. */
package org.investflow.tracking.pipeline;
