/** HTTP API of projects. */
package org.investflow.tracking.project.web;
