package dev.fleetsync.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void aBareSelectorIsItsMetric() {
        assertThat(PromQl.metricNames("fleetsync_long_polls_waiting")).containsExactly("fleetsync_long_polls_waiting");
    }

    @Test
    void labelNamesAndValuesInsideMatchersAreNotMetrics() {
        assertThat(PromQl.metricNames("http_server_requests_seconds_count{uri!~\"/q/.*\", status=~\"5..|{x}\"}"))
                .containsExactly("http_server_requests_seconds_count");
    }

    @Test
    void functionsAndAggregationsAreNotMetricsWhereverTheirGroupingStands() {
        assertThat(PromQl.metricNames("sum by (uri) (rate(fleetsync_syncs_total[5m]))"
                + " / sum(rate(fleetsync_rejections_total[$__rate_interval])) without (error)"))
                .containsExactlyInAnyOrder("fleetsync_syncs_total", "fleetsync_rejections_total");
    }

    @Test
    void histogramSuffixesAndTheLeLabelAreKeptAsWritten() {
        assertThat(PromQl.metricNames("histogram_quantile(0.95, sum by (le, uri) (rate(http_server_requests_seconds_bucket[5m])))"))
                .containsExactly("http_server_requests_seconds_bucket");
    }

    @Test
    void vectorMatchingKeywordsOffsetsAndNumbersAreNotMetrics() {
        assertThat(PromQl.metricNames("a_total / on (job) group_left (instance) b_total offset 1h > bool 0.5 and c unless d or 1e3"))
                .containsExactlyInAnyOrder("a_total", "b_total", "c", "d");
    }

    @Test
    void grafanaVariablesAndSubqueriesAreNotMetrics() {
        assertThat(PromQl.metricNames("max_over_time(fleetsync_robots{status=\"$status\"}[${window}:1m]) * $scale"))
                .containsExactly("fleetsync_robots");
    }

    @Test
    void aLabelNamedLikeAMetricInAGroupingIsNotOne() {
        assertThat(PromQl.metricNames("count by (fleetsync_syncs_total) (up)")).containsExactly("up");
    }

    @Test
    void anUnclosedMatcherIsRefused() {
        assertThatThrownBy(() -> PromQl.metricNames("up{job=\"x\"")).isInstanceOf(IllegalArgumentException.class);
    }
}
