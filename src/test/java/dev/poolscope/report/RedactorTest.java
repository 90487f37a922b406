package dev.poolscope.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private final Redactor r = Redactor.defaults();

    @Test
    void keyValueSecretsKeepTheirKey() {
        assertThat(r.redact("/login?user=ann&password=hunter2&next=/")).isEqualTo("/login?user=ann&password=***&next=/");
        assertThat(r.redact("PGPASSWORD=s3cr3t psql -h db")).isEqualTo("PGPASSWORD=*** psql -h db");
        assertThat(r.redact("db.password: s3cr3t")).isEqualTo("db.password: ***");
        assertThat(r.redact("{\"password\": \"s3cr3t\", \"user\": \"ann\"}")).isEqualTo("{\"password\": ***, \"user\": \"ann\"}");
        assertThat(r.redact("/reset?token=abc123&csrf_token=def456")).isEqualTo("/reset?token=***&csrf_token=***");
        assertThat(r.redact("api_key=AKIA123 apikey:xyz")).isEqualTo("api_key=*** apikey:***");
    }

    @Test
    void authorizationHeadersAndBearerTokens() {
        assertThat(r.redact("Authorization: Bearer eyJhbGciOi.payload.sig")).isEqualTo("Authorization: ***");
        assertThat(r.redact("authorization=Basic dXNlcjpwYXNz")).isEqualTo("authorization=***");
        assertThat(r.redact("sent bearer eyJhbGciOiJIUzI1NiJ9 upstream")).isEqualTo("sent bearer *** upstream");
    }

    @Test
    void credentialsInDsnsLoseThePasswordOnly() {
        assertThat(r.redact("connecting to postgresql://app:pa55w0rd@db.internal:5432/heldout"))
                .isEqualTo("connecting to postgresql://app:***@db.internal:5432/heldout");
        assertThat(r.redact("redis://:only-a-password@cache:6379/0")).isEqualTo("redis://:***@cache:6379/0");
        assertThat(r.redact("postgresql://127.0.0.1/heldout")).isEqualTo("postgresql://127.0.0.1/heldout");
    }

    @Test
    void commandLineFlags() {
        assertThat(r.redact("pg_dump --password hunter2 --host db")).isEqualTo("pg_dump --password *** --host db");
    }

    @Test
    void ordinaryLogStringsAreLeftAlone() {
        for (String s : List.of("GET /api/projects/{id}", "2b5bd688-3319-4b26-b35d-012897b5b14f", "web-1/26680",
                "139700565699584", "2026-11-27T15:15:48.076553Z", "POST /api/auth/login", "(unknown)")) {
            assertThat(r.redact(s)).as(s).isEqualTo(s);
        }
    }

    @Test
    void userPatternsMaskTheirSecretGroupOrTheWholeMatch() {
        Redactor custom = Redactor.none().and(List.of("(?i)ssn=(?<secret>\\d+)", "\\b\\d{16}\\b"));
        assertThat(custom.redact("ssn=123456789 card 4111111111111111")).isEqualTo("ssn=*** card ***");
        assertThat(custom.active()).isTrue();
        assertThat(Redactor.none().redact("password=x")).isEqualTo("password=x");
        assertThatThrownBy(() -> Redactor.of(List.of("(unclosed"))).isInstanceOf(PatternSyntaxException.class);
    }
}
