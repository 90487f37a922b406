package dev.poolscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointsTest {
    private final Endpoints endpoints = new Endpoints();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/api/projects/5062610                          | /api/projects/{id}",
        "/api/projects/17                               | /api/projects/{id}",
        "/api/projects/17/interviews                    | /api/projects/{id}/interviews",
        "/api/coding/stats?project_id=386               | /api/coding/stats",
        "/api/coding/stats?a=1#frag                     | /api/coding/stats",
        "/api/docs#section-2                            | /api/docs",
        "/api/interviews/3f2b8c1e-9d4a-4b7e-8f01-2c3d4e5f6a7b | /api/interviews/{id}",
        "/api/interviews/3F2B8C1E-9D4A-4B7E-8F01-2C3D4E5F6A7B | /api/interviews/{id}",
        "/blobs/507f1f77bcf86cd799439011                | /blobs/{id}",
        "/commits/9fceb02d0ae598e95dc970b74767f19372d61af8 | /commits/{id}",
        "/api/v2/users/me                               | /api/v2/users/me",
        "/api/tags/cafe                                 | /api/tags/cafe",
        "/api/tags/deadbeef1                            | /api/tags/deadbeef1",
        "/api/projects/{project_id}                     | /api/projects/{project_id}",
        "https://example.com:8443/api/projects/17?x=1   | /api/projects/{id}",
        "http://example.com                             | /",
        "/                                              | /",
        "/api/projects/17/                              | /api/projects/{id}/"})
    void groupsPathsIntoRoutes(String raw, String route) {
        assertThat(endpoints.endpoint(null, raw)).isEqualTo(route);
    }

    @Test
    void methodPrefixesTheRouteInUpperCase() {
        assertThat(endpoints.endpoint("get", "/api/projects/17")).isEqualTo("GET /api/projects/{id}");
        assertThat(endpoints.endpoint("", "/api/x")).isEqualTo("/api/x");
    }

    @Test
    void noPathNoEndpoint() {
        assertThat(endpoints.endpoint("GET", null)).isNull();
        assertThat(endpoints.endpoint("GET", "")).isNull();
    }

    @Test
    void hostilelyLongPathsAreCut() {
        String route = endpoints.endpoint("GET", "/" + "a".repeat(5000));
        assertThat(route).hasSizeLessThanOrEqualTo(200).startsWith("GET /aaa");
    }

    @Test
    void decoderPrefersTheRouteFieldOverTheRawPath() throws Exception {
        PoolEvent e = Decoding.decode("{\"method\":\"GET\",\"path\":\"/api/projects/17/interviews\","
                + "\"route\":\"/api/projects/{project_id}/interviews\"}");
        assertThat(e.endpoint()).isEqualTo("GET /api/projects/{project_id}/interviews");
    }
}
