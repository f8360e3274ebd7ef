/** Periodic work of a service: a recurring reactive task, and a MongoDB lease so it runs on one instance at a time. */
package org.investflow.platform.scheduling;
