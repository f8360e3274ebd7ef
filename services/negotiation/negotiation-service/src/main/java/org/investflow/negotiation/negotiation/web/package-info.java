/** HTTP API of negotiations. */
package org.investflow.negotiation.negotiation.web;
