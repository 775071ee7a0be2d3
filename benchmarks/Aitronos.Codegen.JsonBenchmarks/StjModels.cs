// System.Text.Json source-generated counterparts of bench.openapi.yaml's schemas: the same JSON, property for property
// and in the same order, written the way a person writes STJ models (settable properties, [JsonPropertyName]).
// Optional properties are left out when null, as the generated writers do (the contexts' DefaultIgnoreCondition);
// required nullable ones are always written, null included (JsonIgnoreCondition.Never).
using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Aitronos.Codegen.JsonBenchmarks.Stj;

public sealed class FullRepository
{
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("node_id")] public string NodeId { get; set; } = null!;
    [JsonPropertyName("name")] public string Name { get; set; } = null!;
    [JsonPropertyName("full_name")] public string FullName { get; set; } = null!;
    [JsonPropertyName("owner")] public SimpleUser Owner { get; set; } = null!;
    [JsonPropertyName("private")] public bool Private { get; set; }
    [JsonPropertyName("html_url")] public string HtmlUrl { get; set; } = null!;
    [JsonPropertyName("description"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Description { get; set; }
    [JsonPropertyName("fork")] public bool Fork { get; set; }
    [JsonPropertyName("url")] public string Url { get; set; } = null!;
    [JsonPropertyName("archive_url")] public string ArchiveUrl { get; set; } = null!;
    [JsonPropertyName("assignees_url")] public string AssigneesUrl { get; set; } = null!;
    [JsonPropertyName("blobs_url")] public string BlobsUrl { get; set; } = null!;
    [JsonPropertyName("branches_url")] public string BranchesUrl { get; set; } = null!;
    [JsonPropertyName("collaborators_url")] public string CollaboratorsUrl { get; set; } = null!;
    [JsonPropertyName("comments_url")] public string CommentsUrl { get; set; } = null!;
    [JsonPropertyName("commits_url")] public string CommitsUrl { get; set; } = null!;
    [JsonPropertyName("compare_url")] public string CompareUrl { get; set; } = null!;
    [JsonPropertyName("contents_url")] public string ContentsUrl { get; set; } = null!;
    [JsonPropertyName("contributors_url")] public string ContributorsUrl { get; set; } = null!;
    [JsonPropertyName("deployments_url")] public string DeploymentsUrl { get; set; } = null!;
    [JsonPropertyName("downloads_url")] public string DownloadsUrl { get; set; } = null!;
    [JsonPropertyName("events_url")] public string EventsUrl { get; set; } = null!;
    [JsonPropertyName("forks_url")] public string ForksUrl { get; set; } = null!;
    [JsonPropertyName("git_commits_url")] public string GitCommitsUrl { get; set; } = null!;
    [JsonPropertyName("git_refs_url")] public string GitRefsUrl { get; set; } = null!;
    [JsonPropertyName("git_tags_url")] public string GitTagsUrl { get; set; } = null!;
    [JsonPropertyName("git_url")] public string GitUrl { get; set; } = null!;
    [JsonPropertyName("issue_comment_url")] public string IssueCommentUrl { get; set; } = null!;
    [JsonPropertyName("issue_events_url")] public string IssueEventsUrl { get; set; } = null!;
    [JsonPropertyName("issues_url")] public string IssuesUrl { get; set; } = null!;
    [JsonPropertyName("keys_url")] public string KeysUrl { get; set; } = null!;
    [JsonPropertyName("labels_url")] public string LabelsUrl { get; set; } = null!;
    [JsonPropertyName("languages_url")] public string LanguagesUrl { get; set; } = null!;
    [JsonPropertyName("merges_url")] public string MergesUrl { get; set; } = null!;
    [JsonPropertyName("milestones_url")] public string MilestonesUrl { get; set; } = null!;
    [JsonPropertyName("notifications_url")] public string NotificationsUrl { get; set; } = null!;
    [JsonPropertyName("pulls_url")] public string PullsUrl { get; set; } = null!;
    [JsonPropertyName("releases_url")] public string ReleasesUrl { get; set; } = null!;
    [JsonPropertyName("ssh_url")] public string SshUrl { get; set; } = null!;
    [JsonPropertyName("stargazers_url")] public string StargazersUrl { get; set; } = null!;
    [JsonPropertyName("statuses_url")] public string StatusesUrl { get; set; } = null!;
    [JsonPropertyName("subscribers_url")] public string SubscribersUrl { get; set; } = null!;
    [JsonPropertyName("subscription_url")] public string SubscriptionUrl { get; set; } = null!;
    [JsonPropertyName("tags_url")] public string TagsUrl { get; set; } = null!;
    [JsonPropertyName("teams_url")] public string TeamsUrl { get; set; } = null!;
    [JsonPropertyName("trees_url")] public string TreesUrl { get; set; } = null!;
    [JsonPropertyName("clone_url")] public string CloneUrl { get; set; } = null!;
    [JsonPropertyName("mirror_url"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? MirrorUrl { get; set; }
    [JsonPropertyName("hooks_url")] public string HooksUrl { get; set; } = null!;
    [JsonPropertyName("svn_url")] public string SvnUrl { get; set; } = null!;
    [JsonPropertyName("homepage"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Homepage { get; set; }
    [JsonPropertyName("language"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Language { get; set; }
    [JsonPropertyName("forks_count")] public int ForksCount { get; set; }
    [JsonPropertyName("stargazers_count")] public int StargazersCount { get; set; }
    [JsonPropertyName("watchers_count")] public int WatchersCount { get; set; }
    [JsonPropertyName("size")] public int Size { get; set; }
    [JsonPropertyName("default_branch")] public string DefaultBranch { get; set; } = null!;
    [JsonPropertyName("open_issues_count")] public int OpenIssuesCount { get; set; }
    [JsonPropertyName("is_template")] public bool? IsTemplate { get; set; }
    [JsonPropertyName("topics")] public IReadOnlyList<string>? Topics { get; set; }
    [JsonPropertyName("has_issues")] public bool HasIssues { get; set; }
    [JsonPropertyName("has_projects")] public bool HasProjects { get; set; }
    [JsonPropertyName("has_wiki")] public bool HasWiki { get; set; }
    [JsonPropertyName("has_pages")] public bool HasPages { get; set; }
    [JsonPropertyName("has_downloads")] public bool? HasDownloads { get; set; }
    [JsonPropertyName("has_discussions")] public bool HasDiscussions { get; set; }
    [JsonPropertyName("archived")] public bool Archived { get; set; }
    [JsonPropertyName("disabled")] public bool Disabled { get; set; }
    [JsonPropertyName("visibility")] public string? Visibility { get; set; }
    [JsonPropertyName("pushed_at")] public DateTimeOffset PushedAt { get; set; }
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; set; }
    [JsonPropertyName("updated_at")] public DateTimeOffset UpdatedAt { get; set; }
    [JsonPropertyName("permissions")] public RepositoryPermissions? Permissions { get; set; }
    [JsonPropertyName("allow_rebase_merge")] public bool? AllowRebaseMerge { get; set; }
    [JsonPropertyName("temp_clone_token")] public string? TempCloneToken { get; set; }
    [JsonPropertyName("allow_squash_merge")] public bool? AllowSquashMerge { get; set; }
    [JsonPropertyName("allow_auto_merge")] public bool? AllowAutoMerge { get; set; }
    [JsonPropertyName("delete_branch_on_merge")] public bool? DeleteBranchOnMerge { get; set; }
    [JsonPropertyName("allow_merge_commit")] public bool? AllowMergeCommit { get; set; }
    [JsonPropertyName("allow_update_branch")] public bool? AllowUpdateBranch { get; set; }
    [JsonPropertyName("use_squash_pr_title_as_default")] public bool? UseSquashPrTitleAsDefault { get; set; }
    [JsonPropertyName("squash_merge_commit_title")] public string? SquashMergeCommitTitle { get; set; }
    [JsonPropertyName("squash_merge_commit_message")] public string? SquashMergeCommitMessage { get; set; }
    [JsonPropertyName("merge_commit_title")] public string? MergeCommitTitle { get; set; }
    [JsonPropertyName("merge_commit_message")] public string? MergeCommitMessage { get; set; }
    [JsonPropertyName("allow_forking")] public bool? AllowForking { get; set; }
    [JsonPropertyName("web_commit_signoff_required")] public bool? WebCommitSignoffRequired { get; set; }
    [JsonPropertyName("subscribers_count")] public int SubscribersCount { get; set; }
    [JsonPropertyName("network_count")] public int NetworkCount { get; set; }
    [JsonPropertyName("license"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public License? License { get; set; }
    [JsonPropertyName("organization")] public SimpleUser? Organization { get; set; }
    [JsonPropertyName("parent")] public FullRepository? Parent { get; set; }
    [JsonPropertyName("source")] public FullRepository? Source { get; set; }
    [JsonPropertyName("forks")] public int Forks { get; set; }
    [JsonPropertyName("open_issues")] public int OpenIssues { get; set; }
    [JsonPropertyName("watchers")] public int Watchers { get; set; }
    [JsonPropertyName("code_of_conduct")] public CodeOfConduct? CodeOfConduct { get; set; }
    [JsonPropertyName("security_and_analysis")] public SecurityAndAnalysis? SecurityAndAnalysis { get; set; }
}

public sealed class SimpleUser
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("login")] public string Login { get; set; } = null!;
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("node_id")] public string NodeId { get; set; } = null!;
    [JsonPropertyName("avatar_url")] public string AvatarUrl { get; set; } = null!;
    [JsonPropertyName("gravatar_id"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? GravatarId { get; set; }
    [JsonPropertyName("url")] public string Url { get; set; } = null!;
    [JsonPropertyName("html_url")] public string HtmlUrl { get; set; } = null!;
    [JsonPropertyName("followers_url")] public string FollowersUrl { get; set; } = null!;
    [JsonPropertyName("following_url")] public string FollowingUrl { get; set; } = null!;
    [JsonPropertyName("gists_url")] public string GistsUrl { get; set; } = null!;
    [JsonPropertyName("starred_url")] public string StarredUrl { get; set; } = null!;
    [JsonPropertyName("subscriptions_url")] public string SubscriptionsUrl { get; set; } = null!;
    [JsonPropertyName("organizations_url")] public string OrganizationsUrl { get; set; } = null!;
    [JsonPropertyName("repos_url")] public string ReposUrl { get; set; } = null!;
    [JsonPropertyName("events_url")] public string EventsUrl { get; set; } = null!;
    [JsonPropertyName("received_events_url")] public string ReceivedEventsUrl { get; set; } = null!;
    [JsonPropertyName("type")] public string Type { get; set; } = null!;
    [JsonPropertyName("site_admin")] public bool SiteAdmin { get; set; }
    [JsonPropertyName("starred_at")] public string? StarredAt { get; set; }
    [JsonPropertyName("user_view_type")] public string? UserViewType { get; set; }
}

public sealed class License
{
    [JsonPropertyName("key")] public string Key { get; set; } = null!;
    [JsonPropertyName("name")] public string Name { get; set; } = null!;
    [JsonPropertyName("url"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Url { get; set; }
    [JsonPropertyName("spdx_id"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? SpdxId { get; set; }
    [JsonPropertyName("node_id")] public string NodeId { get; set; } = null!;
    [JsonPropertyName("html_url")] public string? HtmlUrl { get; set; }
}

public sealed class RepositoryPermissions
{
    [JsonPropertyName("admin")] public bool Admin { get; set; }
    [JsonPropertyName("maintain")] public bool? Maintain { get; set; }
    [JsonPropertyName("push")] public bool Push { get; set; }
    [JsonPropertyName("triage")] public bool? Triage { get; set; }
    [JsonPropertyName("pull")] public bool Pull { get; set; }
}

public sealed class CodeOfConduct
{
    [JsonPropertyName("key")] public string Key { get; set; } = null!;
    [JsonPropertyName("name")] public string Name { get; set; } = null!;
    [JsonPropertyName("url")] public string Url { get; set; } = null!;
    [JsonPropertyName("html_url")] public string? HtmlUrl { get; set; }
}

public sealed class SecurityAndAnalysis
{
    [JsonPropertyName("advanced_security")] public SecurityFeatureStatus? AdvancedSecurity { get; set; }
    [JsonPropertyName("secret_scanning")] public SecurityFeatureStatus? SecretScanning { get; set; }
    [JsonPropertyName("secret_scanning_push_protection")] public SecurityFeatureStatus? SecretScanningPushProtection { get; set; }
    [JsonPropertyName("dependabot_security_updates")] public SecurityFeatureStatus? DependabotSecurityUpdates { get; set; }
}

public sealed class SecurityFeatureStatus
{
    [JsonPropertyName("status")] public string? Status { get; set; }
}

/// <summary>
/// The label as STJ would keep the same information as the generated model on a read: the properties the schema does
/// not name (<c>[JsonExtensionData]</c>; the generated model keeps them in <c>AdditionalProperties</c>). A third column for
/// the small-model read, beside the plain POCO.
/// </summary>
public sealed class LabelWithExtensionData
{
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("name")] public string Name { get; set; } = null!;
    [JsonPropertyName("color")] public string Color { get; set; } = null!;
    [JsonPropertyName("description"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Description { get; set; }
    [JsonPropertyName("default")] public bool Default { get; set; }
    [JsonExtensionData] public Dictionary<string, System.Text.Json.JsonElement>? AdditionalProperties { get; set; }
}

public sealed class Label
{
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("name")] public string Name { get; set; } = null!;
    [JsonPropertyName("color")] public string Color { get; set; } = null!;
    [JsonPropertyName("description"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Description { get; set; }
    [JsonPropertyName("default")] public bool Default { get; set; }
}
