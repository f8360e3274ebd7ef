/** Investment intentions: submission by investors, decisions by case officers. */
package org.investflow.intake.intention;
