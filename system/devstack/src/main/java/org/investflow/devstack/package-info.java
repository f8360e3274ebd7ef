/**
 * The InvestFlow local stack: real infrastructure (an Apache Kafka broker in KRaft mode) started as
 * child processes on this machine, without Docker.
 */
package org.investflow.devstack;
