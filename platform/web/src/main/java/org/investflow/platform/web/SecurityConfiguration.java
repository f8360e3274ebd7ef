package org.investflow.platform.web;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Every service is an OAuth2 resource server: it accepts only JWT bearer tokens of the configured
 * issuer ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, signature checked against
 * the issuer's JWKS) for the configured audience, with the user's roles in the {@code roles}
 * claim. Health, info and Prometheus metrics are open (in k8s they live on the management port,
 * which a NetworkPolicy opens only to Prometheus),
 * and so is the OpenAPI document; everything else needs a valid token. Refusals are problem+json.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    static final String ROLES_CLAIM = "roles";
    private static final String[] OPEN = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
        "/v3/api-docs", "/v3/api-docs/**"};

    @Bean
    SecurityWebFilterChain investflowSecurity(ServerHttpSecurity http, WebProperties properties) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, error) ->
                ProblemWriter.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "a valid bearer token is required")
                        .doFirst(() -> exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer"));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .cors(cors -> cors.configurationSource(cors(properties)))
                .authorizeExchange(exchange -> exchange
                        .pathMatchers(open(properties)).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint(unauthorized))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .build();
    }

    private static String[] open(WebProperties properties) {
        return Stream.concat(Stream.of(OPEN), properties.publicPaths().stream()).toArray(String[]::new);
    }

    private static ReactiveJwtAuthenticationConverterAdapter roles() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    private static CorsConfigurationSource cors(WebProperties properties) {
        CorsConfiguration portal = new CorsConfiguration();
        portal.setAllowedOrigins(List.of(properties.portalOrigin()));
        portal.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        portal.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match"));
        portal.setExposedHeaders(List.of("Location", "ETag", "Retry-After"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", portal);
        return source;
    }
}
