/** Contracted investment projects: started by an executed contract, tracked milestone by milestone until they land. */
package org.investflow.tracking.project;
