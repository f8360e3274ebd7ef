package org.investflow.benchmarks;

import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The WebFlux limit: the same server stack as the services (Boot, Reactor Netty, WebFlux annotated
 * controllers, Jackson) with none of their work — no token check, no validation, no database, no
 * outbox. It reads the intention body InvestFlow's intake reads and answers 201 with a case id.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, JacksonAutoConfiguration.class,
        CodecsAutoConfiguration.class, NettyReactiveWebServerAutoConfiguration.class,
        HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class})
@Import(BareWebFlux.Intentions.class)
class BareWebFlux {

    static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(BareWebFlux.class)
                .web(WebApplicationType.REACTIVE)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.config.name=bare-webflux",
                        "spring.main.banner-mode=off", "spring.main.log-startup-info=false", "logging.config=" + Benchmarks.LOGGING)
                .run();
    }

    /** One endpoint shaped like intake's submission. */
    @RestController
    static class Intentions {

        @PostMapping("/bare/intentions")
        @ResponseStatus(HttpStatus.CREATED)
        Mono<Map<String, String>> submit(@RequestBody Map<String, Object> intention) {
            return Mono.just(Map.of("caseId", UUID.randomUUID().toString(), "company", String.valueOf(intention.get("companyName"))));
        }
    }
}
