# syntax=docker/dockerfile:1
# One Dockerfile for every InvestFlow service. The build context is the service module
# (services/<svc>/<svc>-service), whose jar Maven has already built (./mvnw package).
# Spring Boot's layered jar is unpacked so that dependencies, which rarely change, form their
# own image layers.
FROM eclipse-temurin:17-jre AS unpack
WORKDIR /build
ARG JAR_FILE=target/*.jar
COPY ${JAR_FILE} app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
# curl serves the compose healthcheck on /actuator/health/readiness.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home investflow
WORKDIR /app
COPY --from=unpack /build/extracted/dependencies/ ./
COPY --from=unpack /build/extracted/spring-boot-loader/ ./
COPY --from=unpack /build/extracted/snapshot-dependencies/ ./
COPY --from=unpack /build/extracted/application/ ./
USER 10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
