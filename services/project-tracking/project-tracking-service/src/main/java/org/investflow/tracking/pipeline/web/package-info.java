/** HTTP API of the pipeline: leadership's funnel and each case's way through it. */
package org.investflow.tracking.pipeline.web;
