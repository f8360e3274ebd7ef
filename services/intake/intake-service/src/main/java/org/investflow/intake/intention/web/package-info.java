/** HTTP API of intentions. */
package org.investflow.intake.intention.web;
