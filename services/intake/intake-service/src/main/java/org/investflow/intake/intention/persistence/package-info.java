/** MongoDB adapters of intentions. */
package org.investflow.intake.intention.persistence;
