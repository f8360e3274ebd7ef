/** The local stack's identity provider: an OAuth2 issuer with the demo users, and a client that logs in as them. */
package org.investflow.identity;
