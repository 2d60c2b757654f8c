package dev.fleetsync.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void theHeaderIsTheTimestampAndTheHmacOfTimestampDotBody() {
        String header = WebhookSignature.header("key", 1, "{}".getBytes(StandardCharsets.UTF_8));

        // computed apart from Java: printf '1.{}' | openssl dgst -sha256 -hmac key
        assertThat(header).isEqualTo("t=1,v1=1ba6b8171186efc613e8bcc0cbdab2748f24984d7c5a84faa2637afa0e40d224");
    }

    @Test
    void anotherBodyOrTimeGivesAnotherSignature() {
        byte[] body = "{\"seq\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.hmac("s", 10, body)).isNotEqualTo(WebhookSignature.hmac("s", 11, body))
                .isNotEqualTo(WebhookSignature.hmac("s", 10, "{\"seq\":2}".getBytes(StandardCharsets.UTF_8)));
    }
}
