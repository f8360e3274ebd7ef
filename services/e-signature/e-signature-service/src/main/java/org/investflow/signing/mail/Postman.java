package org.investflow.signing.mail;

import java.nio.charset.StandardCharsets;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import jakarta.mail.internet.MimeMessage;
import org.investflow.signing.envelope.OutgoingMail;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Hands one mail to the SMTP server: a blocking call on a bounded-elastic thread, retried a few times
 * (Resilience4j retry) behind a circuit breaker, so an SMTP outage fails fast and the mail stays in
 * the outbox for the next run instead of piling up calls.
 */
public class Postman {

    private final JavaMailSender sender;
    private final String from;
    private final Retry retry;
    private final CircuitBreaker breaker;

    public Postman(JavaMailSender sender, String from, Retry retry, CircuitBreaker breaker) {
        this.sender = sender;
        this.from = from;
        this.retry = retry;
        this.breaker = breaker;
    }

    Mono<Void> deliver(OutgoingMail mail) {
        return Mono.fromRunnable(() -> sender.send(message(mail)))
                .subscribeOn(Schedulers.boundedElastic())
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .transformDeferred(RetryOperator.of(retry))
                .then();
    }

    private MimeMessage message(OutgoingMail mail) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text());
            message.setHeader("X-InvestFlow-Mail-Id", mail.mailId());
            return message;
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalArgumentException("mail " + mail.mailId() + " cannot be composed: " + e.getMessage(), e);
        }
    }
}
