/** Time in a service: the UTC clock, recurring reactive tasks, and a MongoDB lease so a job runs on one instance at a time. */
package org.investflow.platform.scheduling;
