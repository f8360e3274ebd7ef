/** Fair routing of screened intentions to case officers by their specialisms and current load. */
package org.investflow.intake.assignment;
