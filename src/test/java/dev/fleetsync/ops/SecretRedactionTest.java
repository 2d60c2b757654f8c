package dev.fleetsync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {

    @Test
    void aSigV4AuthorizationHeaderKeepsItsCredentialScopeButLosesItsSignature() {
        String header = "Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-west-2/robomaker/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=" + "ab12".repeat(16);

        assertThat(SecretRedaction.redact(header)).isEqualTo("Authorization: AWS4-HMAC-SHA256 "
                + "Credential=AKIDEXAMPLE/20260101/us-west-2/robomaker/aws4_request, SignedHeaders=host;x-amz-date, Signature=<redacted>");
    }

    @Test
    void presignedQueryTokensAndPasswordsAreRedacted() {
        assertThat(SecretRedaction.redact("GET /x?X-Amz-Signature=abc123&X-Amz-Security-Token=FwoG%2Bxyz&a=1"))
                .isEqualTo("GET /x?X-Amz-Signature=<redacted>&X-Amz-Security-Token=<redacted>&a=1");
        assertThat(SecretRedaction.redact("connecting with password=hunter2, secret-access-key: wJalrX"))
                .isEqualTo("connecting with password=<redacted>, secret-access-key: <redacted>");
    }

    @Test
    void aRecordWithParametersIsLoggedRedactedAndStillLoggable() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "verifying %s", ExtLogRecord.FormatStyle.PRINTF, "test");
        record.setParameters(new Object[] {"Signature=" + "ff".repeat(32)});

        boolean loggable = new SecretRedaction().isLoggable(record);

        assertThat(loggable).isTrue();
        assertThat(record.getFormattedMessage()).isEqualTo("verifying Signature=<redacted>");
    }

    @Test
    void ordinaryMessagesAreLeftAlone() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "CreateFleet 200 12 ms", "test");

        new SecretRedaction().isLoggable(record);

        assertThat(record.getFormattedMessage()).isEqualTo("CreateFleet 200 12 ms");
    }
}
