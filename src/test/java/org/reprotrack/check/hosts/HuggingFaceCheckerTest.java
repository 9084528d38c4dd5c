package org.reprotrack.check.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.links.CodeHost;

class HuggingFaceCheckerTest extends HostsTestBase {

    private CheckResult check(String path) {
        return checkers().forHost(CodeHost.HUGGINGFACE).orElseThrow().check(fresh(CodeHost.HUGGINGFACE, path));
    }

    private static MockResponse hubError(int code, String errorCode, String message) {
        return new MockResponse.Builder().code(code).addHeader("X-Error-Code", errorCode)
                .addHeader("X-Error-Message", message).body("{\"error\":\"" + message + "\"}").build();
    }

    @Test
    void modelsDatasetsAndSpacesGoToTheirApiPaths() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(file(200, "hf-model.json"));
        }
        check("owner/model");
        check("datasets/owner/name");
        check("spaces/owner/name");

        assertEquals("/api/models/owner/model", taken().getTarget());
        assertEquals("/api/datasets/owner/name", taken().getTarget());
        assertEquals("/api/spaces/owner/name", taken().getTarget());
    }

    @Test
    void publicModelIsOkWithLikesDatesAndCardLicense() {
        server.enqueue(file(200, "hf-model.json"));

        CheckResult r = check("owner/model");

        assertEquals(RepoStatus.OK, r.status());
        assertNotNull(r.metadata());
        assertEquals(77, r.metadata().stars());
        assertEquals(Instant.parse("2024-02-19T11:06:12Z"), r.metadata().pushedAt());
        assertEquals(Instant.parse("2022-03-02T23:29:04Z"), r.metadata().createdAt());
        assertEquals("mit", r.metadata().license(), "cardData wins over the license: tag");
        assertEquals(List.of("transformers", "pytorch", "bert", "en"), r.metadata().topics());
    }

    @Test
    void gatedDatasetIsOkAndTakesItsLicenseFromTags() {
        server.enqueue(file(200, "hf-dataset-gated.json"));

        CheckResult r = check("datasets/owner/name");

        assertEquals(RepoStatus.OK, r.status());
        assertTrue(r.detail().contains("gated: manual"), r.detail());
        assertEquals("cc-by-4.0", r.metadata().license());
    }

    @Test
    void disabledRepositoryIsBlocked() {
        server.enqueue(file(200, "hf-disabled.json"));

        CheckResult r = check("owner/model");

        assertEquals(RepoStatus.BLOCKED, r.status());
        assertEquals("disabled", r.blockReason());
    }

    @Test
    void unauthorizedWithRepoNotFoundIsNotFound() {
        server.enqueue(hubError(401, "RepoNotFound", "Repository Not Found for url: /api/models/owner/gone."));

        CheckResult r = check("owner/gone");

        assertEquals(RepoStatus.NOT_FOUND, r.status());
        assertEquals(401, r.httpStatus());
        assertTrue(r.detail().startsWith("RepoNotFound"));
    }

    @Test
    void notFoundWithRepoNotFoundIsNotFound() {
        server.enqueue(hubError(404, "RepoNotFound", "Repository not found"));

        assertEquals(RepoStatus.NOT_FOUND, check("datasets/owner/gone").status());
    }

    @Test
    void gatedRepoErrorIsStillOk() {
        server.enqueue(hubError(403, "GatedRepo", "Access to model owner/model is restricted."));

        CheckResult r = check("owner/model");

        assertEquals(RepoStatus.OK, r.status());
        assertTrue(r.detail().startsWith("gated"));
    }

    @Test
    void unauthorizedWithoutErrorCodeIsUnknown() {
        server.enqueue(status(401));

        CheckResult r = check("owner/model");

        assertEquals(RepoStatus.UNKNOWN, r.status());
        assertTrue(r.detail().startsWith("forbidden"));
    }

    @Test
    void disabledMessageOnAnErrorIsBlocked() {
        server.enqueue(new MockResponse.Builder().code(403)
                .addHeader("X-Error-Message", "Access to this resource is disabled.").build());

        assertEquals(RepoStatus.BLOCKED, check("owner/model").status());
    }

    @Test
    void tooManyRequestsWaitsRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "12").build());
        server.enqueue(file(200, "hf-model.json"));

        assertEquals(RepoStatus.OK, check("owner/model").status());
        assertEquals(List.of(Duration.ofSeconds(12)), sleeps);
    }

    @Test
    void tooManyRequestsWithDraftRateLimitHeaderWaitsItsReset() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("RateLimit", "\"api\";r=0;t=45").build());
        server.enqueue(file(200, "hf-model.json"));

        assertEquals(RepoStatus.OK, check("owner/model").status());
        assertEquals(List.of(Duration.ofSeconds(45)), sleeps);
    }

    @Test
    void rateLimitLongerThanWeWaitIsUnknownWithoutWaiting() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());

        CheckResult r = check("owner/model");

        assertEquals(RepoStatus.UNKNOWN, r.status());
        assertEquals(429, r.httpStatus());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void serverErrorsAreRetriedThenUnknown() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(status(503));
        }

        CheckResult r = check("owner/model");

        assertEquals(RepoStatus.UNKNOWN, r.status());
        assertEquals(3, server.getRequestCount());
    }
}
