/** The commission's calendar: the day it is where the commission works, apart from the UTC clock of instants. */
package org.investflow.tracking.calendar;
