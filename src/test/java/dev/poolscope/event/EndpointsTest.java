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

    // --- metrics.md, "Endpoints": which segments are ids ---

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // all digits, any length
        "0                                    | true",
        "9                                    | true",
        "0123456789                           | true",
        // 16 or more hex characters with at least one digit; each end of each hex range
        "0123456789abcdef                     | true",
        "0123456789ABCDEF                     | true",
        "a000000000000000                     | true",
        "f000000000000000                     | true",
        "A000000000000000                     | true",
        "F000000000000000                     | true",
        "0123456789abcde                      | false",
        "abcdefabcdefabcd                     | false",
        "g000000000000000                     | false",
        "G000000000000000                     | false",
        "`000000000000000                     | false",
        "@000000000000000                     | false",
        "0000000000000000:                    | false",
        "12:34                                | false",
        // a UUID: 36 characters, 4 dashes, hex
        "3f2b8c1e-9d4a-4b7e-8f01-2c3d4e5f6a7b | true",
        "3f2b8c1e-9d4a-4b7e-8f01-2c3d4e5f6a7  | false",
        "3f2b8c1e-9d4a-4b7e-8f01-2c3d4e5f6a7bc | false",
        "3f2b8c1e-9d4a-4b7e-8f01-2c3d4e5f6a-b | false",
        "3f2b8c1e-9d4a-4b7e-8f01-2c3d4e5f6a7g | false",
        // dashes are not hex: a long hex run with a dash is not an id unless it is a UUID
        "0123456789abcdef-                    | false",
        "-                                    | false"})
    void segmentsThatAreIds(String segment, boolean id) {
        assertThat(Endpoints.isIdentifier(segment)).isEqualTo(id);
        assertThat(endpoints.endpoint(null, "/x/" + segment + "/y")).isEqualTo(id ? "/x/{id}/y" : "/x/" + segment + "/y");
    }

    @Test
    void anEmptySegmentStaysEmpty() {
        assertThat(Endpoints.isIdentifier("")).isFalse();
        assertThat(endpoints.endpoint(null, "//a//17")).isEqualTo("//a//{id}");
    }

    @Test
    void onlyASchemeWithAHostIsDropped() {
        // "://" at the very start names no scheme: nothing is dropped
        assertThat(Endpoints.normalizePath("://host/api/17")).isEqualTo("://host/api/{id}");
        assertThat(Endpoints.normalizePath("s://host/api/17")).isEqualTo("/api/{id}");
        assertThat(Endpoints.normalizePath("http://host")).isEqualTo("/");
    }

    @Test
    void aQueryOrFragmentAtTheVeryStartLeavesNoPath() {
        assertThat(Endpoints.normalizePath("?a=1")).isEqualTo("");
        assertThat(Endpoints.normalizePath("#top")).isEqualTo("");
        assertThat(Endpoints.normalizePath("/a?b#c")).isEqualTo("/a");
        assertThat(Endpoints.normalizePath("/a#b?c")).isEqualTo("/a");
    }

    @Test
    void pathsAreCutAt200CharactersBeforeIdsAreFound() {
        String exactly = "/" + "a".repeat(199);
        assertThat(endpoints.endpoint(null, exactly)).isEqualTo(exactly);
        assertThat(endpoints.endpoint(null, exactly + "b")).isEqualTo(exactly);
        // cut first, then grouped: the 200 characters end in a digit segment
        String digits = "/" + "a".repeat(190) + "/12345678901234";
        assertThat(Endpoints.normalizePath(digits)).isEqualTo("/" + "a".repeat(190) + "/{id}");
    }

    @Test
    void theEndpointWithItsMethodIsCutAt200Characters() {
        String path = "/" + "a".repeat(195);   // "GET " + 196 = 200
        assertThat(endpoints.endpoint("GET", path)).isEqualTo("GET " + path);
        String longer = path + "b";
        assertThat(endpoints.endpoint("GET", longer)).isEqualTo("GET " + path);
        assertThat(endpoints.endpoint("POST", longer)).isEqualTo("POST " + path.substring(0, 195));
    }

    @Test
    void aRouteUsedWithManyMethodsNamesEachOne() {
        String[] methods = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "get"};
        for (int round = 0; round < 3; round++) {
            for (String m : methods) {
                assertThat(endpoints.endpoint(m, "/api/projects/" + round)).isEqualTo(
                        m.toUpperCase(java.util.Locale.ROOT) + " /api/projects/{id}");
            }
        }
    }

    @Test
    void twoPathsSharingARememberedSlotKeepTheirOwnRoutes() {
        // the decoder remembers the last path per hash slot (256 of them); two paths in one slot must not mix
        String first = "/api/users";
        String second = null;
        for (int i = 0; second == null; i++) {
            String candidate = "/api/v" + i;
            if ((candidate.hashCode() & 255) == (first.hashCode() & 255)) {
                second = candidate;
            }
        }
        assertThat(endpoints.endpoint(null, first)).isEqualTo("/api/users");
        assertThat(endpoints.endpoint(null, second)).isEqualTo(second);
        assertThat(endpoints.endpoint(null, first)).isEqualTo("/api/users");
        assertThat(endpoints.endpoint("GET", new String(first))).isEqualTo("GET /api/users");
    }

    @Test
    void manyDistinctPathsEachKeepTheirRoute() {
        // more paths than the caches hold (4,096): evicted ones are grouped again, the same way
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 5000; i++) {
                assertThat(endpoints.endpoint(null, "/r" + i + "/" + i)).isEqualTo("/r" + i + "/{id}");
            }
        }
    }

    @Test
    void aRouteGrownByIdsIsCutAt200Characters() {
        // 100 one-digit segments: 200 characters of path, 500 of route
        String path = "/1".repeat(100);
        assertThat(endpoints.endpoint(null, path)).isEqualTo("/{id}".repeat(40));
        assertThat(endpoints.endpoint("GET", path)).isEqualTo("GET " + "/{id}".repeat(40).substring(0, 196));
    }

    @Test
    void aRepeatedEndpointIsOneStringNotOnePerLine() {
        // the analyzers keep endpoints per open checkout: a route and method seen again hands out the same text
        String first = endpoints.endpoint("GET", "/api/projects/17");
        String again = endpoints.endpoint("GET", "/api/projects/18");
        assertThat(first).isEqualTo("GET /api/projects/{id}");
        assertThat(again).isSameAs(first);
        String post = endpoints.endpoint("POST", "/api/projects/19");
        assertThat(post).isEqualTo("POST /api/projects/{id}");
        assertThat(endpoints.endpoint("POST", "/api/projects/20")).isSameAs(post);
        assertThat(endpoints.endpoint("GET", "/api/projects/21")).isSameAs(first);
    }
}
