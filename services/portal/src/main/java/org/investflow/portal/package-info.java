/** The portal's backend-for-frontend: login, session, CSRF, security headers and the routes to the services. */
package org.investflow.portal;
