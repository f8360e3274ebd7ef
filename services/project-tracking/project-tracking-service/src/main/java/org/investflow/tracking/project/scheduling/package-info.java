/** The scheduled delay check: projects past their landing deadline with milestones still missing become DELAYED. */
package org.investflow.tracking.project.scheduling;
