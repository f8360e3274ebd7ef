/** Delivery of the mails envelopes queue (invitations, reminders, one-time codes) over SMTP, from their mail outbox. */
package org.investflow.signing.mail;
