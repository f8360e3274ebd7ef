/** MongoDB adapters of projects. */
package org.investflow.tracking.project.persistence;
