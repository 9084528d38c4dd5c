package org.reprotrack.links;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Names the repository a URL points to, per the host table of extraction.md; null for every other
 * link (project pages, accounts, organisations, documentation, self-hosted forges).
 */
final class RepoRefParser {

    /** First path segments GitHub reserves for its own pages: never an owner. */
    private static final Set<String> GITHUB_RESERVED = Set.of(
            "orgs", "topics", "features", "marketplace", "settings", "login", "logout", "join", "signup",
            "about", "sponsors", "search", "apps", "collections", "explore", "trending", "site", "pricing",
            "enterprise", "enterprises", "security", "users", "notifications", "new", "codespaces",
            "pulls", "issues", "customer-stories", "readme", "team", "contact", "events", "dashboard",
            "account", "organizations", "stars", "watching", "resources", "solutions", "mobile",
            "nonprofit", "education", "sessions", "auth", "partners", "home", "git-guides", "open-source",
            "premium-support", "copilot", "models", "blog", "github-copilot", "discussions", "downloads");

    private static final Set<String> GITLAB_RESERVED = Set.of(
            "explore", "users", "groups", "help", "dashboard", "projects", "search", "admin", "api",
            "-", "oauth", "profile");

    /** GitLab pages below a project, written without the {@code /-/} separator by older URLs. */
    private static final Set<String> GITLAB_PROJECT_PAGES = Set.of(
            "tree", "blob", "raw", "issues", "merge_requests", "commits", "commit", "wikis", "releases",
            "tags", "archive", "pipelines", "wiki");

    private static final Set<String> HUGGINGFACE_RESERVED = Set.of(
            "papers", "docs", "blog", "models", "datasets", "spaces", "collections", "organizations",
            "settings", "login", "join", "pricing", "learn", "tasks", "chat", "posts", "api", "new",
            "enterprise", "changelog", "welcome", "inference-endpoints", "support", "terms-of-service",
            "privacy", "huggingface", "brand", "jobs", "notifications", "search");

    private static final Set<String> BITBUCKET_RESERVED = Set.of("account", "dashboard", "product", "repo", "site");

    /** The repository {@code url} names, or null when it is not a repository on a code host. */
    @Nullable
    RepoRef parse(UrlParts url) {
        CodeHost host = CodeHost.ofDomain(url.host()).orElse(null);
        if (host == null) {
            return null;
        }
        String path = switch (host) {
            case GITHUB -> github(url);
            case GIST -> gist(url);
            case GITLAB -> gitlab(url);
            case BITBUCKET -> ownerRepo(url, BITBUCKET_RESERVED);
            case CODEBERG, GITEE -> ownerRepo(url, Set.of());
            case HUGGINGFACE -> huggingface(url);
            case ANONYMOUS_4OPEN -> prefixed(url, "r");
            case SOURCEFORGE -> prefixed(url, "projects");
        };
        return path == null ? null : new RepoRef(host, path);
    }

    private static @Nullable String github(UrlParts url) {
        String owner = url.segment(0);
        String repo = stripGit(url.segment(1));
        if (!isGithubOwner(owner) || GITHUB_RESERVED.contains(owner.toLowerCase(Locale.ROOT)) || !isRepoName(repo)) {
            return null;
        }
        return owner + "/" + repo;
    }

    private static @Nullable String gist(UrlParts url) {
        String first = url.segment(0);
        String second = url.segment(1);
        if (!second.isEmpty()) {
            return isGithubOwner(first) && isAlnum(second) ? first + "/" + second : null;
        }
        // a lone segment is a gist id (hex, long) or an account page
        return first.length() >= 7 && isHex(first) ? first : null;
    }

    private static @Nullable String gitlab(UrlParts url) {
        if (GITLAB_RESERVED.contains(url.segment(0).toLowerCase(Locale.ROOT))) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        int count = 0;
        for (int i = 0; i < url.segments().size(); i++) {
            String seg = url.segments().get(i);
            if (seg.equals("-") || (count >= 2 && GITLAB_PROJECT_PAGES.contains(seg))) {
                break;
            }
            seg = stripGit(seg);
            if (!isRepoName(seg)) {
                return null;
            }
            if (count > 0) {
                path.append('/');
            }
            path.append(seg);
            count++;
        }
        return count >= 2 ? path.toString() : null;
    }

    private static @Nullable String ownerRepo(UrlParts url, Set<String> reserved) {
        String owner = url.segment(0);
        String repo = stripGit(url.segment(1));
        if (!isRepoName(owner) || reserved.contains(owner.toLowerCase(Locale.ROOT)) || !isRepoName(repo)) {
            return null;
        }
        return owner + "/" + repo;
    }

    private static @Nullable String huggingface(UrlParts url) {
        String first = url.segment(0);
        String lower = first.toLowerCase(Locale.ROOT);
        if (lower.equals("datasets") || lower.equals("spaces")) {
            String owner = url.segment(1);
            String name = url.segment(2);
            return isRepoName(owner) && isRepoName(name) ? first + "/" + owner + "/" + name : null;
        }
        String model = url.segment(1);
        if (!isRepoName(first) || HUGGINGFACE_RESERVED.contains(lower) || !isRepoName(model)) {
            return null;
        }
        return first + "/" + model;
    }

    private static @Nullable String prefixed(UrlParts url, String prefix) {
        String name = stripGit(url.segment(1));
        return url.segment(0).equals(prefix) && isRepoName(name) ? prefix + "/" + name : null;
    }

    private static String stripGit(String seg) {
        return seg.regionMatches(true, Math.max(0, seg.length() - 4), ".git", 0, 4) && seg.length() > 4
                ? seg.substring(0, seg.length() - 4)
                : seg;
    }

    /** GitHub owner: 1-39 of {@code [A-Za-z0-9-]}. */
    private static boolean isGithubOwner(String s) {
        if (s.isEmpty() || s.length() > 39) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Chars.isHostChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Repository name: 1-100 of {@code [A-Za-z0-9._-]}, not {@code .} or {@code ..}. */
    private static boolean isRepoName(String s) {
        if (s.isEmpty() || s.length() > 100 || s.equals(".") || s.equals("..")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Chars.isAlnum(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlnum(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Chars.isAlnum(s.charAt(i))) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if (!Chars.isDigit(c) && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }
}
