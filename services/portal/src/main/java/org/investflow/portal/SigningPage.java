package org.investflow.portal;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The page behind e-signature's mailed links ({@code <portal>/sign#token=…}): the app itself, which
 * shows the signer's steps when it finds itself at {@code /sign}. The token stays in the fragment, so
 * the browser never sends it here; the signer's calls go to e-signature's open signing-link endpoints
 * (route {@code e-signature-open}, without a token: a signer needs no account).
 */
@Configuration(proxyBeanMethods = false)
class SigningPage {

    static final String PATH = "/sign";

    @Bean
    RouterFunction<ServerResponse> signingPageRoute() {
        Resource app = new ClassPathResource("static/index.html");
        return RouterFunctions.route(GET(PATH), request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(app));
    }
}
