/** The form's reference data over HTTP, open to the public portal. */
package org.investflow.intake.reference.web;
