using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Aitronos.Codegen.JsonBenchmarks;

/// <summary>
/// The benchmark's JSON, made here rather than checked in: deterministic, valid against bench.openapi.yaml and the
/// System.Text.Json models alike, and written the way both serializers write (same property order, escaping and
/// number/date formats), so that a read followed by a write gives back the same bytes on either side.
/// A repository is a fork, as a code host returns one: with its parent and source repositories inside it.
/// </summary>
internal static class Payloads
{
    private static readonly string[] s_owners = { "contoso-platform", "northwind-devex", "fabrikam-telemetry", "tailspin-data", "wingtip-mobile" };
    private static readonly string[] s_words = { "telemetry", "pipeline", "gateway", "scheduler", "resolver", "indexer", "compiler", "renderer", "ledger", "mirror", "relay", "catalog", "sandbox", "toolkit" };
    private static readonly string[] s_topics = { "dotnet", "csharp", "openapi", "code-generation", "source-generators", "json", "http-client", "rest-api", "observability", "performance", "native-aot", "trimming", "developer-tools", "sdk", "automation", "ci", "testing", "benchmarks", "serialization", "api-client" };
    // Not UTC: the two sides write UTC differently (the generated writer "Z", as servers send it; STJ "+00:00"), and
    // the check below wants both to write the payload back byte for byte.
    private static readonly DateTimeOffset s_epoch = new(2014, 5, 12, 9, 30, 0, TimeSpan.FromHours(2));

    /// <summary>One full repository (a fork, with its parent and source), about 24 KB.</summary>
    public static byte[] FullRepository() => Write(writer => Repository(writer, 0, withForkNetwork: true));

    /// <summary>A JSON array of <paramref name="count"/> full repositories like <see cref="FullRepository"/>.</summary>
    public static byte[] FullRepositoryList(int count) => Write(writer =>
    {
        writer.WriteStartArray();
        for (int i = 0; i < count; i++)
        {
            Repository(writer, i, withForkNetwork: true);
        }

        writer.WriteEndArray();
    });

