package dev.fleetsync.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.common.Architecture;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourcesJsonTest {

    @Test
    void sourcesSurviveTheColumnWithTheDocumentedMemberNames() {
        List<ApplicationSource> sources = List.of(new ApplicationSource("my-bucket", "k \"quoted\"", "abc", Architecture.ARMHF));

        String json = SourcesJson.write(sources);

        assertThat(json).contains("\"s3Bucket\"", "\"s3Key\"", "\"etag\"", "\"architecture\":\"ARMHF\"");
        assertThat(SourcesJson.read(json)).isEqualTo(sources);
        assertThat(SourcesJson.read(SourcesJson.write(List.of()))).isEmpty();
    }
}
