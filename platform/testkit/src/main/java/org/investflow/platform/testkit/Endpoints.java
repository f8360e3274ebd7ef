package org.investflow.platform.testkit;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Every HTTP endpoint a running service maps, as {@code "METHOD /path/{var}"}. Authorization matrix
 * tests compare it with their rows, so an endpoint added without a row fails the build.
 */
public final class Endpoints {

    private Endpoints() {
    }

    /**
     * The endpoints of InvestFlow's own controllers in {@code context}; actuator and library endpoints
     * (such as the OpenAPI document) are not the services' API and are left out.
     */
    public static Set<String> of(ApplicationContext context) {
        Set<String> endpoints = new TreeSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values()
                .forEach(mapping -> mapping.getHandlerMethods().forEach((info, handler) -> {
                    if (handler.getBeanType().getName().startsWith("org.investflow.")) {
                        add(info, endpoints);
                    }
                }));
        return endpoints;
    }

    private static void add(RequestMappingInfo info, Set<String> endpoints) {
        for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
            info.getMethodsCondition().getMethods()
                    .forEach(method -> endpoints.add(method.name() + " " + pattern.getPatternString()));
        }
    }
}
