/** Automatic, explained screening of submitted intentions: plausibility, negative list, duplicates, major projects. */
package org.investflow.intake.screening;
