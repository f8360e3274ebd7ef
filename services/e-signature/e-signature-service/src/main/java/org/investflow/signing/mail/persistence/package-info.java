/** How queued mails are stored in their envelope's document: bodies sealed at rest. */
package org.investflow.signing.mail.persistence;
