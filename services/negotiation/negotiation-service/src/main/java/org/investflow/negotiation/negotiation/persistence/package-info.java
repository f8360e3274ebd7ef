/** MongoDB adapters of negotiations. */
package org.investflow.negotiation.negotiation.persistence;
