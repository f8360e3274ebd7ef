package org.investflow.platform.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.module.SimpleModule;

/**
 * The HTTP edge of every service: bearer-token security, the caller argument, problem+json errors,
 * strict JSON (unknown properties, nulls for primitives and strings where numbers belong are
 * refused; strings are NFC-normalised), a body-size limit, the investor rate limit and the audit
 * endpoint.
 */
@AutoConfiguration
@EnableConfigurationProperties(WebProperties.class)
@Import({ProblemResponses.class, SecurityConfiguration.class, AuditController.class})
public class WebAutoConfiguration {

    @Bean
    WebFluxConfigurer investflowWebFlux(WebProperties properties) {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new CallerResolver());
            }

            @Override
            public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
                configurer.defaultCodecs().maxInMemorySize((int) properties.maxBodySize().toBytes());
            }
        };
    }

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(new SimpleModule("investflow-nfc-strings").addDeserializer(String.class, new NormalizedStrings()));
    }

    @Bean
    InvestorRateLimit investorRateLimit(WebProperties properties, MeterRegistry meters) {
        return new InvestorRateLimit(properties, meters);
    }
}
