package org.investflow.tracking.pipeline.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PipelineCsvTest {

    @Test
    void quotesOnlyWhatRfc4180Requires() {
        assertThat(PipelineCsv.field("plain")).isEqualTo("plain");
        assertThat(PipelineCsv.field("两江新区")).isEqualTo("两江新区");
        assertThat(PipelineCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(PipelineCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(PipelineCsv.field("line\r\nbreak")).isEqualTo("\"line\r\nbreak\"");
        assertThat(PipelineCsv.field("")).isEmpty();
        assertThat(PipelineCsv.field(null)).isEmpty();
    }
}
