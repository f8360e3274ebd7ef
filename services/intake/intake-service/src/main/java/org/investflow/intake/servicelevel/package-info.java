/** Service levels: how long an intention may wait for a first decision, and flagging the overdue. */
package org.investflow.intake.servicelevel;