    /// <summary>The small model: one label.</summary>
    public static byte[] Label() => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", 5_013_224_871L);
        writer.WriteString("name", "type: performance regression");
        writer.WriteString("color", "d73a4a");
        writer.WriteString("description", "Something got slower than it was in the last release.");
        writer.WriteBoolean("default", false);
        writer.WriteEndObject();
    });

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    // n picks the variant; a fork's parent and source are repositories of their own (n + 1000, n + 2000), with a
    // shorter description and neither an organization nor a fork network of their own.
    private static void Repository(Utf8JsonWriter w, int n, bool withForkNetwork)
    {
        string owner = s_owners[n % s_owners.Length];
        string name = $"{s_words[n % s_words.Length]}-{s_words[(n / 3 + 5) % s_words.Length]}-{n.ToString(CultureInfo.InvariantCulture)}";
        long id = 4_200_000_000L + n * 7_919L;
        string api = $"https://api.codehost.example/repos/{owner}/{name}";
        string html = $"https://codehost.example/{owner}/{name}";
        DateTimeOffset created = s_epoch.AddHours(n * 37);

        w.WriteStartObject();
        w.WriteNumber("id", id);
        w.WriteString("node_id", "R_kgDO" + id.ToString("X", CultureInfo.InvariantCulture));
        w.WriteString("name", name);
        w.WriteString("full_name", owner + "/" + name);
        w.WritePropertyName("owner");
        User(w, n, owner, organization: n % 2 == 0);
        w.WriteBoolean("private", n % 5 == 0);
        w.WriteString("html_url", html);
        w.WriteString("description", Description(n, name, full: withForkNetwork));
        w.WriteBoolean("fork", withForkNetwork);
        w.WriteString("url", api);
        w.WriteString("archive_url", api + "/{archive_format}{/ref}");
        w.WriteString("assignees_url", api + "/assignees{/user}");
        w.WriteString("blobs_url", api + "/git/blobs{/sha}");
        w.WriteString("branches_url", api + "/branches{/branch}");
        w.WriteString("collaborators_url", api + "/collaborators{/collaborator}");
        w.WriteString("comments_url", api + "/comments{/number}");
        w.WriteString("commits_url", api + "/commits{/sha}");
        w.WriteString("compare_url", api + "/compare/{base}...{head}");
        w.WriteString("contents_url", api + "/contents/{+path}");
        w.WriteString("contributors_url", api + "/contributors");
        w.WriteString("deployments_url", api + "/deployments");
        w.WriteString("downloads_url", api + "/downloads");
        w.WriteString("events_url", api + "/events");
        w.WriteString("forks_url", api + "/forks");
        w.WriteString("git_commits_url", api + "/git/commits{/sha}");
        w.WriteString("git_refs_url", api + "/git/refs{/sha}");
        w.WriteString("git_tags_url", api + "/git/tags{/sha}");
        w.WriteString("git_url", $"git://codehost.example/{owner}/{name}.git");
        w.WriteString("issue_comment_url", api + "/issues/comments{/number}");
        w.WriteString("issue_events_url", api + "/issues/events{/number}");
        w.WriteString("issues_url", api + "/issues{/number}");
        w.WriteString("keys_url", api + "/keys{/key_id}");
        w.WriteString("labels_url", api + "/labels{/name}");
        w.WriteString("languages_url", api + "/languages");
        w.WriteString("merges_url", api + "/merges");
        w.WriteString("milestones_url", api + "/milestones{/number}");
        w.WriteString("notifications_url", api + "/notifications{?since,all,participating}");
        w.WriteString("pulls_url", api + "/pulls{/number}");
        w.WriteString("releases_url", api + "/releases{/id}");
        w.WriteString("ssh_url", $"git@codehost.example:{owner}/{name}.git");
        w.WriteString("stargazers_url", api + "/stargazers");
        w.WriteString("statuses_url", api + "/statuses/{sha}");
        w.WriteString("subscribers_url", api + "/subscribers");
        w.WriteString("subscription_url", api + "/subscription");
        w.WriteString("tags_url", api + "/tags");
        w.WriteString("teams_url", api + "/teams");
        w.WriteString("trees_url", api + "/git/trees{/sha}");
        w.WriteString("clone_url", html + ".git");
        w.WriteNull("mirror_url");
        w.WriteString("hooks_url", api + "/hooks");
        w.WriteString("svn_url", html);
        if (n % 3 == 0) w.WriteNull("homepage");
        else w.WriteString("homepage", $"https://{name}.docs.codehost.example/getting-started");
        if (n % 7 == 6) w.WriteNull("language");
        else w.WriteString("language", n % 2 == 0 ? "C#" : "TypeScript");
        w.WriteNumber("forks_count", 17 + n * 3);
        w.WriteNumber("stargazers_count", 1_204 + n * 61);
        w.WriteNumber("watchers_count", 1_204 + n * 61);
        w.WriteNumber("size", 48_213 + n * 977);
        w.WriteString("default_branch", "main");
        w.WriteNumber("open_issues_count", 42 + n % 17);
        w.WriteBoolean("is_template", false);
        w.WriteStartArray("topics");
        for (int t = 0; t < 8 + n % 9; t++)
        {
            w.WriteStringValue(s_topics[(n + t * 3) % s_topics.Length]);
        }

        w.WriteEndArray();
        w.WriteBoolean("has_issues", true);
        w.WriteBoolean("has_projects", n % 2 == 1);
        w.WriteBoolean("has_wiki", n % 4 != 0);
        w.WriteBoolean("has_pages", n % 6 == 0);
        w.WriteBoolean("has_downloads", true);
        w.WriteBoolean("has_discussions", n % 3 == 1);
        w.WriteBoolean("archived", false);
        w.WriteBoolean("disabled", false);
        w.WriteString("visibility", n % 5 == 0 ? "private" : "public");
        w.WriteString("pushed_at", created.AddDays(400 + n).AddMinutes(-3 * n));
        w.WriteString("created_at", created);
        w.WriteString("updated_at", created.AddDays(400 + n));
        w.WriteStartObject("permissions");
        w.WriteBoolean("admin", n % 2 == 0);
        w.WriteBoolean("maintain", n % 2 == 0);
        w.WriteBoolean("push", true);
        w.WriteBoolean("triage", true);
        w.WriteBoolean("pull", true);
        w.WriteEndObject();
        w.WriteBoolean("allow_rebase_merge", true);
        if (n % 2 == 0) w.WriteString("temp_clone_token", "AB7Q" + id.ToString("X", CultureInfo.InvariantCulture) + "MZKQ3XWJ6RQGV2LT");
        w.WriteBoolean("allow_squash_merge", true);
        w.WriteBoolean("allow_auto_merge", n % 3 == 0);
        w.WriteBoolean("delete_branch_on_merge", true);
        w.WriteBoolean("allow_merge_commit", n % 2 == 1);
        w.WriteBoolean("allow_update_branch", true);
        w.WriteBoolean("use_squash_pr_title_as_default", true);
        w.WriteString("squash_merge_commit_title", "PR_TITLE");
        w.WriteString("squash_merge_commit_message", "COMMIT_MESSAGES");
        w.WriteString("merge_commit_title", "MERGE_MESSAGE");
        w.WriteString("merge_commit_message", "PR_TITLE");
        w.WriteBoolean("allow_forking", true);
        w.WriteBoolean("web_commit_signoff_required", false);
        w.WriteNumber("subscribers_count", 88 + n);
        w.WriteNumber("network_count", 17 + n * 3);
        w.WritePropertyName("license");
        License(w, n);
        if (withForkNetwork && n % 2 == 0)
        {
            w.WritePropertyName("organization");
            User(w, n, owner, organization: true);
        }

        if (withForkNetwork)
        {
            w.WritePropertyName("parent");
            Repository(w, n + 1000, withForkNetwork: false);
            w.WritePropertyName("source");
            Repository(w, n + 2000, withForkNetwork: false);
        }

        w.WriteNumber("forks", 17 + n * 3);
        w.WriteNumber("open_issues", 42 + n % 17);
        w.WriteNumber("watchers", 1_204 + n * 61);
        if (n % 3 != 2)
        {
            w.WriteStartObject("code_of_conduct");
            w.WriteString("key", "contributor_covenant");
            w.WriteString("name", "Contributor Covenant");
            w.WriteString("url", "https://api.codehost.example/codes_of_conduct/contributor_covenant");
            w.WriteString("html_url", html + "/blob/main/CODE_OF_CONDUCT.md");
            w.WriteEndObject();
        }

        w.WriteStartObject("security_and_analysis");
        Status(w, "advanced_security", n % 2 == 0);
        Status(w, "secret_scanning", true);
        Status(w, "secret_scanning_push_protection", n % 3 != 0);
        Status(w, "dependabot_security_updates", n % 4 != 1);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void User(Utf8JsonWriter w, int n, string login, bool organization)
    {
        long id = 9_100_000_000L + n * 104_729L + (organization ? 1 : 0);
        string api = "https://api.codehost.example/users/" + login;
        w.WriteStartObject();
        if (n % 2 == 0) w.WriteString("name", organization ? "Contoso Platform" : "Ada Q. Lovelace-Okonkwo");
        if (n % 3 == 0) w.WriteString("email", login + "@users.noreply.codehost.example");
        w.WriteString("login", login);
        w.WriteNumber("id", id);
        w.WriteString("node_id", (organization ? "O_kgDO" : "U_kgDO") + id.ToString("X", CultureInfo.InvariantCulture));
        w.WriteString("avatar_url", $"https://avatars.codehost.example/u/{id.ToString(CultureInfo.InvariantCulture)}?v=4");
        w.WriteString("gravatar_id", string.Empty);
        w.WriteString("url", api);
        w.WriteString("html_url", "https://codehost.example/" + login);
        w.WriteString("followers_url", api + "/followers");
        w.WriteString("following_url", api + "/following{/other_user}");
        w.WriteString("gists_url", api + "/gists{/gist_id}");
        w.WriteString("starred_url", api + "/starred{/owner}{/repo}");
        w.WriteString("subscriptions_url", api + "/subscriptions");
        w.WriteString("organizations_url", api + "/orgs");
        w.WriteString("repos_url", api + "/repos");
        w.WriteString("events_url", api + "/events{/privacy}");
        w.WriteString("received_events_url", api + "/received_events");
        w.WriteString("type", organization ? "Organization" : "User");
        w.WriteBoolean("site_admin", false);
        w.WriteString("user_view_type", "public");
        w.WriteEndObject();
    }

    private static void License(Utf8JsonWriter w, int n)
    {
        w.WriteStartObject();
        switch (n % 3)
        {
            case 0:
                w.WriteString("key", "mit");
                w.WriteString("name", "MIT License");
                w.WriteString("url", "https://api.codehost.example/licenses/mit");
                w.WriteString("spdx_id", "MIT");
                w.WriteString("node_id", "MDc6TGljZW5zZTEz");
                w.WriteString("html_url", "https://codehost.example/licenses/mit");
                break;
            case 1:
                w.WriteString("key", "apache-2.0");
                w.WriteString("name", "Apache License 2.0");
                w.WriteString("url", "https://api.codehost.example/licenses/apache-2.0");
                w.WriteString("spdx_id", "Apache-2.0");
                w.WriteString("node_id", "MDc6TGljZW5zZTI=");
                w.WriteString("html_url", "https://codehost.example/licenses/apache-2.0");
                break;
            default:
                w.WriteString("key", "other");
                w.WriteString("name", "Other");
                w.WriteNull("url");
                w.WriteString("spdx_id", "NOASSERTION");
                w.WriteString("node_id", "MDc6TGljZW5zZTA=");
                break;
        }

        w.WriteEndObject();
    }

    private static void Status(Utf8JsonWriter w, string feature, bool enabled)
    {
        w.WriteStartObject(feature);
        w.WriteString("status", enabled ? "enabled" : "disabled");
        w.WriteEndObject();
    }

    // Prose of the length and mix a real README-style description has: a few sentences, punctuation that JSON
    // escapes, a non-ASCII word or two.
    private static string Description(int n, string name, bool full)
    {
        string head = $"{name}: a self-hosted \"{s_words[(n + 2) % s_words.Length]}\" for teams that outgrew cron jobs and shell scripts - façade-free, naïve-proof, and tested on every commit.";
        if (!full)
        {
            return head;
        }

        return head
            + " It reads OpenAPI descriptions, resolves every $ref (local or across files), and emits typed clients with retries, timeouts and structured errors."
            + " Runs on Linux, macOS and Windows; containers for amd64 and arm64 are published with every release.\n\n"
            + "Highlights: zero-reflection JSON, trimming and Native AOT friendly, incremental builds that only redo what changed, and diagnostics that point at the line in the spec that caused them."
            + " See the docs site for a five-minute tour, the migration guide from v" + (n % 4 + 1).ToString(CultureInfo.InvariantCulture) + ".x, and the roadmap.";
    }
}
