/** The case officers intake routes to, over HTTP, for staff choosing whom to reassign a case to. */
package org.investflow.intake.assignment.web;
