package org.investflow.negotiation.negotiation.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which form of the diff a client gets: text only when it ranks text/plain above JSON. */
class DiffViewTest {

    @ParameterizedTest(name = "Accept: {0} -> text: {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "none | false",
            "' ' | false",
            "*/* | false",
            "application/json | false",
            "text/plain | true",
            "text/* | true",
            "text/plain;charset=UTF-8 | true",
            "'application/json, text/plain' | false",
            "'text/plain, application/json' | true",
            "'text/plain;q=0.5, application/json' | false",
            "'application/json;q=0.2, text/plain;q=0.9' | true",
            "'text/plain;q=0.1, */*' | false",
            "'text/html, text/plain' | true",
            "not a media type | false"})
    void textOnlyWhenPlainTextIsPreferred(String accept, boolean text) {
        assertThat(DiffView.prefersText(accept)).isEqualTo(text);
    }
}
