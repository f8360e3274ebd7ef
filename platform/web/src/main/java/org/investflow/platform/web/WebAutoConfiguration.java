package org.investflow.platform.web;

import java.time.Clock;
import java.time.LocalDate;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.module.SimpleModule;

/**
 * The HTTP edge of every service: bearer-token security, the caller argument, problem+json errors,
 * strict JSON (unknown properties, duplicate keys, nulls for primitives, strings where numbers
 * belong and dates not written as ISO strings are refused; strings are NFC-normalised), a body-size limit, the investor rate limit and the audit
 * endpoint, and an OpenAPI document of the service's API.
 */
@AutoConfiguration
@EnableConfigurationProperties({WebProperties.class, OverloadProperties.class})
@Import({ProblemResponses.class, SecurityConfiguration.class, WebAutoConfiguration.Audit.class})
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
                // "jobs": 350.5 must not become 350
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // {"name":"a","name":"b"} would let a proxy or log see another value than the service
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(new SimpleModule("investflow-strict-values")
                        .addDeserializer(String.class, new NormalizedStrings())
                        .addDeserializer(LocalDate.class, new IsoDates()));
    }

    /**
     * Wraps the resource server's JWT decoder (Boot's, with the issuer's keys, issuer and audience checks) in
     * {@link VerifiedTokens}, so a token already verified is not verified again at each request.
     */
    @Bean
    static BeanPostProcessor verifiedTokens(ObjectProvider<MeterRegistry> meters) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof VerifiedTokens)) {
                    VerifiedTokens tokens = new VerifiedTokens(decoder, Clock.systemUTC());
                    MeterRegistry registry = meters.getIfAvailable();
                    return registry == null ? tokens : tokens.measuredBy(registry);
                }
                return bean;
            }
        };
    }

    /** The OpenAPI document ({@code /v3/api-docs}) names the bearer-token scheme every operation needs. */
    @Bean
    OpenAPI investflowOpenApi(@Value("${spring.application.name:investflow}") String service) {
        return new OpenAPI()
                .info(new Info().title("InvestFlow " + service).version("v1"))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** Resolves the client's address behind the trusted proxies, for audit trails as for the rate limit. */
    @Bean
    ClientAddress clientAddress(WebProperties properties) {
        return new ClientAddress(properties.trustedProxies());
    }

    @Bean
    InvestorRateLimit investorRateLimit(WebProperties properties, MeterRegistry meters) {
        return new InvestorRateLimit(properties, meters);
    }

    @Bean
    OverloadShedding overloadShedding(OverloadProperties properties, MeterRegistry meters) {
        return new OverloadShedding(properties, meters);
    }

    /** The audit endpoint, in services that store aggregates in MongoDB. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.data.mongodb.core.ReactiveMongoTemplate")
    @Import(AuditController.class)
    static class Audit {

        @Bean
        AuditTrail auditTrail(ReactiveMongoTemplate mongo) {
            return new AuditTrail(mongo);
        }
    }
}
