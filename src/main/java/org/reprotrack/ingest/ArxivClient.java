package org.reprotrack.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.reprotrack.paper.Paper;

/**
 * The arXiv API ({@code /api/query}): fetches papers by id, at most one request per interval as
 * arXiv asks. Answers are Atom feeds, read by the same reader as Atom files.
 */
public final class ArxivClient {

    /** arXiv's id_list takes at most this many ids per request for our purposes. */
    public static final int MAX_IDS = 100;

    private final OkHttpClient http;
    private final HttpUrl apiUrl;
    private final Throttle throttle;

    public ArxivClient(OkHttpClient http, String apiUrl, Duration minInterval, Clock clock) {
        this(http, apiUrl, new Throttle(minInterval, clock, Throttle.Sleeper.REAL));
    }

    ArxivClient(OkHttpClient http, String apiUrl, Throttle throttle) {
        HttpUrl url = HttpUrl.parse(apiUrl);
        if (url == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + apiUrl);
        }
        this.http = http;
        this.apiUrl = url;
        this.throttle = throttle;
    }

    /**
     * Fetches the papers with the given ids (without versions). Ids the API does not know are
     * simply absent from the answer.
     *
     * @throws ArxivException when the API cannot be reached or answers with an error or a broken feed
     */
    public List<Paper> fetch(List<String> ids) throws ArxivException, InterruptedException {
        if (ids.isEmpty()) {
            return List.of();
        }
        if (ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("at most " + MAX_IDS + " ids per request, got " + ids.size());
        }
        HttpUrl url = apiUrl.newBuilder()
                .addQueryParameter("id_list", String.join(",", ids))
                .addQueryParameter("start", "0")
                .addQueryParameter("max_results", String.valueOf(ids.size()))
                .build();
        return get(url, ids.size() + " ids").papers();
    }

    /** One page of a search: its papers and the total the query matches. */
    public record SearchPage(List<Paper> papers, long total) {
    }

    /**
     * One page of an arXiv API search ({@code search_query}, e.g. {@code cat:cs.CV AND
     * submittedDate:[202508010000 TO 202508312359]}), oldest submissions first so paging is stable.
     */
    public SearchPage search(String query, int start, int pageSize) throws ArxivException, InterruptedException {
        HttpUrl url = apiUrl.newBuilder()
                .addQueryParameter("search_query", query)
                .addQueryParameter("start", String.valueOf(start))
                .addQueryParameter("max_results", String.valueOf(pageSize))
                .addQueryParameter("sortBy", "submittedDate")
                .addQueryParameter("sortOrder", "ascending")
                .build();
        return get(url, "query " + query);
    }

    /** One throttled request; the feed's entries and total (error entries and unknown ids are simply absent). */
    private SearchPage get(HttpUrl url, String what) throws ArxivException, InterruptedException {
        throttle.acquire();
        Request request = new Request.Builder().url(url).header("User-Agent", ArxivClient.userAgent()).build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() != 200) {
                throw new ArxivException("arXiv API answered HTTP " + response.code() + " for " + what);
            }
            List<Paper> papers = new ArrayList<>();
            AtomReader.FeedSummary summary;
            try (InputStream in = response.body().byteStream()) {
                summary = new AtomReader().readFeed(in, new RecordSink() {
                    @Override
                    public void accept(Paper paper) {
                        papers.add(paper);
                    }

                    @Override
                    public void skip(long line, String reason) {
                        // an error entry or an unknown id: that paper stays as it was
                    }
                });
            } catch (InputException e) {
                throw new ArxivException("arXiv API sent a broken feed: " + e.reason());
            }
            Long total = summary.totalResults();
            return new SearchPage(papers, total == null ? papers.size() : total);
        } catch (IOException e) {
            throw new ArxivException("cannot reach the arXiv API at " + apiUrl.host() + ": " + e.getMessage());
        }
    }

    private static String userAgent() {
        String v = ArxivClient.class.getPackage().getImplementationVersion();
        return "reprotrack/" + (v == null ? "dev" : v) + " (+https://github.com/reprotrack/reprotrack)";
    }
}
