/** Shipped reference data of the intention form: industry classification, districts, the negative list. */
package org.investflow.intake.reference;
