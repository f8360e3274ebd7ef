package org.investflow.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.investflow.platform.domain.ForbiddenException;
import org.investflow.platform.domain.IllegalTransitionException;
import org.investflow.platform.domain.InvalidInputException;
import org.investflow.platform.domain.NotFoundException;
import org.investflow.platform.domain.RuleViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import reactor.core.publisher.Mono;

/**
 * Every error of every service as {@code application/problem+json} (RFC 9457): domain refusals by
 * their kind, invalid input with one entry per offending field.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final String TOO_LARGE = "the request body is too large";

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ProblemDetail> illegalTransition(IllegalTransitionException e) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.CONFLICT, e.getMessage());
        response.getBody().setProperty("currentState", e.currentState());
        return response;
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolationException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "the request has invalid fields");
        response.getBody().setProperty("errors", e.fieldErrors().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(error -> Map.of("field", error.getKey(), "message", error.getValue())).toList());
        return response;
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(UnauthenticatedException.class)
    ResponseEntity<ProblemDetail> unauthenticated(UnauthenticatedException e) {
        return problem(HttpStatus.UNAUTHORIZED, e.getMessage());
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, DuplicateKeyException.class})
    ResponseEntity<ProblemDetail> concurrentChange(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "the resource was changed concurrently; read it again and retry");
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request has invalid fields");
        body.setProperty("errors", fieldErrors(e.getFieldErrors()));
        return Mono.just(ResponseEntity.badRequest().body(body));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request has invalid fields");
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors beanErrors) {
                errors.addAll(fieldErrors(beanErrors.getFieldErrors()));
            } else {
                result.getResolvableErrors().forEach(error -> errors.add(Map.of(
                        "field", parameterName(result), "message", String.valueOf(error.getDefaultMessage()))));
            }
        }
        body.setProperty("errors", errors);
        return Mono.just(ResponseEntity.badRequest().body(body));
    }

    /** Unreadable bodies: 413 when too large ({@link #tooLarge}), else 400 naming the offending JSON field where known. */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (causeOf(e, DataBufferLimitException.class) != null) {
            return tooLarge(TOO_LARGE);
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request body is not valid JSON for this endpoint");
        DatabindException json = causeOf(e, DatabindException.class);
        if (json != null && !json.getPath().isEmpty()) {
            body.setProperty("errors", List.of(Map.of("field", path(json), "message", String.valueOf(json.getOriginalMessage()),
                    "code", json instanceof UnrecognizedPropertyException ? UNKNOWN_FIELD : TYPE_MISMATCH)));
        }
        return Mono.just(ResponseEntity.badRequest().body(body));
    }

    /** A body over a limit, as WebFlux reports it when its decoder stops at the limit, or a handler: {@link #tooLarge}. */
    @Override
    protected Mono<ResponseEntity<Object>> handleResponseStatusException(ResponseStatusException e, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        if (status.value() != HttpStatus.PAYLOAD_TOO_LARGE.value()) {
            return super.handleResponseStatusException(e, headers, status, exchange);
        }
        // WebFlux's own (ContentTooLargeException) says how many bytes it buffers; a handler's says what it allows
        return tooLarge(e instanceof ContentTooLargeException || e.getReason() == null ? TOO_LARGE : e.getReason());
    }

    /**
     * 413, and the connection closes ({@code Connection: close}): the decoder stopped reading at the limit, so the rest of
     * the body may still be due on the connection; kept open, the server would wait for it and read a client's next
     * request there as that rest.
     */
    private static Mono<ResponseEntity<Object>> tooLarge(String detail) {
        return Mono.just(ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, detail)));
    }

    private static String path(DatabindException error) {
        return error.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String parameterName(ParameterValidationResult result) {
        RequestHeader header = result.getMethodParameter().getParameterAnnotation(RequestHeader.class);
        if (header != null) {
            return header.value().isEmpty() ? header.name() : header.value();
        }
        return String.valueOf(result.getMethodParameter().getParameterName());
    }

    /** The code of a field error whose value is of the wrong JSON type, as Spring's data binding names it. */
    static final String TYPE_MISMATCH = "typeMismatch";
    /** The code of a field the endpoint does not know. */
    static final String UNKNOWN_FIELD = "unknownField";

    /** Each field's error: its path, the constraint's message (English) and the constraint's name as a code ({@code NotBlank}). */
    private static List<Map<String, String>> fieldErrors(List<FieldError> errors) {
        return errors.stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()),
                        "code", String.valueOf(error.getCode())))
                .toList();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
