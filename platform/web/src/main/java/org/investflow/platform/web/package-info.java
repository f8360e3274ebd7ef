/** The HTTP edge: who the caller is, and every error as application/problem+json. */
package org.investflow.platform.web;
